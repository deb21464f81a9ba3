import { AppError } from '@shared/api/errors'
import type { UserList } from '@shared/api/library-ui'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'

/** Every user list with its count of library papers (as its view holds), by name. */
export function listLists(db: WritableDb): UserList[] {
  return db
    .prepare(
      `SELECT l.id, l.name, count(lp.paper_id) AS paperCount
       FROM lists l LEFT JOIN list_papers lp ON lp.list_id = l.id
         AND lp.paper_id NOT IN (SELECT p.id FROM papers p WHERE p.triage IN ('inbox', 'dismissed', 'trash', 'purged'))
       GROUP BY l.id ORDER BY l.name COLLATE NOCASE`,
    )
    .all() as UserList[]
}

/** One list; `not-found` when absent. */
export function getList(db: WritableDb, id: number): UserList {
  const list = db
    .prepare(
      `SELECT l.id, l.name, (SELECT count(*) FROM list_papers lp WHERE lp.list_id = l.id
         AND lp.paper_id NOT IN (SELECT p.id FROM papers p WHERE p.triage IN ('inbox', 'dismissed', 'trash', 'purged'))) AS paperCount
       FROM lists l WHERE l.id = ?`,
    )
    .get(id) as UserList | undefined
  if (!list) throw new AppError('not-found', `There is no list ${id} in this library.`)
  return list
}

/** Creates a list; `invalid-input` when the name is taken. */
export function createList(db: WritableDb, name: string, now: string): UserList {
  assertNameFree(db, name, null)
  const row = db
    .prepare('INSERT INTO lists (name, created_at) VALUES (?, ?) RETURNING id')
    .get(name, now) as { id: number }
  return getList(db, row.id)
}

/** Renames a list. */
export function renameList(db: WritableDb, id: number, name: string): UserList {
  getList(db, id)
  assertNameFree(db, name, id)
  db.prepare('UPDATE lists SET name = ? WHERE id = ?').run(name, id)
  return getList(db, id)
}

/** Deletes a list; its papers stay in the library. */
export function deleteList(db: WritableDb, id: number): number {
  getList(db, id)
  return db.prepare('DELETE FROM lists WHERE id = ?').run(id).changes
}

/** Appends papers to a list after its last one; returns how many were new to it. */
export function addToList(
  db: WritableDb,
  id: number,
  paperIds: ReadonlyArray<number>,
  now: string,
): number {
  getList(db, id)
  const { next } = db
    .prepare('SELECT coalesce(max(position) + 1, 0) AS next FROM list_papers WHERE list_id = ?')
    .get(id) as { next: number }
  return db
    .prepare(
      `INSERT OR IGNORE INTO list_papers (list_id, paper_id, position, added_at)
       SELECT @id, p.id, @next + j.key, @now FROM json_each(@ids) j JOIN papers p ON p.id = j.value`,
    )
    .run({ id, next, now, ids: jsonIds(paperIds) }).changes
}

/** Takes papers out of a list; returns how many left it. */
export function removeFromList(
  db: WritableDb,
  id: number,
  paperIds: ReadonlyArray<number>,
): number {
  getList(db, id)
  return db
    .prepare(
      'DELETE FROM list_papers WHERE list_id = ? AND paper_id IN (SELECT value FROM json_each(?))',
    )
    .run(id, jsonIds(paperIds)).changes
}

function assertNameFree(db: WritableDb, name: string, self: number | null): void {
  const other = db.prepare('SELECT id, name FROM lists WHERE name = ?').get(name) as
    { id: number; name: string } | undefined
  if (other && other.id !== self) {
    throw new AppError('invalid-input', `A list named “${other.name}” exists already.`)
  }
}
