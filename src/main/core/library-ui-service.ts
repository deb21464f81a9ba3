import type { LibraryChangeReason } from '@shared/api/events'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import {
  listLists,
  createList,
  renameList,
  deleteList,
  addToList,
  removeFromList,
} from './db/lists-repo'
import { applyPaperPatch } from './db/paper-edit-repo'
import { libraryCounts, listPaperIds, listPaperRows } from './db/paper-rows-repo'
import { reindexPapers } from './db/papers-index'
import {
  createTag,
  deleteTag,
  getTag,
  mergeTags,
  renameTag,
  setTagColor,
} from './db/tags-admin-repo'
import type { ServiceDeps } from './library-service'
import type { VisitState } from './visit-state'

type UiMethods =
  | 'listPaperRows'
  | 'listPaperIds'
  | 'libraryCounts'
  | 'beginVisit'
  | 'updatePapers'
  | 'createTag'
  | 'renameTag'
  | 'mergeTags'
  | 'setTagColor'
  | 'deleteTag'
  | 'listLists'
  | 'createList'
  | 'renameList'
  | 'deleteList'
  | 'addToList'
  | 'removeFromList'

/** The library screen's methods: light windowed rows, counts, bulk edits with undo, tags and lists admin. */
export function createLibraryUiService(
  deps: ServiceDeps,
  visits: VisitState,
): Pick<LibraryService, UiMethods> {
  const { db, events } = deps
  const stamp = () => deps.now().toISOString()
  /** Runs a write in one transaction, reindexes the papers whose tags changed, and tells every door. */
  const write = <T>(
    reason: LibraryChangeReason,
    run: () => { result: T; paperIds: ReadonlyArray<PaperId>; reindex: boolean },
  ): T => {
    const { result, paperIds } = db
      .transaction(() => {
        const outcome = run()
        if (outcome.reindex) reindexPapers(db, outcome.paperIds)
        return outcome
      })
      .immediate()
    events.emit('library.changed', { reason, paperIds })
    return result
  }

  return {
    listPaperRows: (query) => listPaperRows(db, query, visits.newCutoff()),
    listPaperIds: (filter) => listPaperIds(db, filter, visits.newCutoff()),
    libraryCounts: () => libraryCounts(db, visits.newCutoff()),
    beginVisit: () => ({ newSince: visits.begin() }),
    updatePapers: (patch) => {
      const result = db
        .transaction(() => {
          const outcome = applyPaperPatch(db, patch, stamp())
          const tagsChanged = outcome.undo.some((step) => step.addTags ?? step.removeTags)
          if (tagsChanged) reindexPapers(db, patch.ids)
          return outcome
        })
        .immediate()
      if (result.changed > 0) {
        events.emit('library.changed', { reason: 'edit', paperIds: patch.ids })
      }
      return result
    },
    createTag: ({ name, color }) =>
      write('tags', () => ({
        result: createTag(db, name, color, stamp()),
        paperIds: [],
        reindex: false,
      })),
    renameTag: ({ id, name }) =>
      write('tags', () => {
        const paperIds = renameTag(db, id, name)
        return { result: getTag(db, id), paperIds, reindex: true }
      }),
    mergeTags: ({ ids, into }) =>
      write('tags', () => {
        const paperIds = mergeTags(db, ids, into, stamp())
        return { result: { changed: paperIds.length }, paperIds, reindex: true }
      }),
    setTagColor: ({ id, color }) =>
      write('tags', () => ({ result: setTagColor(db, id, color), paperIds: [], reindex: false })),
    deleteTag: ({ id }) =>
      write('tags', () => {
        const deleted = deleteTag(db, id)
        return { result: deleted, paperIds: deleted.paperIds, reindex: true }
      }),
    listLists: () => listLists(db),
    createList: ({ name }) =>
      write('lists', () => ({
        result: createList(db, name, stamp()),
        paperIds: [],
        reindex: false,
      })),
    renameList: ({ id, name }) =>
      write('lists', () => ({ result: renameList(db, id, name), paperIds: [], reindex: false })),
    deleteList: ({ id }) =>
      write('lists', () => ({
        result: { changed: deleteList(db, id) },
        paperIds: [],
        reindex: false,
      })),
    addToList: ({ listId, ids }) =>
      write('lists', () => ({
        result: { changed: addToList(db, listId, ids, stamp()) },
        paperIds: ids,
        reindex: false,
      })),
    removeFromList: ({ listId, ids }) =>
      write('lists', () => ({
        result: { changed: removeFromList(db, listId, ids) },
        paperIds: ids,
        reindex: false,
      })),
  }
}
