import Database from 'better-sqlite3'
import {
  assertDatabaseIntact,
  damagedLibraryError,
  isCorruptionError,
  snapshotBeforeMigration,
} from '../backup/open-guards'
import { migrate } from './migrations'

/** A connection that may write. Repository functions take it first so tests pass a real file. */
export type WritableDb = Database.Database & { readonly __writable: true }

/** Options for opening a library database. */
export type OpenDatabaseOptions = {
  /** Path of a better-sqlite3 build for this runtime's ABI (the Electron app passes its own). */
  nativeBinding?: string
  /**
   * Runs `PRAGMA quick_check` before anything else (reads every page: over a second at 50k
   * papers). Long-running doors check in the background instead (`backup/upkeep.ts`).
   */
  checkIntegrity?: boolean
}

/** Opens (creating if needed) a library database, sets its pragmas and migrates it to the latest schema. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): WritableDb {
  const db = new Database(
    file,
    options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding },
  )
  try {
    db.pragma('journal_mode = WAL')
    // FULL: a committed tag, note or status survives a power cut too, not only an app crash (WAL
    // with NORMAL may lose the last commits then). Imports and syncs write one transaction per
    // batch, so the extra fsync costs about 7% there (research/perf-reliability.md 2.3), and a
    // single human edit waits one fsync.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // 64 MB of page cache (SQLite's default is 2 MB): the indexes a sync page touches all over
    // stay in memory for a 100k-paper library.
    db.pragma('cache_size = -65536')
    db.pragma('busy_timeout = 5000')
    const writable = db as WritableDb
    if (options.checkIntegrity) assertDatabaseIntact(writable, file)
    snapshotBeforeMigration(writable, file)
    migrate(writable)
    return writable
  } catch (error) {
    db.close()
    if (isCorruptionError(error)) throw damagedLibraryError(file, (error as Error).message)
    throw error
  }
}
