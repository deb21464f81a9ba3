import type { WritableDb } from '../db/open-database'

/**
 * Copies committed pages from the `-wal` file into the database file now (PASSIVE: never waits
 * for readers), so after a large write little lives only in the WAL, which a crash followed by a
 * lost or deleted `-wal` would take with it. SQLite's own checkpoint waits for 1000 pages.
 * Returns false when readers kept some frames back or the database is busy.
 */
export function checkpointWal(db: WritableDb): boolean {
  if (!db.open || db.inTransaction) return false
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
      busy: number
      log: number
      checkpointed: number
    }>
    return row !== undefined && row.busy === 0 && row.log === row.checkpointed
  } catch {
    // A busy or closing database keeps its WAL; SQLite checkpoints it later.
    return false
  }
}
