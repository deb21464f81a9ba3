import type { WritableDb } from '../open-database'

/**
 * Imports commit in short batches so other writers never wait long; each import is a run whose
 * undo journal (what every batch inserted, or the state it replaced) lets a failed or interrupted
 * import be rolled back as a whole. The journal of a finished run is deleted with it.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY,
      source_name TEXT NOT NULL,
      started_at TEXT NOT NULL,
      -- the process that writes the run: a run of a live process is never rolled back by another
      pid INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE import_undo (
      step INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (
        kind IN ('source', 'new-tag', 'inserted', 'updated', 'label', 'provenance', 'tag')
      ),
      -- the paper's id; the source's for 'source', the tag's for 'new-tag'
      row_id INTEGER NOT NULL,
      data TEXT
    ) STRICT;
    CREATE INDEX import_undo_run ON import_undo (run_id, step);
  `)
}
