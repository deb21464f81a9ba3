import { existsSync, renameSync } from 'node:fs'
import { resolve } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '@shared/api/errors'
import { migrate, schemaVersion } from '../db/migrations'
import type { WritableDb } from '../db/open-database'
import { inspectLibraryFile } from './inspect-library-file'
import { snapshotNow, backupDatabaseTo } from './take-snapshot'

/** What a restore did. */
export type RestoreReport = {
  restoredFrom: string
  /** The snapshot of the library as it was just before, to undo the restore; null when there was none. */
  safetySnapshot: string | null
  /** Where a damaged library file was moved (it is kept, never deleted); null when it was intact. */
  movedAside: string | null
  schemaVersion: number
  paperCount: number
}

// All pages in one step: the destination is written in one transaction, so a crash mid-restore
// leaves the library as it was.
const ALL_PAGES = { progress: () => 0x7fffffff }

/**
 * Replaces the open library's content with a backup, through the same connection's file: a
 * safety snapshot first, then SQLite's backup API into the live file (atomic for every
 * connection), then any pending migration. Refuses a file that is not a Papershelf library or
 * comes from a newer version, before touching anything.
 */
export async function restoreIntoOpenLibrary(
  db: WritableDb,
  paths: { dataDir: string; databasePath: string },
  file: string,
  now: Date,
): Promise<RestoreReport> {
  const source = resolve(file)
  if (source === resolve(paths.databasePath)) {
    throw new AppError('invalid-input', `${source} is the open library itself.`)
  }
  const info = inspectLibraryFile(source)
  const safetySnapshot = await snapshotNow(db, paths.dataDir, now, 'pre-restore')
  await copyDatabase(source, paths.databasePath)
  migrate(db)
  return { restoredFrom: source, safetySnapshot, movedAside: null, ...counts(db, info.paperCount) }
}

/**
 * Restores a library folder that is not open in this process (the CLI): an intact current
 * library is snapshotted first; a damaged one is moved aside as `library.sqlite.damaged-<time>`
 * with its WAL, never deleted. Migration to this version happens on the next open.
 */
export async function restoreLibraryFolder(
  paths: { dataDir: string; databasePath: string },
  file: string,
  now: Date,
): Promise<RestoreReport> {
  const source = resolve(file)
  const target = resolve(paths.databasePath)
  if (source === target) throw new AppError('invalid-input', `${source} is the library itself.`)
  const info = inspectLibraryFile(source)
  let safetySnapshot: string | null = null
  let movedAside: string | null = null
  if (existsSync(target)) {
    const current = openIfIntact(target)
    if (current) {
      try {
        safetySnapshot = await snapshotNow(current, paths.dataDir, now, 'pre-restore')
      } finally {
        current.close()
      }
    } else {
      movedAside = `${target}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
      for (const suffix of ['-wal', '-shm', '']) {
        if (existsSync(target + suffix)) renameSync(target + suffix, movedAside + suffix)
      }
    }
  }
  await copyDatabase(source, target)
  return {
    restoredFrom: source,
    safetySnapshot,
    movedAside,
    schemaVersion: info.schemaVersion,
    paperCount: info.paperCount,
  }
}

/** Copies `source` over `target` with the backup API: into the live file if it exists, else via a renamed temp file. */
async function copyDatabase(source: string, target: string): Promise<void> {
  const from = new Database(source, { readonly: true, fileMustExist: true })
  try {
    if (existsSync(target)) await from.backup(target, ALL_PAGES)
    else await backupDatabaseTo(from, target)
  } finally {
    from.close()
  }
}

function openIfIntact(file: string): Database.Database | null {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { fileMustExist: true })
    if (db.pragma('quick_check', { simple: true }) === 'ok') return db
  } catch {
    // a file SQLite cannot read is damaged: moved aside by the caller
  }
  db?.close()
  return null
}

function counts(db: WritableDb, fallback: number): { schemaVersion: number; paperCount: number } {
  const paperCount =
    (db.prepare('SELECT count(*) FROM papers').pluck().get() as number | undefined) ?? fallback
  return { schemaVersion: schemaVersion(db), paperCount }
}
