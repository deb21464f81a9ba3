import { AppError } from '@shared/api/errors'
import type { ListPlace } from '@shared/api/library-ui'
import { getList } from './lists-repo'
import type { WritableDb } from './open-database'

/** Where a move took a paper: its 1-based place in the list before and after. */
export type ListMoveOutcome = { from: number; to: number }

/**
 * Moves a paper of a list before or after another of its papers, or to a 1-based place, and
 * renumbers the list 0…n−1 (only the rows whose position changes are written). Errors
 * `not-found` (no such list, or the paper is not in it) and `invalid-input` (a place outside the
 * list, a paper placed next to itself).
 */
export function moveInList(
  db: WritableDb,
  listId: number,
  paperId: number,
  place: ListPlace,
): ListMoveOutcome {
  const list = getList(db, listId)
  const rows = db
    .prepare(
      'SELECT paper_id AS id, position FROM list_papers WHERE list_id = ? ORDER BY position, paper_id',
    )
    .all(listId) as Array<{ id: number; position: number }>
  const from = rows.findIndex((row) => row.id === paperId)
  if (from < 0) {
    throw new AppError('not-found', `Paper #${paperId} is not in the list “${list.name}”.`)
  }
  const rest = rows.filter((row) => row.id !== paperId).map((row) => row.id)
  const at = targetIndex(list.name, rows.length, rest, paperId, place)
  rest.splice(at, 0, paperId)
  const positions = new Map(rows.map((row) => [row.id, row.position]))
  const update = db.prepare(
    'UPDATE list_papers SET position = ? WHERE list_id = ? AND paper_id = ?',
  )
  rest.forEach((id, index) => {
    if (positions.get(id) !== index) update.run(index, listId, id)
  })
  return { from: from + 1, to: at + 1 }
}

function targetIndex(
  name: string,
  size: number,
  rest: ReadonlyArray<number>,
  paperId: number,
  place: ListPlace,
): number {
  if (place.to !== undefined) {
    if (place.to > size) {
      throw new AppError(
        'invalid-input',
        `The list “${name}” holds ${size} paper${size === 1 ? '' : 's'}: a place is 1 to ${size}.`,
      )
    }
    return place.to - 1
  }
  const other = place.before ?? place.after
  if (other === paperId) {
    throw new AppError('invalid-input', `Paper #${paperId} cannot move before or after itself.`)
  }
  const index = rest.indexOf(other ?? -1)
  if (index < 0) {
    throw new AppError('not-found', `Paper #${other ?? '?'} is not in the list “${name}”.`)
  }
  return place.before !== undefined ? index : index + 1
}
