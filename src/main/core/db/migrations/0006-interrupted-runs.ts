import type { WritableDb } from '../open-database'

/**
 * A sync run records which process runs it (`pid:start time`), so when a library opens, a run
 * left `running` by a process that is gone is told apart from one another process is running
 * right now, and marked `interrupted`. SQLite cannot widen a CHECK in place: the table is rebuilt.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE sync_runs_next (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'cancelled', 'interrupted')),
      pages INTEGER NOT NULL DEFAULT 0,
      added INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0,
      stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
      error TEXT,
      process TEXT
    ) STRICT;
    INSERT INTO sync_runs_next (id, source_id, started_at, finished_at, status, pages, added, updated, unchanged, failed, stale, error)
      SELECT id, source_id, started_at, finished_at, status, pages, added, updated, unchanged, failed, stale, error FROM sync_runs;
    DROP TABLE sync_runs;
    ALTER TABLE sync_runs_next RENAME TO sync_runs;
    CREATE INDEX sync_runs_source ON sync_runs (source_id, id);
  `)
}
