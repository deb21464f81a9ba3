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

/** Notes a successful import or sync of a source. */
export function markSourceSynced(db: WritableDb, sourceId: SourceId, now: string): void {
  prepared(db, 'UPDATE sources SET last_synced_at = ?, last_error = NULL WHERE id = ?').run(
    now,
    sourceId,
  )
}
