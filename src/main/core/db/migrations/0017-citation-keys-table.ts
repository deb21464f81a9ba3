import type { WritableDb } from '../open-database'

/**
 * Citation keys move out of `papers` into a narrow table of their own. A first export gives every
 * paper its key; as a column of `papers` that rewrote every (wide) paper row and sent the whole
 * table through the WAL, which made a first export of 50k papers a third slower than the next.
 * Here the keys of an export are one bulk insert of small rows. Still unique regardless of case;
 * a key goes with its paper (a merge moves it like any row referencing the paper).
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE citation_keys (
      paper_id INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
      key TEXT NOT NULL COLLATE NOCASE UNIQUE
    ) STRICT;
    INSERT INTO citation_keys (paper_id, key)
      SELECT id, citation_key FROM papers WHERE citation_key IS NOT NULL ORDER BY id;
    DROP INDEX papers_citation_key;
    ALTER TABLE papers DROP COLUMN citation_key;
  `)
}
