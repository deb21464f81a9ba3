import type { PaperId } from '@shared/model/ids'
import type { LibraryStore } from '../library-store'
import { actionTargets, EMPTY_SELECTION, selectIds, toggleRow } from '../selection'
import type { ListWindow } from './list-window'
import type { LoadedRows } from './loaded-rows'
import type { StoreContext } from './store-context'

/** The papers picked for an action, and which papers an action applies to. */
export type PaperSelection = Pick<
  LibraryStore,
  'toggleSelectFocused' | 'selectAll' | 'clearSelection' | 'targets'
>

/** Creates the selection intents; `focusedId` is the paper under the keyboard now. */
export function createPaperSelection(
  ctx: StoreContext,
  rows: LoadedRows,
  focusedId: () => PaperId | null,
  listWindow: Pick<ListWindow, 'allIds'>,
): PaperSelection {
  return {
    toggleSelectFocused() {
      const { focusIndex, selection } = ctx.get()
      const row = rows.at(focusIndex)
      if (row) ctx.set({ selection: toggleRow(selection, focusIndex, row.id) })
    },
    selectAll: () =>
      ctx.run(async () => {
        const ids = await listWindow.allIds()
        ctx.set({ selection: selectIds(ctx.get().selection, ids) })
      }),
    clearSelection: () => ctx.set({ selection: EMPTY_SELECTION }),
    targets: () => actionTargets(ctx.get().selection, focusedId()),
  }
}
