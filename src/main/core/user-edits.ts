import type { LibraryChangeReason } from '@shared/api/events'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperPatch } from '@shared/api/library-ui'
import type { PaperId } from '@shared/model/ids'
import { applyPaperPatch } from './db/paper-edit-repo'
import { reindexPapers } from './db/papers-index'
import { setNote } from './db/user-fields-repo'
import type { ServiceDeps } from './library-service'

/** What one write did: its answer, the papers it touched, and whether their searchable text changed. */
export type WriteOutcome<T> = {
  result: T
  paperIds: ReadonlyArray<PaperId>
  reindex: boolean
  /** False when the write turned out to change nothing: no event then. */
  changed?: boolean
}

/**
 * The one way a user's edit reaches the library: one immediate transaction, the search index
 * refreshed in it when searchable text (tags, note) changed, then one `library.changed` event
 * with a typed reason — unless the write says it changed nothing, so an idle edit wakes no door.
 */
export function createUserWrite(deps: Pick<ServiceDeps, 'db' | 'events'>) {
  const { db, events } = deps
  return <T>(reason: LibraryChangeReason, run: () => WriteOutcome<T>): T => {
    const { result, paperIds, changed } = db
      .transaction(() => {
        const outcome = run()
        if (outcome.reindex && outcome.paperIds.length > 0) reindexPapers(db, outcome.paperIds)
        return outcome
      })
      .immediate()
    if (changed !== false) events.emit('library.changed', { reason, paperIds })
    return result
  }
}

/** The event reason of a patch: the one field it sets, or `edit` when it sets several. */
function reasonOf(patch: PaperPatch): LibraryChangeReason {
  const fields: LibraryChangeReason[] = []
  if (patch.addTags ?? patch.removeTags) fields.push('tags')
  if (patch.status !== undefined) fields.push('status')
  if (patch.starred !== undefined) fields.push('starred')
  return fields.length === 1 ? (fields[0] ?? 'edit') : 'edit'
}

type EditMethods =
  'updatePapers' | 'tagPapers' | 'untagPapers' | 'setStatus' | 'setStarred' | 'setNote'

/**
 * The user-field methods. Every one is a patch through `updatePapers`' path, so tags, status,
 * star and note share one transaction rule, one reindex rule and one event vocabulary; the
 * single-field methods stay for the CLI's documented shapes (`{ changed }`).
 */
export function createUserEdits(deps: ServiceDeps): Pick<LibraryService, EditMethods> {
  const write = createUserWrite(deps)
  const stamp = () => deps.now().toISOString()
  const applyPatch = (patch: PaperPatch) =>
    write(reasonOf(patch), () => {
      const outcome = applyPaperPatch(deps.db, patch, stamp())
      return {
        result: outcome,
        paperIds: patch.ids,
        reindex: outcome.undo.some((step) => step.addTags ?? step.removeTags),
        changed: outcome.changed > 0,
      }
    })
  const changedBy = (patch: PaperPatch) => ({ changed: applyPatch(patch).changed })

  return {
    updatePapers: applyPatch,
    tagPapers: ({ ids, tags }) => changedBy({ ids, addTags: [...tags] }),
    untagPapers: ({ ids, tags }) => changedBy({ ids, removeTags: [...tags] }),
    setStatus: ({ ids, status }) => changedBy({ ids, status }),
    setStarred: ({ ids, starred }) => changedBy({ ids, starred }),
    setNote: ({ id, note }) =>
      write('note', () => {
        const changed = setNote(deps.db, id, note, stamp())
        return { result: { changed }, paperIds: [id], reindex: changed > 0, changed: changed > 0 }
      }),
  }
}
