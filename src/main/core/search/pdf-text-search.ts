import type { MatchRange } from '@shared/api/library-api'
import type { SearchSnippet } from '@shared/api/search-api'
import type { WritableDb } from '../db/open-database'

const known = new WeakMap<WritableDb, boolean>()

/** True when the library has the PDF page index (the PDF schema step ran). */
export function hasPdfText(db: WritableDb): boolean {
  let present = known.get(db)
  if (present === undefined) {
    present =
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'pdf_pages_fts'").get() !== undefined
    known.set(db, present)
  }
  return present
}

/** Papers whose stored PDF text matches an FTS5 expression, best first. */
export function pdfCandidates(
  db: WritableDb,
  match: string,
  filters: { where: string[]; params: unknown[] },
  limit: number,
): number[] {
  if (!hasPdfText(db)) return []
  const where = ['pdf_pages_fts MATCH ?', ...filters.where].join(' AND ')
  return db
    .prepare(
      `SELECT p.id FROM pdf_pages_fts
       JOIN paper_files pf ON pf.sha256 = pdf_pages_fts.sha256
       JOIN papers p ON p.id = pf.paper_id
       WHERE ${where}
       GROUP BY p.id ORDER BY min(pdf_pages_fts.rank) LIMIT ?`,
    )
    .pluck()
    .all(match, ...filters.params, limit) as number[]
}

/** Every paper (under `filters`) whose stored PDF text matches, or null when more than `cap` do. */
export function pdfMatches(
  db: WritableDb,
  match: string,
  filters: { where: string[]; params: unknown[] },
  cap: number,
): number[] | null {
  if (!hasPdfText(db)) return []
  const where = ['pdf_pages_fts MATCH ?', ...filters.where].join(' AND ')
  const ids = db
    .prepare(
      `SELECT DISTINCT p.id FROM pdf_pages_fts
       JOIN paper_files pf ON pf.sha256 = pdf_pages_fts.sha256
       JOIN papers p ON p.id = pf.paper_id
       WHERE ${where} LIMIT ?`,
    )
    .pluck()
    .all(match, ...filters.params, cap + 1) as number[]
  return ids.length > cap ? null : ids
}

/** Which of `words` the PDF text of each paper holds (each word checked as a prefix). */
export function pdfWordsOf(
  db: WritableDb,
  ids: ReadonlyArray<number>,
  words: ReadonlyArray<string>,
): Map<number, Set<string>> {
  const found = new Map<number, Set<string>>()
  if (!hasPdfText(db) || ids.length === 0) return found
  const statement = db.prepare(
    `SELECT DISTINCT pf.paper_id FROM pdf_pages_fts JOIN paper_files pf ON pf.sha256 = pdf_pages_fts.sha256
     WHERE pdf_pages_fts MATCH ? AND pf.paper_id IN (SELECT value FROM json_each(?))`,
  )
  const json = JSON.stringify(ids)
  for (const word of words) {
    for (const id of statement.pluck().all(`"${word.replace(/"/g, '""')}"*`, json) as number[]) {
      const set = found.get(id) ?? new Set<string>()
      set.add(word)
      found.set(id, set)
    }
  }
  return found
}

const OPEN = '\u0002'
const CLOSE = '\u0003'

/** The best-matching passage of a paper's PDF text, with its page number (1-based) and highlights. */
export function pdfSnippet(db: WritableDb, paperId: number, match: string): SearchSnippet | null {
  if (!hasPdfText(db)) return null
  const row = db
    .prepare(
      `SELECT snippet(pdf_pages_fts, 0, '${OPEN}', '${CLOSE}', '…', 24) AS marked, pdf_pages_fts.page AS page
       FROM pdf_pages_fts JOIN paper_files pf ON pf.sha256 = pdf_pages_fts.sha256
       WHERE pdf_pages_fts MATCH ? AND pf.paper_id = ? ORDER BY pdf_pages_fts.rank LIMIT 1`,
    )
    .get(match, paperId) as { marked: string; page: number } | undefined
  if (!row) return null
  const highlights: MatchRange[] = []
  let text = ''
  let open = -1
  for (const char of row.marked) {
    if (char === OPEN) open = text.length
    else if (char === CLOSE) {
      if (open >= 0) highlights.push([open, text.length])
      open = -1
    } else text += char
  }
  return { field: 'pdf', text, highlights, page: Number(row.page) }
}
