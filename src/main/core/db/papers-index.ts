import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'

/**
 * Rewrites the full-text rows of the given papers from their current data (title, authors and
 * organization, abstract, tags, note). Every write path calls it inside its own transaction.
 */
export function reindexPapers(db: WritableDb, ids: ReadonlyArray<number>): void {
  if (ids.length === 0) return
  const json = jsonIds(ids)
  db.prepare('DELETE FROM papers_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(json)
  db.prepare(
    `INSERT INTO papers_fts (rowid, title, authors, abstract, tags, note)
     SELECT p.id, coalesce(p.title, ''),
            concat_ws(' ', (SELECT group_concat(a.name, ', ') FROM paper_authors a WHERE a.paper_id = p.id),
                      p.organization, p.organization_handle),
            coalesce(p.abstract, ''),
            coalesce((SELECT group_concat(t.name, ' ') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                      WHERE pt.paper_id = p.id), ''),
            coalesce(p.note, '')
     FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).run(json)
}
