import type { WritableDb } from '../open-database'

/**
 * Highlights, sticky notes and area highlights, kept in the library and never in the PDF file (the
 * file stays content-addressed). Each remembers the file version it was placed on (`sha256`), so
 * a new version can re-anchor it by its text. Pictures of area highlights are base64 text so the
 * JSON library document carries them like any other row. Only colours the user renamed have a
 * label row (the defaults live in code).
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE annotations (
      id INTEGER PRIMARY KEY,
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      sha256 TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'area')),
      color TEXT NOT NULL CHECK (color IN ('yellow', 'red', 'green', 'blue', 'purple')),
      page INTEGER NOT NULL CHECK (page >= 1),
      rects TEXT NOT NULL,
      quote TEXT,
      prefix TEXT,
      suffix TEXT,
      comment TEXT,
      image TEXT,
      anchor TEXT NOT NULL DEFAULT 'placed' CHECK (anchor IN ('placed', 'pending', 'unanchored')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX annotations_paper ON annotations (paper_id, page);

    CREATE TABLE annotation_colors (
      color TEXT PRIMARY KEY CHECK (color IN ('yellow', 'red', 'green', 'blue', 'purple')),
      label TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `)
}
