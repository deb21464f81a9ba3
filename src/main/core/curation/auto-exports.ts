import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { AppError } from '@shared/api/errors'
import type { AutoExport, AutoExportRun, ExportFormat, ExportScope } from '@shared/api/curation-api'
import type { WritableDb } from '../db/open-database'
import { writeTextFileAtomic } from '../fs/write-atomic'
import type { FilterContext } from '../search/filter-sql'
import type { RecordOptions } from './csl-items'
import { exportPapers } from './export-papers'
import type { FormatWriters } from './load-format-writers'

type Row = {
  id: number
  scope: string
  format: ExportFormat
  options: string
  path: string
  digest: string | null
  written_at: string | null
  error: string | null
}

function toAutoExport(row: Row): AutoExport {
  return {
    id: row.id,
    scope: JSON.parse(row.scope) as ExportScope,
    format: row.format,
    options: JSON.parse(row.options) as RecordOptions,
    path: row.path,
    writtenAt: row.written_at,
    error: row.error,
  }
}

/** Every auto-export, oldest first. */
export function listAutoExports(db: WritableDb): AutoExport[] {
  return (db.prepare('SELECT * FROM auto_exports ORDER BY id').all() as Row[]).map(toAutoExport)
}

/**
 * Keeps `path` as the export of a scope and writes it now; a scope that names nothing (no such
 * tag or list) is refused before anything is kept.
 */
export function addAutoExport(
  db: WritableDb,
  request: { scope: ExportScope; format: ExportFormat; options: RecordOptions; path: string },
  context: FilterContext,
  now: string,
  writers: FormatWriters,
): AutoExport {
  const taken = db
    .prepare('SELECT id FROM auto_exports WHERE path = ?')
    .pluck()
    .get(request.path) as number | undefined
  if (taken !== undefined) {
    throw new AppError('invalid-input', `${request.path} is kept by auto-export ${taken} already.`)
  }
  // Fails on a scope that names nothing, before the row exists.
  exportPapers(db, request, context, writers)
  const id = Number(
    db
      .prepare(
        'INSERT INTO auto_exports (scope, format, options, path, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        JSON.stringify(request.scope),
        request.format,
        JSON.stringify(request.options),
        request.path,
        now,
      ).lastInsertRowid,
  )
  const [run] = runAutoExports(db, context, now, writers, id)
  if (run?.error) {
    db.prepare('DELETE FROM auto_exports WHERE id = ?').run(id)
    throw new AppError('invalid-input', `Cannot write ${request.path}: ${run.error}`)
  }
  const row = db.prepare('SELECT * FROM auto_exports WHERE id = ?').get(id) as Row
  return toAutoExport(row)
}

/** Stops keeping a file; the file itself stays. */
export function removeAutoExport(db: WritableDb, id: number): number {
  const removed = db.prepare('DELETE FROM auto_exports WHERE id = ?').run(id).changes
  if (removed === 0) throw new AppError('not-found', `There is no auto-export ${id}.`)
  return removed
}

/**
 * Exports each kept scope again and rewrites the files whose text changed (or whose size did),
 * each atomically: an editor or LaTeX run reading it sees the old file or the new, never half.
 * A failure (the tag was deleted, the folder is read-only) is recorded and leaves the file as it
 * was; the others are still written.
 */
export function runAutoExports(
  db: WritableDb,
  context: FilterContext,
  now: string,
  writers: FormatWriters,
  onlyId?: number,
): AutoExportRun[] {
  const rows = (db.prepare('SELECT * FROM auto_exports ORDER BY id').all() as Row[]).filter(
    (row) => onlyId === undefined || row.id === onlyId,
  )
  const record = db.prepare(
    'UPDATE auto_exports SET digest = ?, written_at = ?, error = ? WHERE id = ?',
  )
  return rows.map((row) => {
    const kept = toAutoExport(row)
    try {
      const result = exportPapers(db, kept, context, writers)
      const digest = createHash('sha256').update(result.text).digest('hex')
      // A file emptied, cut short or deleted by hand is written again.
      const unchanged =
        digest === row.digest && sizeOf(row.path) === Buffer.byteLength(result.text, 'utf8')
      if (!unchanged) writeTextFileAtomic(row.path, result.text)
      record.run(digest, unchanged ? row.written_at : now, null, row.id)
      return { id: row.id, path: row.path, count: result.count, written: !unchanged, error: null }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      record.run(row.digest, row.written_at, message, row.id)
      return { id: row.id, path: row.path, count: 0, written: false, error: message }
    }
  })
}

/** The size of a file in bytes; -1 when it is missing. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return -1
  }
}
