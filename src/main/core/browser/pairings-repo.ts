import { createHash } from 'node:crypto'
import type { Pairing } from '@shared/api/browser-api'
import type { WritableDb } from '../db/open-database'

/** Keys are stored as their SHA-256: the library file never holds a usable key. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

type PairingRow = { id: number; client: string; created_at: string; last_used_at: string | null }

const toPairing = (row: PairingRow): Pairing => ({
  id: row.id,
  client: row.client,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
})

export function insertPairing(db: WritableDb, client: string, key: string, now: string): number {
  return Number(
    db
      .prepare('INSERT INTO extension_pairings (client, key_hash, created_at) VALUES (?, ?, ?)')
      .run(client, keyHash(key), now).lastInsertRowid,
  )
}

export function listPairingRows(db: WritableDb): Pairing[] {
  const rows = db
    .prepare('SELECT id, client, created_at, last_used_at FROM extension_pairings ORDER BY id')
    .all() as PairingRow[]
  return rows.map(toPairing)
}

export function deletePairing(db: WritableDb, id: number): number {
  return db.prepare('DELETE FROM extension_pairings WHERE id = ?').run(id).changes
}

/**
 * The pairing a key belongs to, or null; notes its use at most once a minute (a save is not
 * worth a write per request).
 */
export function pairingOfKey(db: WritableDb, key: string, now: Date): number | null {
  const row = db
    .prepare('SELECT id, last_used_at FROM extension_pairings WHERE key_hash = ?')
    .get(keyHash(key)) as { id: number; last_used_at: string | null } | undefined
  if (!row) return null
  const last = row.last_used_at === null ? 0 : Date.parse(row.last_used_at)
  if (now.getTime() - last > 60_000) {
    db.prepare('UPDATE extension_pairings SET last_used_at = ? WHERE id = ?').run(
      now.toISOString(),
      row.id,
    )
  }
  return row.id
}
