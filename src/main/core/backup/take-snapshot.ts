import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type Database from 'better-sqlite3'
import {
  commitTempFile,
  pruneSnapshots,
  snapshotPath,
  tempPathFor,
  type SnapshotReason,
} from './snapshot-files'

/**
 * Copies a live database to `target` with SQLite's online backup API (a consistent read, never a
 * file copy of a WAL database), through a temporary file renamed into place.
 */
export async function backupDatabaseTo(db: Database.Database, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true })
  const temp = tempPathFor(target)
  try {
    // One step for all pages: the source is read in one snapshot and the copy is never half done.
    await db.backup(temp, { progress: () => 0x7fffffff })
    commitTempFile(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/**
 * Copies a live database to `target` synchronously with `VACUUM INTO` (also a consistent read of
 * one committed state). Used where the caller cannot wait for a promise: before a migration that
 * runs while the library is being opened.
 */
export function vacuumDatabaseTo(db: Database.Database, target: string): void {
  mkdirSync(dirname(target), { recursive: true })
  const temp = tempPathFor(target)
  try {
    db.prepare('VACUUM INTO ?').run(temp)
    commitTempFile(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** Takes a snapshot into the library's backups folder (synchronously) and prunes old ones. */
export function snapshotNowSync(
  db: Database.Database,
  dataDir: string,
  now: Date,
  reason: SnapshotReason,
): string {
  const target = snapshotPath(dataDir, now, reason)
  vacuumDatabaseTo(db, target)
  pruneSnapshots(dataDir)
  return target
}

/** Takes a snapshot into the library's backups folder with the online backup API and prunes old ones. */
export async function snapshotNow(
  db: Database.Database,
  dataDir: string,
  now: Date,
  reason: SnapshotReason,
): Promise<string> {
  const target = snapshotPath(dataDir, now, reason)
  await backupDatabaseTo(db, target)
  pruneSnapshots(dataDir)
  return target
}
