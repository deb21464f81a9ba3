import type { TagId } from '@shared/model/ids'
import type { Tag } from '@shared/model/tag'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'

/** The ids of the named tags, creating the missing ones (names match case-insensitively). */
export function ensureTags(db: WritableDb, names: ReadonlyArray<string>, now: string): TagId[] {
  const insert = db.prepare(
    'INSERT INTO tags (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
  )
  const select = db.prepare('SELECT id FROM tags WHERE name = ?')
  return [...new Set(names)].map((name) => {
    insert.run(name, now)
    return (select.get(name) as { id: TagId }).id
  })
}

/** Adds tags to papers; returns how many paper–tag links are new. */
export function addTags(
  db: WritableDb,
  paperIds: ReadonlyArray<number>,
  names: ReadonlyArray<string>,
  now: string,
): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO paper_tags (paper_id, tag_id, added_at)
     SELECT p.id, ?, ? FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  )
  const ids = jsonIds(paperIds)
  return ensureTags(db, names, now).reduce(
    (sum, tagId) => sum + insert.run(tagId, now, ids).changes,
    0,
  )
}

/** Removes tags from papers; returns how many paper–tag links went away. */
export function removeTags(
  db: WritableDb,
  paperIds: ReadonlyArray<number>,
  names: ReadonlyArray<string>,
): number {
  return db
    .prepare(
      `DELETE FROM paper_tags
       WHERE paper_id IN (SELECT value FROM json_each(?))
         AND tag_id IN (SELECT t.id FROM tags t JOIN json_each(?) n ON t.name = n.value)`,
    )
    .run(jsonIds(paperIds), JSON.stringify(names)).changes
}

/** Every tag with its count of library papers (as its view holds), by name. */
export function listTags(db: WritableDb): Tag[] {
  return db
    .prepare(
      `SELECT t.id, t.name, t.color, count(pt.paper_id) AS paperCount
       FROM tags t LEFT JOIN paper_tags pt ON pt.tag_id = t.id
         AND pt.paper_id NOT IN (SELECT p.id FROM papers p WHERE p.triage IN ('inbox', 'dismissed', 'trash', 'purged'))
       GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as Tag[]
}
