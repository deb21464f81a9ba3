import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../../src/main/core/create-core'

/** Every row of every table in a library, read over a separate connection, for before/after checks. */
export function snapshotLibrary(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'papers_fts_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]))
  } finally {
    db.close()
  }
}

/** Runs SQL on a library over a separate connection (to inject a fault or read a raw row). */
export function withLibraryDb<T>(dataDir: string, run: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE))
  try {
    return run(db)
  } finally {
    db.close()
  }
}
