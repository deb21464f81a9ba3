import { displayTitle } from '@shared/model/paper'
import type { LibraryStore } from '../library-store'
import { canMoveInList, placeOf } from '../list-moves'
import type { LoadedRows } from './loaded-rows'
import type { Refresher } from './refresh'
import type { RowsInMemory } from './rows-in-memory'
import type { StoreContext } from './store-context'
import type { Undo } from './undo'

/** Moving papers within the list shown, in its own order (drag and drop, Alt+↑/↓). */
export type ListOrder = Pick<LibraryStore, 'canMoveInList' | 'moveInList' | 'moveFocusedInList'>

/** Creates the list order: a move shows on the rows at once, then reaches the core. */
export function createListOrder(parts: {
  ctx: StoreContext
  rows: LoadedRows
  inMemory: Pick<RowsInMemory, 'move'>
  refresher: Pick<Refresher, 'refresh' | 'writing'>
  undo: Pick<Undo, 'recordUndo'>
}): ListOrder {
  const { ctx, rows, inMemory, refresher, undo } = parts
  const { api, toasts } = ctx
  /** The last move on its way to the core. */
  let movesInFlight: Promise<void> = Promise.resolve()

  const moveInList: ListOrder['moveInList'] = async (paper, target, side) => {
    const state = ctx.get()
    const { scope } = state
    if (scope.kind !== 'list' || paper === target) return
    if (!canMoveInList(state)) {
      toasts.notify({ kind: 'info', message: 'Sort by List order to move papers in the list.' })
      return
    }
    const order = state.query.trim() === '' ? state.order : state.searchOrder
    const row = rows.find(paper)
    const title = row ? displayTitle(row) : `#${paper}`
    inMemory.move(paper, target, side)
    // Moves reach the core one after another, in the order made: each names its neighbour as
    // the rows showed it then, and the undo stack keeps their order.
    const previous = movesInFlight
    const move = ctx.run(() =>
      refresher.writing(async () => {
        await previous
        const moved = await api
          .moveInList({ listId: scope.listId, paperId: paper, ...placeOf(target, side, order) })
          .catch(async (error) => {
            await refresher.refresh()
            throw error
          })
        if (moved.from === moved.to) return
        undo.recordUndo(`Moved “${title}” to place ${moved.to} of ${scope.name}`, async () => {
          await api.moveInList(moved.undo)
        })
      }),
    )
    movesInFlight = move
    await move
  }

  return {
    canMoveInList: () => canMoveInList(ctx.get()),
    moveInList,
    async moveFocusedInList(delta) {
      const { focusIndex } = ctx.get()
      const row = rows.at(focusIndex)
      const neighbour = rows.at(focusIndex + delta)
      if (!row || !neighbour) return
      await moveInList(row.id, neighbour.id, delta < 0 ? 'above' : 'below')
    },
  }
}
