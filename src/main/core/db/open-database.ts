import Database from 'better-sqlite3'
import { migrate } from './migrations'

/** A connection that may write. Repository functions take it first so tests pass a real file. */
export type WritableDb = Database.Database & { readonly __writable: true }

/** Options for opening a library database. */
export type OpenDatabaseOptions = {
  /** Path of a better-sqlite3 build for this runtime's ABI (the Electron app passes its own). */
  nativeBinding?: string
}

/** Opens (creating if needed) a library database, sets its pragmas and migrates it to the latest schema. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): WritableDb {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode never corrupts the database; a power cut can at worst lose the last
    // committed transactions, which every import can repeat. FULL would fsync every edit.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const writable = db as WritableDb
    migrate(writable)
    return writable
  } catch (error) {
    db.close()
    throw error
  }
}
