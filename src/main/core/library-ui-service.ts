import type { LibraryService } from '@shared/api/library-api'
import {
  listLists,
  createList,
  renameList,
  deleteList,
  addToList,
  removeFromList,
} from './db/lists-repo'
import { moveInList } from './db/list-order-repo'
import { libraryCounts, listPaperIds, listPaperRows } from './db/paper-rows-repo'
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
import { createUserWrite } from './user-edits'

type UiMethods =
  | 'listPaperRows'
  | 'listPaperIds'
  | 'libraryCounts'
  | 'beginVisit'
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
  | 'moveInList'

/** The library screen's methods: light windowed rows, counts, bulk edits with undo, tags and lists admin. */
export function createLibraryUiService(
  deps: ServiceDeps,
  visits: VisitState,
): Pick<LibraryService, UiMethods> {
  const { db } = deps
  const stamp = () => deps.now().toISOString()
  const write = createUserWrite(deps)

  return {
    listPaperRows: (query) => listPaperRows(db, query, visits.newCutoff()),
    listPaperIds: (filter) => listPaperIds(db, filter, visits.newCutoff()),
    libraryCounts: () => libraryCounts(db, visits.newCutoff()),
    beginVisit: () => ({ newSince: visits.begin() }),
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
    moveInList: ({ listId, paperId, before, after, to }) =>
      write('list-order', () => {
        const { from, to: placed } = moveInList(db, listId, paperId, { before, after, to })
        return {
          result: { from, to: placed, undo: { listId, paperId, to: from } },
          paperIds: [paperId],
          reindex: false,
          changed: from !== placed,
        }
      }),
  }
}
