import { AppError } from '@shared/api/errors'
import type { DeletedTag } from '@shared/api/library-ui'
import type { PaperId, TagId } from '@shared/model/ids'
import type { Tag } from '@shared/model/tag'
import type { WritableDb } from './open-database'

type TagRecord = { id: TagId; name: string; color: string | null }

/** One tag with its paper count; `not-found` when absent. */
export function getTag(db: WritableDb, id: TagId): Tag {
  const tag = db
    .prepare(
      `SELECT t.id, t.name, t.color, (SELECT count(*) FROM paper_tags pt WHERE pt.tag_id = t.id) AS paperCount
       FROM tags t WHERE t.id = ?`,
    )
    .get(id) as Tag | undefined
  if (!tag) throw new AppError('not-found', `There is no tag ${id} in this library.`)
  return tag
}

/** Creates a tag; `invalid-input` when a tag of that name (any case) exists. */
export function createTag(db: WritableDb, name: string, color: string | null, now: string): Tag {
  assertNameFree(db, name, null)
  const row = db
    .prepare('INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?) RETURNING id')
    .get(name, color, now) as { id: TagId }
  return getTag(db, row.id)
}

/** Renames a tag and every sub-tag under it (`a/b` becomes `new/b`); returns the papers touched. */
export function renameTag(db: WritableDb, id: TagId, name: string): PaperId[] {
  const tag = getTag(db, id)
  if (tag.name === name) return []
  assertNameFree(db, name, id)
  const children = subTags(db, tag.name)
  for (const child of children) {
    assertNameFree(db, `${name}${child.name.slice(tag.name.length)}`, child.id)
  }
  const rename = db.prepare('UPDATE tags SET name = ? WHERE id = ?')
  rename.run(name, id)
  for (const child of children) rename.run(`${name}${child.name.slice(tag.name.length)}`, child.id)
  return papersOf(db, [id, ...children.map((child) => child.id)])
}

/** Moves the papers of `ids` onto `into` and deletes those tags; returns the papers touched. */
export function mergeTags(
  db: WritableDb,
  ids: ReadonlyArray<TagId>,
  into: TagId,
  now: string,
): PaperId[] {
  getTag(db, into)
  const sources = [...new Set(ids)].filter((id) => id !== into)
  for (const id of sources) getTag(db, id)
  const touched = papersOf(db, sources)
  const move = db.prepare(
    `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id, added_at)
     SELECT paper_id, ?, ? FROM paper_tags WHERE tag_id = ?`,
  )
  const remove = db.prepare('DELETE FROM tags WHERE id = ?')
  for (const id of sources) {
    move.run(into, now, id)
    remove.run(id)
  }
  return touched
}

/** Sets or clears a tag's color. */
export function setTagColor(db: WritableDb, id: TagId, color: string | null): Tag {
  getTag(db, id)
  db.prepare('UPDATE tags SET color = ? WHERE id = ?').run(color, id)
  return getTag(db, id)
}

/** Deletes a tag and returns its name, color and papers, so it can be brought back. */
export function deleteTag(db: WritableDb, id: TagId): DeletedTag {
  const tag = getTag(db, id)
  const paperIds = papersOf(db, [id])
  db.prepare('DELETE FROM tags WHERE id = ?').run(id)
  return { name: tag.name, color: tag.color, paperIds }
}

function subTags(db: WritableDb, name: string): TagRecord[] {
  const prefix = `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`
  return db
    .prepare(`SELECT id, name, color FROM tags WHERE name LIKE ? ESCAPE '\\'`)
    .all(prefix) as TagRecord[]
}

function papersOf(db: WritableDb, tagIds: ReadonlyArray<TagId>): PaperId[] {
  return (
    db
      .prepare(
        'SELECT DISTINCT paper_id AS id FROM paper_tags WHERE tag_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id',
      )
      .all(JSON.stringify(tagIds)) as Array<{ id: PaperId }>
  ).map((row) => row.id)
}

function assertNameFree(db: WritableDb, name: string, self: TagId | null): void {
  const other = db.prepare('SELECT id, name FROM tags WHERE name = ?').get(name) as
    TagRecord | undefined
  if (other && other.id !== self) {
    throw new AppError(
      'invalid-input',
      `A tag named “${other.name}” exists already; merge the tags instead.`,
    )
  }
}
