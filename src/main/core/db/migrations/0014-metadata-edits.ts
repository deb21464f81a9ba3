import type { WritableDb } from '../open-database'

/**
 * Metadata the user corrected: one row per paper and field. The paper row shows the user's value
 * (so lists, search, identity and exports need nothing new); the row keeps it (`value`) and what
 * the sources say (`source_value`, refreshed by every sync), both as JSON, so a sync merges
 * against the sources' state and "revert to source" puts theirs back.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE paper_edits (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      field TEXT NOT NULL CHECK (field IN
        ('title', 'authors', 'published_at', 'journal_ref', 'doi', 'arxiv_id', 'abstract')),
      value TEXT NOT NULL,
      source_value TEXT NOT NULL,
      edited_at TEXT NOT NULL,
      PRIMARY KEY (paper_id, field)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE auto_exports (
      id INTEGER PRIMARY KEY,
      scope TEXT NOT NULL,
      format TEXT NOT NULL,
      options TEXT NOT NULL,
      path TEXT NOT NULL UNIQUE,
      digest TEXT,
      written_at TEXT,
      error TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
  `)
}
