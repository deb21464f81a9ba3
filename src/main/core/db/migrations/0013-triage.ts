import type { WritableDb } from '../open-database'

/**
 * Triage: where a paper stands — in the inbox (arrived from a followed source, not yet looked
 * at), in the library, dismissed, in the trash, or purged (the trash was emptied: the row stays
 * as a tombstone so the paper's identity never comes back through a sync or an import, and its
 * provenance is still recorded). Every existing paper is in the library. `rule_note` says which
 * arrival rules acted on the paper. `papers_triage` serves the inbox, dismissed and trash views;
 * the library condition is written so that it never takes this index (`db/view-filter.ts`).
 * Arrival rules: per source, a query of the search syntax and what to do with a paper it matches.
 */
export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE papers ADD COLUMN triage TEXT NOT NULL DEFAULT 'library'
      CHECK (triage IN ('inbox', 'library', 'dismissed', 'trash', 'purged'));
    ALTER TABLE papers ADD COLUMN triaged_at TEXT;
    ALTER TABLE papers ADD COLUMN rule_note TEXT;
    CREATE INDEX papers_triage ON papers (triage, added_at, id);

    CREATE TABLE arrival_rules (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      query TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('tag', 'keep', 'dismiss', 'star')),
      tag TEXT,
      created_at TEXT NOT NULL,
      CHECK ((action = 'tag') = (tag IS NOT NULL))
    ) STRICT;
    CREATE INDEX arrival_rules_source ON arrival_rules (source_id, id);
  `)
}
