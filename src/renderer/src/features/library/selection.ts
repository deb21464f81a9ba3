import type { PaperId } from '@shared/model/ids'

/** Which rows are selected, and the row a shift-click extends from. */
export type Selection = { ids: ReadonlySet<PaperId>; anchor: number | null }

/** Nothing selected. */
export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null }

/** A plain click: only this row. */
export function selectOnly(index: number, id: PaperId): Selection {
  return { ids: new Set([id]), anchor: index }
}

/** Ctrl/Cmd-click or `x`: adds or removes one row, which becomes the anchor. */
export function toggleRow(selection: Selection, index: number, id: PaperId): Selection {
  const ids = new Set(selection.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { ids, anchor: index }
}

/**
 * Shift-click: selects every row from the anchor to `index` (rows not loaded yet are skipped);
 * with `additive` (shift+ctrl) the range joins the current selection.
 */
export function extendTo(
  selection: Selection,
  index: number,
  idAt: (index: number) => PaperId | undefined,
  additive = false,
): Selection {
  const anchor = selection.anchor ?? index
  const [from, to] = anchor <= index ? [anchor, index] : [index, anchor]
  const ids = new Set(additive ? selection.ids : [])
  for (let i = from; i <= to; i += 1) {
    const id = idAt(i)
    if (id !== undefined) ids.add(id)
  }
  return { ids, anchor }
}

/** Selects exactly these ids (select-all); the anchor is kept. */
export function selectIds(selection: Selection, ids: Iterable<PaperId>): Selection {
  return { ids: new Set(ids), anchor: selection.anchor }
}

/** The papers an action applies to: the selection, else the focused row. */
export function actionTargets(selection: Selection, focusedId: PaperId | null): PaperId[] {
  if (selection.ids.size > 0) return [...selection.ids]
  return focusedId === null ? [] : [focusedId]
}
