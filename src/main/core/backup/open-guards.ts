import { dirname } from 'node:path'
import { AppError } from '@shared/api/errors'
import { LATEST_VERSION, schemaVersion } from '../db/migrations'
import type { WritableDb } from '../db/open-database'
import { listSnapshots } from './snapshot-files'
import { snapshotNowSync } from './take-snapshot'

const DAY_MS = 24 * 60 * 60 * 1000

/** True for SQLite's "this file is damaged / not a database" errors. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

/**
 * The error for a damaged library: it names the file (left exactly as it is) and the way back,
 * the newest snapshot and the command that restores it.
 */
export function damagedLibraryError(file: string, detail: string): AppError {
  const latest = listSnapshots(dirname(file))[0]
  const wayBack = latest
    ? `The newest snapshot is ${latest.file} (taken ${latest.takenAt}); restore it with: papershelf restore "${latest.file}" (or Library → Restore… in the app).`
    : 'There is no snapshot in its backups folder; restore a backup of your own with: papershelf restore FILE.'
  return new AppError(
    'db-corrupt',
    `The library database ${file} is damaged (${detail}). It has been left untouched. ${wayBack}`,
  )
}

/** Runs `PRAGMA quick_check`; a damaged database throws `db-corrupt` with the way back. */
export function assertDatabaseIntact(db: WritableDb, file: string): void {
  let problems: Array<{ quick_check: string }>
  try {
    problems = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>
  } catch (error) {
    // Damage can be bad enough that the check itself cannot read a page: that is damage too.
    const code = (error as { code?: unknown } | null)?.code
    if (typeof code !== 'string' || !/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw error
    throw damagedLibraryError(file, `quick_check: ${(error as Error).message}`)
  }
  const first = problems[0]?.quick_check
  if (problems.length !== 1 || first !== 'ok') {
    throw damagedLibraryError(file, `quick_check: ${problems.map((p) => p.quick_check).join('; ')}`)
  }
}

/**
 * Snapshots a library that is about to be migrated (an existing database at an older schema), so
 * a migration that goes wrong can be undone. Returns the snapshot path, or null when none was due.
 */
export function snapshotBeforeMigration(
  db: WritableDb,
  file: string,
  now = new Date(),
): string | null {
  const version = schemaVersion(db)
  if (version === 0 || version >= LATEST_VERSION) return null
  return snapshotNowSync(db, dirname(file), now, 'pre-migration')
}

/** True when a library with papers has no snapshot from the last day. */
export function isSnapshotDue(db: WritableDb, dataDir: string, now: Date): boolean {
  const newest = listSnapshots(dataDir)[0]
  if (newest && now.getTime() - Date.parse(newest.takenAt) < DAY_MS) return false
  return db.prepare('SELECT EXISTS (SELECT 1 FROM papers)').pluck().get() === 1
}
