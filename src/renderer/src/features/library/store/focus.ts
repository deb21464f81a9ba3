import type { PaperId } from '@shared/model/ids'
import type { LibraryStore } from '../library-store'
import { extendTo, toggleRow, type Selection } from '../selection'
import type { LoadedRows } from './loaded-rows'
import type { PaperDetailLoader } from './paper-detail'
import type { StoreContext } from './store-context'

/** The row under the keyboard, moved by keys and clicks, kept in place as rows arrive. */
export type Focus = Pick<LibraryStore, 'focus' | 'moveFocus' | 'click'> & {
  /** New rows of `total` arrived: the focus goes to the paper clicked meanwhile, else stays in range. */
  afterRows: (total: number) => void
  /** The latest rows are in: a paper clicked before them no longer waits for them. */
  forgetPicked: () => void
}

/** Creates the focus over the loaded rows; moving it moves the detail pane. */
export function createFocus(ctx: StoreContext, rows: LoadedRows, detail: PaperDetailLoader): Focus {
  // A paper clicked while its rows were being replaced (a search cleared or answered): it gets
  // the focus when the new rows arrive, instead of the first row.
  let picked: PaperId | null = null

  const focus = (index: number): void => {
    const { total, focusIndex } = ctx.get()
    const clamped = total === 0 ? -1 : Math.max(0, Math.min(index, total - 1))
    ctx.set({ focusIndex: clamped })
    detail.followFocus(clamped !== focusIndex)
  }

  const focusPicked = (): boolean => {
    if (picked === null) return false
    const at = rows.indexOf(picked)
    if (at === null) return false
    picked = null
    focus(at)
    return true
  }

  return {
    focus,
    moveFocus(delta) {
      const { focusIndex } = ctx.get()
      focus(Math.max(0, focusIndex) + (focusIndex < 0 ? 0 : delta))
    },
    click(drawnAt, { shift, toggle }, id) {
      const index = id === undefined || rows.at(drawnAt)?.id === id ? drawnAt : rows.indexOf(id)
      const row = index === null ? undefined : rows.at(index)
      if (!row || index === null) {
        // Drawn from rows being replaced: focus it once the new rows hold it.
        if (id !== undefined && !shift && !toggle) picked = id
        return
      }
      // Rows of an earlier view or query still drawn: the new rows take the focus to this paper.
      picked = !rows.current() && !shift && !toggle ? row.id : null
      // A plain click moves the focus and clears a multi-selection; it anchors the next shift-click.
      const current = ctx.get().selection
      let selection: Selection = { ids: new Set(), anchor: index }
      if (shift) selection = extendTo(current, index, (i) => rows.at(i)?.id, toggle)
      else if (toggle) selection = toggleRow(current, index, row.id)
      ctx.set({ selection })
      focus(index)
    },
    afterRows(total) {
      if (focusPicked()) return
      const { focusIndex } = ctx.get()
      if (focusIndex < 0 && total > 0) focus(0)
      else if (focusIndex >= total) focus(total - 1)
      else if (total === 0) focus(-1)
      else detail.loadIfMoved()
    },
    forgetPicked() {
      picked = null
    },
  }
}
