import type { PaperId } from '@shared/model/ids'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'

/** How a stored PDF arrived. */
export type PdfOrigin = 'download' | 'attach'

/** A paper's stored PDF. */
export type StoredFile = { sha256: string; size: number; origin: PdfOrigin; addedAt: string }

/** The PDF a paper reads from: the most recently stored one. */
export function currentFile(db: WritableDb, paperId: number): StoredFile | null {
  const row = db
    .prepare(
      `SELECT sha256, size, origin, added_at AS addedAt FROM paper_files
       WHERE paper_id = ? ORDER BY added_at DESC, sha256 LIMIT 1`,
    )
    .get(paperId) as StoredFile | undefined
  return row ?? null
}

/**
 * Links a verified file to a paper (replacing its earlier files) and queues its text for indexing.
 * Returns the hashes no paper uses any more, for the caller to delete. Call inside a transaction.
 */
export function recordFile(
  db: WritableDb,
  paperId: number,
  file: { sha256: string; size: number; origin: PdfOrigin },
  now: string,
): string[] {
  const previous = fileHashes(db, paperId).filter((sha) => sha !== file.sha256)
  db.prepare('DELETE FROM paper_files WHERE paper_id = ? AND sha256 <> ?').run(paperId, file.sha256)
  db.prepare(
    `INSERT INTO paper_files (paper_id, sha256, size, origin, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (paper_id, sha256) DO UPDATE SET origin = excluded.origin, added_at = excluded.added_at`,
  ).run(paperId, file.sha256, file.size, file.origin, now)
  db.prepare(
    `INSERT INTO pdf_texts (sha256, state, updated_at) VALUES (?, 'pending', ?) ON CONFLICT (sha256) DO NOTHING`,
  ).run(file.sha256, now)
  return dropUnused(db, previous)
}

/** Unlinks every PDF of a paper; returns the hashes no paper uses any more. Call inside a transaction. */
export function unlinkFiles(db: WritableDb, paperId: number): string[] {
  const hashes = fileHashes(db, paperId)
  db.prepare('DELETE FROM paper_files WHERE paper_id = ?').run(paperId)
  return dropUnused(db, hashes)
}

/**
 * Unlinks every PDF of many papers at once; returns the hashes no paper uses any more, with their
 * sizes. Call inside a transaction.
 */
export function unlinkFilesOf(
  db: WritableDb,
  paperIds: ReadonlyArray<number>,
): Array<{ sha256: string; size: number }> {
  const ids = jsonIds(paperIds)
  const files = db
    .prepare(
      `SELECT sha256, max(size) AS size FROM paper_files
       WHERE paper_id IN (SELECT value FROM json_each(?)) GROUP BY sha256`,
    )
    .all(ids) as Array<{ sha256: string; size: number }>
  db.prepare('DELETE FROM paper_files WHERE paper_id IN (SELECT value FROM json_each(?))').run(ids)
  const unused = new Set(
    dropUnused(
      db,
      files.map((file) => file.sha256),
    ),
  )
  return files.filter((file) => unused.has(file.sha256))
}

function fileHashes(db: WritableDb, paperId: number): string[] {
  return db
    .prepare('SELECT sha256 FROM paper_files WHERE paper_id = ?')
    .pluck()
    .all(paperId) as string[]
}

/** Forgets the text of hashes no paper links to, and returns them. */
function dropUnused(db: WritableDb, hashes: ReadonlyArray<string>): string[] {
  const unused = hashes.filter(
    (sha) =>
      db.prepare('SELECT 1 FROM paper_files WHERE sha256 = ? LIMIT 1').get(sha) === undefined,
  )
  for (const sha of unused) {
    db.prepare('DELETE FROM pdf_texts WHERE sha256 = ?').run(sha)
    db.prepare('DELETE FROM pdf_pages_fts WHERE sha256 = ?').run(sha)
  }
  return unused
}

/** Every hash any paper links to (to find orphan files on disk). */
export function linkedHashes(db: WritableDb): Set<string> {
  return new Set(db.prepare('SELECT DISTINCT sha256 FROM paper_files').pluck().all() as string[])
}

