import type { ReadingStatus } from '@shared/model/paper'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'

/** Sets the reading status of papers; returns how many changed. */
export function setStatus(
  db: WritableDb,
  ids: ReadonlyArray<number>,
  status: ReadingStatus,
  now: string,
): number {
  return db
    .prepare(
      `UPDATE papers SET status = ?, modified_at = ?
       WHERE status <> ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .run(status, now, status, jsonIds(ids)).changes
}

/** Stars or unstars papers; returns how many changed. */
export function setStarred(
  db: WritableDb,
  ids: ReadonlyArray<number>,
  starred: boolean,
  now: string,
): number {
  const value = starred ? 1 : 0
  return db
    .prepare(
      `UPDATE papers SET starred = ?, modified_at = ?
       WHERE starred <> ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .run(value, now, value, jsonIds(ids)).changes
}

/** Replaces a paper's note (empty or null clears it); returns how many changed. */
export function setNote(db: WritableDb, id: number, note: string | null, now: string): number {
  const value = note === null || note.trim() === '' ? null : note
  return db
    .prepare('UPDATE papers SET note = ?, modified_at = ? WHERE id = ? AND note IS NOT ?')
    .run(value, now, id, value).changes
}
