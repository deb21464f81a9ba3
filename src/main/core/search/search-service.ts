import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import { parseQuery } from '@shared/search/query-syntax'
import type { ServiceDeps } from '../library-service'
import type { VisitState } from '../visit-state'
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches'
import { searchPaperRows, searchPapers } from './search-papers'

type SearchMethods =
  | 'search'
  | 'searchLibrary'
  | 'searchPaperRows'
  | 'listSavedSearches'
  | 'saveSearch'
  | 'deleteSavedSearch'

/** Search and saved searches (smart views). */
export function createSearchService(
  deps: ServiceDeps,
  visits: VisitState,
): Pick<LibraryService, SearchMethods> {
  const { db, events } = deps
  const run = (query: string, limit: number, includeDismissed: boolean | undefined) =>
    searchPapers(db, query, { limit, includeDismissed, newCutoff: visits.newCutoff })
  return {
    search: ({ query, limit, includeDismissed }) => run(query, limit, includeDismissed).hits,
    searchLibrary: ({ query, limit, includeDismissed }) => run(query, limit, includeDismissed),
    searchPaperRows: (query) => searchPaperRows(db, query, { newCutoff: visits.newCutoff }),
    listSavedSearches: () => listSavedSearches(db),
    saveSearch: ({ name, query }) => {
      const [warning] = parseQuery(query).warnings
      if (warning) throw new AppError('invalid-input', `Saved search "${name}": ${warning.message}`)
      const saved = saveSearch(db, name, query.trim(), deps.now().toISOString())
      events.emit('searches.changed', { reason: 'saved' })
      return saved
    },
    deleteSavedSearch: ({ id }) => {
      if (deleteSavedSearch(db, id) === 0) {
        throw new AppError('not-found', `There is no saved search ${id}.`)
      }
      events.emit('searches.changed', { reason: 'deleted' })
      return { changed: 1 }
    },
  }
}
