import type { WritableDb } from '../open-database'

/**
 * Browser extensions paired with this library: one row per extension, holding the SHA-256 of the
 * key it sends (never the key). Revoking deletes the row.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE extension_pairings (
      id INTEGER PRIMARY KEY,
      client TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      last_used_at TEXT
    ) STRICT;
  `)
}
