import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '@shared/api/errors'
import { LATEST_VERSION } from '../db/migrations'

/** Tables every Papershelf library has had since its first schema. */
const SIGNATURE_TABLES = [
  'papers',
  'paper_authors',
  'tags',
  'paper_tags',
  'sources',
  'paper_sources',
]

/** What a library file holds, once it passed the checks. */
export type LibraryFileInfo = { file: string; schemaVersion: number; paperCount: number }

/**
 * Checks that `file` is an intact Papershelf library this version can open: a SQLite database,
 * `quick_check` ok, the library's tables present, a schema no newer than ours. Throws
 * `invalid-input` (not a library, damaged) or `db-from-future` with the reason.
 */
export function inspectLibraryFile(file: string): LibraryFileInfo {
  const info = statSync(file, { throwIfNoEntry: false })
  if (!info?.isFile()) throw new AppError('not-found', `${file}: no such file.`)
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`quick_check reports: ${String(check)}`)
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    )
    const missing = SIGNATURE_TABLES.filter((name) => !tables.has(name))
    const version = db.pragma('user_version', { simple: true }) as number
    if (missing.length > 0 || version < 1) {
      throw new AppError(
        'invalid-input',
        `${file} is not a Papershelf library (it has no ${missing[0] ?? 'schema version'}).`,
      )
    }
    if (version > LATEST_VERSION) {
      throw new AppError(
        'db-from-future',
        `${file} was written by a newer Papershelf (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Papershelf to restore it.`,
      )
    }
    const paperCount = db.prepare('SELECT count(*) FROM papers').pluck().get() as number
    return { file, schemaVersion: version, paperCount }
  } catch (error) {
    if (error instanceof AppError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError(
      'invalid-input',
      `${file} is not a Papershelf library or is damaged (${reason}).`,
    )
  } finally {
    db?.close()
  }
}
