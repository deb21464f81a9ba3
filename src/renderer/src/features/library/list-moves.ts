import type { ListPlace } from '@shared/api/library-ui'
import type { SearchSort } from '@shared/api/search-api'
import type { PaperId } from '@shared/model/ids'
import type { PaperSort } from '@shared/model/paper'
import type { Scope } from './scope'

/** Where a paper is dropped or moved, as the list shows it: above or below another row. */
export type DropSide = 'above' | 'below'

/**
 * The sorts a scope starts with: a list in its own order; any other view by date added (a list's
 * order means nothing there), while searching by relevance.
 */
export function sortsForScope(
  scope: Scope,
  current: { sort: PaperSort; order: 'asc' | 'desc'; searchSort: SearchSort },
): Partial<{ sort: PaperSort; order: 'asc' | 'desc'; searchSort: SearchSort }> {
  if (scope.kind === 'list') return { sort: 'list', order: 'asc' }
  return {
    ...(current.sort === 'list' ? { sort: 'added', order: 'desc' } : {}),
    ...(current.searchSort === 'list' ? { searchSort: 'relevance' } : {}),
  }
}

/**
 * Whether a list is shown in its own order (browsing, or a search sorted that way): only then can
 * its papers be moved.
 */
export function canMoveInList(state: {
  scope: Scope
  query: string
  sort: PaperSort
  searchSort: SearchSort
}): boolean {
  const sort = state.query.trim() === '' ? state.sort : state.searchSort
  return state.scope.kind === 'list' && sort === 'list'
}

/**
 * The list place of a paper put above or below another row: in ascending list order the row
 * above comes before it; shown last-first, above means after.
 */
export function placeOf(target: PaperId, side: DropSide, order: 'asc' | 'desc'): ListPlace {
  const before = order === 'asc' ? side === 'above' : side === 'below'
  return before ? { before: target } : { after: target }
}

/**
 * The rows with `paper` taken out and put above or below `target`, and its new index; null when
 * either is not among them (nothing moves then).
 */
export function reorderRows<T extends { id: PaperId }>(
  rows: ReadonlyArray<T>,
  paper: PaperId,
  target: PaperId,
  side: DropSide,
): { rows: T[]; index: number } | null {
  const moving = rows.find((row) => row.id === paper)
  if (!moving || paper === target) return null
  const rest = rows.filter((row) => row.id !== paper)
  const at = rest.findIndex((row) => row.id === target)
  if (at < 0) return null
  const index = side === 'above' ? at : at + 1
  rest.splice(index, 0, moving)
  return { rows: rest, index }
}
