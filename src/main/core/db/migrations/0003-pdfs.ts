import type { WritableDb } from '../open-database'

/**
 * Offline PDFs: the download queue survives a restart (a queued or interrupted download resumes),
 * and the text of every stored PDF is indexed per page so a search can name the page of a hit.
 * Text is keyed by content hash: two papers sharing one file share its pages.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE pdf_downloads (
      paper_id INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'failed', 'cancelled')),
      url TEXT,
      error TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      received INTEGER NOT NULL DEFAULT 0,
      total INTEGER,
      requested_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX pdf_downloads_state ON pdf_downloads (state, requested_at);

    CREATE TABLE pdf_texts (
      sha256 TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
      page_count INTEGER,
      error TEXT,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX pdf_texts_state ON pdf_texts (state);

    CREATE INDEX paper_files_sha ON paper_files (sha256);

    CREATE VIRTUAL TABLE pdf_pages_fts USING fts5 (
      text, sha256 UNINDEXED, page UNINDEXED,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
  `)
}
