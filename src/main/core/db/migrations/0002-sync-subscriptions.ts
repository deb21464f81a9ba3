import type { WritableDb } from '../open-database'

/**
 * Sources become subscriptions the app syncs on its own: whether the user follows one, whether
 * it is on, how often, which tags its papers get, and the HTTP validators that make a re-sync of
 * an unchanged list free. Every sync leaves a run record, so failures are visible afterwards,
 * and provenance keeps the upvotes a list showed.
 */
export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE sources ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 0 CHECK (subscribed IN (0, 1));
    ALTER TABLE sources ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1));
    ALTER TABLE sources ADD COLUMN interval_minutes INTEGER;
    ALTER TABLE sources ADD COLUMN default_tags TEXT NOT NULL DEFAULT '[]';
    -- the ids of the last batch of a "latest" list, to notice a list that did not move on
    ALTER TABLE sources ADD COLUMN last_batch TEXT;

    ALTER TABLE paper_sources ADD COLUMN upvotes INTEGER;

    CREATE TABLE sync_runs (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'cancelled')),
      pages INTEGER NOT NULL DEFAULT 0,
      added INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0,
      stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
      error TEXT
    ) STRICT;
    CREATE INDEX sync_runs_source ON sync_runs (source_id, id);

    -- the validators of the last answer per request URL, so an unchanged page is not fetched or parsed again
    CREATE TABLE source_http_cache (
      source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      url TEXT NOT NULL,
      etag TEXT,
      last_modified TEXT,
      body_hash TEXT,
      item_count INTEGER NOT NULL,
      PRIMARY KEY (source_id, url)
    ) STRICT, WITHOUT ROWID;
  `)
}
