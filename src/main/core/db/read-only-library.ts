import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '@shared/api/errors'
import { openDatabase, type OpenDatabaseOptions, type WritableDb } from './open-database'

/** Why the library cannot be written here (its folder or files not writable), or null when it can. */
export function libraryWriteProblem(file: string): string | null {
  const targets = [
    dirname(file),
    ...[file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path)),
  ]
  for (const target of targets) {
    try {
      accessSync(target, constants.W_OK)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'not writable'
      return `${target} is not writable: ${code}`
    }
  }
  return null
}

/** A library opened for reading only, from a private copy, and how to let it go. */
/** A read-only copy: its connection, the copy's path (for threads that open it too), and a way to close and delete it. */
export type ReadOnlyLibrary = { db: WritableDb; path: string; close(): void }

/**
 * Opens a library whose folder cannot be written: SQLite needs to write beside a WAL database
 * even to read it, so the file (with its WAL) is copied to a private temporary folder, brought
 * to this version's schema there, and opened read-only. Every write then fails, never lands.
 */
export function openReadOnlyCopy(file: string, options: OpenDatabaseOptions = {}): ReadOnlyLibrary {
  if (!existsSync(file)) {
    throw new AppError(
      'read-only',
      `There is no library in ${dirname(file)}, and that folder cannot be written to create one.`,
    )
  }
  const folder = mkdtempSync(join(tmpdir(), 'papershelf-read-only-'))
  const copy = join(folder, basename(file))
  try {
    copyFileSync(file, copy)
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`)
    openDatabase(copy, options).close()
    const db = new Database(copy, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    })
    db.pragma('foreign_keys = ON')
    return {
      db: db as WritableDb,
      path: copy,
      close: () => {
        db.close()
        rmSync(folder, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true })
    throw error
  }
}

/** True for SQLite's "this connection or file cannot be written" errors. */
export function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY')
}
