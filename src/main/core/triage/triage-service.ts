import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import { TRIAGE_ACTION_TARGET } from '@shared/api/triage-api'
import type { PaperId } from '@shared/model/ids'
import type { ServiceDeps } from '../library-service'
import { applyPaperPatch } from '../db/paper-edit-repo'
import { inTriage, fromSource, whereOf } from '../db/view-filter'
import { deleteStoredFiles } from '../pdf/pdf-store'
import type { VisitState } from '../visit-state'
import { addRule, fromSourceCondition, listRules, matchRule, removeRule } from './arrival-rules'
import { forgetPapers, purgeTrash, type Purged } from './purge-papers'
import { inboxGroups, inGroup } from './inbox-groups'

type TriageMethods =
  | 'triagePapers'
  | 'emptyTrash'
  | 'inboxGroups'
  | 'forgetPapers'
  | 'listArrivalRules'
  | 'addArrivalRule'
  | 'removeArrivalRule'
  | 'previewArrivalRule'

/**
 * Triage: keep, dismiss, delete and undelete (one statement per action, whatever the number of
 * papers; the result undoes it through `updatePapers`), emptying the trash, forgetting, and the
 * arrival rules of sources.
 */
export function createTriageService(
  deps: ServiceDeps,
  visits: VisitState,
): Pick<LibraryService, TriageMethods> {
  const { db, events } = deps
  const stamp = () => deps.now().toISOString()
  /** Deletes the files a purge left unused (after its commit) and tells every door. */
  const purged = async (result: Purged) => {
    await deleteStoredFiles(
      deps.dataDir,
      result.unusedFiles.map((file) => file.sha256),
    )
    if (result.ids.length > 0) {
      events.emit('library.changed', { reason: 'triage', paperIds: result.ids })
    }
    return {
      changed: result.ids.length,
      freedBytes: result.unusedFiles.reduce((sum, file) => sum + file.size, 0),
    }
  }

  return {
    triagePapers: ({ action, ids, allInInbox, sourceId, day }) => {
      const result = db
        .transaction(() => {
          const targets = allInInbox ? inboxIds(sourceId, day) : (ids ?? [])
          if (targets.length === 0) return { changed: 0, undo: [], ids: targets }
          const outcome = applyPaperPatch(
            db,
            { ids: targets, triage: TRIAGE_ACTION_TARGET[action] },
            stamp(),
          )
          return { ...outcome, ids: targets }
        })
        .immediate()
      if (result.changed > 0) {
        events.emit('library.changed', { reason: 'triage', paperIds: result.ids })
      }
      return { changed: result.changed, undo: result.undo }
    },
    inboxGroups: () => inboxGroups(db),
    emptyTrash: () => purged(db.transaction(() => purgeTrash(db, stamp())).immediate()),
    forgetPapers: async ({ ids }) => {
      const result = db.transaction(() => forgetPapers(db, ids)).immediate()
      if (result.refused.length > 0 && result.ids.length === 0) {
        throw new AppError(
          'invalid-input',
          `Only dismissed or deleted papers can be forgotten; ${result.refused.join(', ')} ${
            result.refused.length === 1 ? 'is' : 'are'
          } in the inbox or the library.`,
        )
      }
      return purged(result)
    },
    listArrivalRules: ({ sourceId }) => listRules(db, sourceId),
    addArrivalRule: (rule) => {
      const added = db.transaction(() => addRule(db, rule, stamp())).immediate()
      events.emit('library.changed', { reason: 'rules', paperIds: [] })
      return added
    },
    removeArrivalRule: ({ id }) => {
      db.transaction(() => removeRule(db, id)).immediate()
      events.emit('library.changed', { reason: 'rules', paperIds: [] })
      return { changed: 1 }
    },
    previewArrivalRule: ({ sourceId, query, limit }) => {
      const ids = matchRule(db, query, fromSourceCondition(sourceId), visits.newCutoff)
      return { matched: ids.length, paperIds: ids.slice(0, limit) }
    },
  }

  function inboxIds(sourceId: number | undefined, day: string | undefined): PaperId[] {
    const conditions = [
      inTriage('inbox'),
      ...(day !== undefined
        ? [inGroup(sourceId ?? null, day)]
        : sourceId === undefined
          ? []
          : [fromSource(sourceId)]),
    ]
    const { sql, params } = whereOf(conditions)
    return db
      .prepare(`SELECT p.id FROM papers p ${sql} ORDER BY p.id`)
      .pluck()
      .all(...params) as PaperId[]
  }
}
