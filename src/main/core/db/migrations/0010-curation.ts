import type { WritableDb } from '../open-database'

/**
 * Curation: a stored citation key per paper (unique regardless of case, so it survives exports and
 * syncs), the identities of papers merged into another (a merged-away id, arXiv id or DOI keeps
 * naming the survivor, and the merge can be undone), and small library-wide preferences.
 */
export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE papers ADD COLUMN citation_key TEXT;
    CREATE UNIQUE INDEX papers_citation_key ON papers (citation_key COLLATE NOCASE)
      WHERE citation_key IS NOT NULL;

    -- one row per paper merged into a survivor; undo holds what brings the merged-away paper back
    CREATE TABLE merged_papers (
      merged_id INTEGER PRIMARY KEY,
      survivor_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      arxiv_id TEXT,
      doi TEXT,
      merged_at TEXT NOT NULL,
      undo TEXT NOT NULL
    ) STRICT;
    CREATE INDEX merged_papers_survivor ON merged_papers (survivor_id);
    CREATE INDEX merged_papers_arxiv ON merged_papers (arxiv_id) WHERE arxiv_id IS NOT NULL;
    CREATE INDEX merged_papers_doi ON merged_papers (doi) WHERE doi IS NOT NULL;

    -- small library-wide preferences (the citation-key pattern)
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `)
}
