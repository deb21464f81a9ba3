import type { LibraryStore } from '../library-store'
import { plural } from '../paper-format'
import type { ListWindow } from './list-window'
import type { PaperSelection } from './paper-selection'
import type { StoreContext } from './store-context'
import type { Undo } from './undo'

/** The user's lists: create, delete, and add papers to one. */
export type ListAdmin = Pick<LibraryStore, 'createList' | 'deleteList' | 'addToList'>

/** Creates the list admin; a list's view leaves when the list is deleted. */
export function createListAdmin(
  ctx: StoreContext,
  undo: Pick<Undo, 'recordUndo'>,
  listWindow: Pick<ListWindow, 'setScope'>,
  selection: Pick<PaperSelection, 'targets'>,
): ListAdmin {
  const { api } = ctx
  return {
    createList: (name) =>
      ctx.run(async () => {
        await api.createList({ name })
      }),
    deleteList: (id) =>
      ctx.run(async () => {
        await api.deleteList({ id })
        const { scope } = ctx.get()
        if (scope.kind === 'list' && scope.listId === id) {
          listWindow.setScope({ kind: 'view', view: 'all' })
        }
      }),
    addToList: (listId) =>
      ctx.run(async () => {
        const ids = selection.targets()
        if (ids.length === 0) return
        const list = ctx.get().lists.find((entry) => entry.id === listId)
        await api.addToList({ listId, ids })
        undo.recordUndo(`Added ${plural(ids.length)} to ${list?.name ?? 'the list'}`, async () => {
          await api.removeFromList({ listId, ids })
        })
      }),
  }
}
