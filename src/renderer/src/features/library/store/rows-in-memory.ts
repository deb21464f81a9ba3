import type { PaperPatch } from '@shared/api/library-ui'
import type { PaperId } from '@shared/model/ids'
import type { LibraryStore } from '../library-store'
import { reorderRows, type DropSide } from '../list-moves'
import { EMPTY_SELECTION } from '../selection'
import type { Focus } from './focus'
import type { PaperListRow } from './library-state'
import type { LoadedRows } from './loaded-rows'
import type { Refresher } from './refresh'
import type { StoreContext } from './store-context'

/**
 * Changes shown on the loaded rows before the core has them, so a key pressed again at once reads
 * the new state and the next paper slides under the cursor; the refetch that follows confirms them.
 */
export type RowsInMemory = {
  /** Shows an edit of user fields (tags, status, star) on the loaded rows. */
  patch: (ids: ReadonlyArray<PaperId>, patch: Omit<PaperPatch, 'ids'>) => void
  /** Takes papers that left the view out of the loaded rows; the next one takes the focus. */
  remove: LibraryStore['removeRows']
  /** Moves a paper above or below another; the paper keeps the focus at its new place. */
  move: (paper: PaperId, target: PaperId, side: DropSide) => void
}

/** Creates the changes in memory; those that take rows away or move them refresh after the write. */
export function createRowsInMemory(
  ctx: StoreContext,
  rows: LoadedRows,
  focusedId: () => PaperId | null,
  focus: Pick<Focus, 'focus'>,
  refresher: Pick<Refresher, 'rowsChangedInMemory'>,
): RowsInMemory {
  return {
    patch(ids, patch) {
      const touched = new Set(ids)
      rows.map((row: PaperListRow): PaperListRow => {
        if (!touched.has(row.id)) return row
        let tags = row.tags
        if (patch.addTags) tags = [...new Set([...tags, ...patch.addTags])].sort()
        if (patch.removeTags) {
          const gone = new Set(patch.removeTags.map((tag) => tag.toLowerCase()))
          tags = tags.filter((tag) => !gone.has(tag.toLowerCase()))
        }
        return {
          ...row,
          tags,
          status: patch.status ?? row.status,
          starred: patch.starred ?? row.starred,
        }
      })
      ctx.rowsChanged()
    },
    remove(ids) {
      const gone = new Set(ids)
      let removed = 0
      const rewritten = rows.rewrite((loaded) => {
        const kept = loaded.filter((row) => !gone.has(row.id))
        removed = loaded.length - kept.length
        return removed === 0 ? null : kept
      })
      if (rewritten === null) return
      const state = ctx.get()
      const total = Math.max(0, state.total - removed)
      const selection = [...state.selection.ids].some((id) => gone.has(id))
        ? EMPTY_SELECTION
        : state.selection
      ctx.rowsChanged({ total, selection })
      focus.focus(Math.min(ctx.get().focusIndex, total - 1))
      // The last page kept is short now, and pages after a gap are gone.
      refresher.rowsChangedInMemory()
    },
    move(paper, target, side) {
      const focusedPaper = focusedId()
      let movedTo = 0
      const firstIndex = rows.rewrite((loaded) => {
        const moved = reorderRows(loaded, paper, target, side)
        if (!moved) return null
        movedTo = moved.index
        return moved.rows
      })
      if (firstIndex === null) return
      const state = ctx.get()
      const focusIndex =
        focusedPaper === paper
          ? firstIndex + movedTo
          : (rows.indexOf(focusedPaper ?? paper) ?? state.focusIndex)
      ctx.rowsChanged({ focusIndex, selection: { ...state.selection, anchor: focusIndex } })
      refresher.rowsChangedInMemory()
    },
  }
}
