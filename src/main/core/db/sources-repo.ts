import type { SourceId } from '@shared/model/ids'
import type { WritableDb } from './open-database'
import { prepared } from './prepared'

/** What identifies a source across imports: its kind and a stable key (a path, URL or query). */
export type SourceKey = { kind: string; key: string; name: string }

/** The id of a source, creating it on first use (its display name follows the latest import). */
export function ensureSource(db: WritableDb, source: SourceKey, now: string): SourceId {
  const row = prepared(
    db,
    `INSERT INTO sources (kind, key, name, created_at) VALUES (@kind, @key, @name, @now)
     ON CONFLICT (kind, key) DO UPDATE SET name = excluded.name
     RETURNING id`,
  ).get({ ...source, now }) as { id: SourceId }
  return row.id
}

/** Where in a source a paper stood. */
export type ProvenanceEntry = { rank: number | null; section: string | null; raw: string | null }

/** Links a paper to a source, keeping the first-seen time and refreshing rank, section and raw entry. */
export function recordProvenance(
  db: WritableDb,
  paperId: number,
  sourceId: SourceId,
  entry: ProvenanceEntry,
  now: string,
): void {
  db.prepare(
    `INSERT INTO paper_sources (paper_id, source_id, first_seen_at, last_seen_at, rank, section, raw)
     VALUES (@paperId, @sourceId, @now, @now, @rank, @section, @raw)
     ON CONFLICT (paper_id, source_id) DO UPDATE SET
       last_seen_at = excluded.last_seen_at, rank = excluded.rank,
       section = excluded.section, raw = excluded.raw`,
  ).run({ paperId, sourceId, now, ...entry })
}

/** Notes a successful import or sync of a source. */
export function markSourceSynced(db: WritableDb, sourceId: SourceId, now: string): void {
  prepared(db, 'UPDATE sources SET last_synced_at = ?, last_error = NULL WHERE id = ?').run(
    now,
    sourceId,
  )
}