/** Hashes whose text is still to be indexed, oldest first. */
export function pendingTexts(db: WritableDb, limit = 50): string[] {
  return db
    .prepare(
      `SELECT sha256 FROM pdf_texts WHERE state = 'pending' ORDER BY updated_at, sha256 LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[]
}

/** Replaces the indexed pages of a file (in one transaction) and marks its text done. */
export function saveText(
  db: WritableDb,
  sha256: string,
  pages: ReadonlyArray<string>,
  now: string,
): void {
  db.transaction(() => {
    // The file may have been removed while its text was being read.
    if (db.prepare('SELECT 1 FROM pdf_texts WHERE sha256 = ?').get(sha256) === undefined) return
    db.prepare('DELETE FROM pdf_pages_fts WHERE sha256 = ?').run(sha256)
    const insert = db.prepare('INSERT INTO pdf_pages_fts (text, sha256, page) VALUES (?, ?, ?)')
    pages.forEach((text, index) => {
      if (text.trim() !== '') insert.run(text, sha256, index + 1)
    })
    db.prepare(
      `UPDATE pdf_texts SET state = 'done', page_count = ?, error = NULL, updated_at = ? WHERE sha256 = ?`,
    ).run(pages.length, now, sha256)
  }).immediate()
}

/** Records why a file's text could not be read; the file itself stays usable. */
export function failText(db: WritableDb, sha256: string, error: string, now: string): void {
  db.prepare(
    `UPDATE pdf_texts SET state = 'failed', error = ?, updated_at = ? WHERE sha256 = ?`,
  ).run(error.slice(0, 1000), now, sha256)
}

/** Text state of a file. */
export function textState(
  db: WritableDb,
  sha256: string,
): { state: 'pending' | 'done' | 'failed'; pageCount: number | null; error: string | null } | null {
  const row = db
    .prepare('SELECT state, page_count AS pageCount, error FROM pdf_texts WHERE sha256 = ?')
    .get(sha256) as
    | { state: 'pending' | 'done' | 'failed'; pageCount: number | null; error: string | null }
    | undefined
  return row ?? null
}

/** Bytes and files stored, for the whole library and per source (a file counts once per source). */
export function storageTotals(db: WritableDb): {
  bytes: number
  files: number
  papers: number
  sources: Array<{ sourceId: number; name: string; bytes: number; files: number }>
} {
  const total = db
    .prepare(
      `SELECT coalesce(sum(size), 0) AS bytes, count(*) AS files FROM
       (SELECT sha256, max(size) AS size FROM paper_files GROUP BY sha256)`,
    )
    .get() as { bytes: number; files: number }
  const papers = db
    .prepare('SELECT count(DISTINCT paper_id) FROM paper_files')
    .pluck()
    .get() as number
  const sources = db
    .prepare(
      `SELECT s.id AS sourceId, s.name AS name, coalesce(sum(f.size), 0) AS bytes, count(*) AS files FROM sources s
       JOIN (SELECT DISTINCT ps.source_id, pf.sha256, pf.size FROM paper_sources ps
             JOIN paper_files pf ON pf.paper_id = ps.paper_id) f ON f.source_id = s.id
       GROUP BY s.id ORDER BY bytes DESC, s.name`,
    )
    .all() as Array<{ sourceId: number; name: string; bytes: number; files: number }>
  return { ...total, papers, sources }
}

/** The papers (of a source, or all) that have a stored PDF. */
export function papersWithFiles(db: WritableDb, sourceId?: number): PaperId[] {
  const sql =
    sourceId === undefined
      ? 'SELECT DISTINCT paper_id FROM paper_files ORDER BY paper_id'
      : `SELECT DISTINCT pf.paper_id FROM paper_files pf JOIN paper_sources ps ON ps.paper_id = pf.paper_id
         WHERE ps.source_id = ? ORDER BY pf.paper_id`
  const statement = db.prepare(sql).pluck()
  return (sourceId === undefined ? statement.all() : statement.all(sourceId)) as PaperId[]
}

/** The papers that hold the stored file `sha256` (one file can serve several papers). */
export function paperIdsWithFile(db: WritableDb, sha256: string): PaperId[] {
  return prepared(db, 'SELECT paper_id FROM paper_files WHERE sha256 = ?')
    .pluck()
    .all(sha256) as PaperId[]
}
