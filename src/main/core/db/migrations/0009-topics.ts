import type { WritableDb } from '../open-database'

/**
 * Learned topics: papers the user marked "Not interested", each paper's "For you" score (written
 * from the topics thread's results, joined by the list's `for-you` sort), the tags the user let
 * apply themselves above a confidence, and which tags were applied that way (never twice, so a
 * tag the user takes off stays off).
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE paper_interest (
      paper_id INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
      not_interested_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE paper_scores (
      paper_id INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
      for_you REAL NOT NULL
    ) STRICT;
    CREATE INDEX paper_scores_for_you ON paper_scores (for_you, paper_id);

    CREATE TABLE tag_auto (
      tag_id INTEGER PRIMARY KEY REFERENCES tags (id) ON DELETE CASCADE,
      threshold REAL NOT NULL CHECK (threshold > 0 AND threshold <= 1)
    ) STRICT;

    CREATE TABLE auto_tagged (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      applied_at TEXT NOT NULL,
      PRIMARY KEY (paper_id, tag_id)
    ) STRICT, WITHOUT ROWID;
  `)
}
