import { AppError } from '@shared/api/errors'
import type { ExportScope } from '@shared/api/curation-api'
import type { WritableDb } from '../db/open-database'
import { viewPaperIdsInOwnOrder } from '../db/paper-rows-repo'
import type { FilterContext } from '../search/filter-sql'
import { searchPapers } from '../search/search-papers'

/** More papers than any library holds: a saved search exported whole, not its first page. */
const ALL = 10_000_000

/**
 * The papers of a scope, in the scope's own order: a list or source in its order, a saved search by
 * rank, a tag (with its sub-tags) or the library by date added (oldest first, so a file grows at
 * its end), the selection as given. The one place that knows how a view becomes papers.
 */
export function resolveScope(db: WritableDb, scope: ExportScope, context: FilterContext): number[] {
  switch (scope.kind) {
    case 'papers':
      return [...new Set(scope.ids)]
    case 'list':
      if (!db.prepare('SELECT 1 FROM lists WHERE id = ?').get(scope.listId)) {
        throw new AppError('not-found', `There is no list ${scope.listId}.`)
      }
      return viewPaperIdsInOwnOrder(db, { view: 'all', listId: scope.listId }, context.newCutoff())
    case 'savedSearch': {
      const saved = db
        .prepare('SELECT query FROM saved_searches WHERE id = ?')
        .pluck()
        .get(scope.id) as string | undefined
      if (saved === undefined) {
        throw new AppError('not-found', `There is no saved search ${scope.id}.`)
      }
      return searchPapers(db, saved, { limit: ALL, ...context }).hits.map((hit) => hit.id)
    }
    case 'tag':
      return viewPaperIdsInOwnOrder(db, { view: 'all', tag: scope.tag }, context.newCutoff())
    case 'source':
      if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(scope.sourceId)) {
        throw new AppError('not-found', `There is no source ${scope.sourceId}.`)
      }
      return viewPaperIdsInOwnOrder(
        db,
        { view: 'all', sourceId: scope.sourceId },
        context.newCutoff(),
      )
    case 'library':
      return viewPaperIdsInOwnOrder(db, { view: 'all' }, context.newCutoff())
  }
}
