import type { PaperId } from '@shared/model/ids'
import type { PdfTextHit } from '@shared/model/pdf'
import type { WritableDb } from '../db/open-database'

// Private-use characters mark the matched words in FTS5 snippets; they never occur in extracted text
// because extraction output is cleaned of them below.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const MARKERS = /[\uE000\uE001]/g

/** Words of a query (letters and digits only, so FTS5 operators in user text stay inert). */
function words(query: string): string[] {
  return query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * Full-text search inside stored PDFs: the query as a phrase first, then every word anywhere on
 * the page. One hit per paper and page, best first, with a snippet and the matched ranges.
 */
export function searchPdfText(db: WritableDb, query: string, limit: number): PdfTextHit[] {
  const terms = words(query)
  if (terms.length === 0) return []
  const quoted = terms.map((w) => `"${w}"`)
  const phrase = `"${terms.join(' ')}"`
  let hits = run(db, phrase, limit)
  if (hits.length === 0 && terms.length > 1) hits = run(db, quoted.join(' AND '), limit)
  return hits
}

function run(db: WritableDb, match: string, limit: number): PdfTextHit[] {
  const rows = db
    .prepare(
      `SELECT pf.paper_id AS paperId, pdf_pages_fts.page AS page, -pdf_pages_fts.rank AS score,
         snippet(pdf_pages_fts, 0, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
       FROM pdf_pages_fts JOIN paper_files pf ON pf.sha256 = pdf_pages_fts.sha256
       WHERE pdf_pages_fts MATCH ? ORDER BY pdf_pages_fts.rank LIMIT ?`,
    )
    .all(match, limit * 4) as Array<{
    paperId: number
    page: number
    score: number
    snippet: string
  }>
  const seen = new Set<string>()
  const hits: PdfTextHit[] = []
  for (const row of rows) {
    const key = `${row.paperId}:${row.page}`
    if (seen.has(key)) continue
    seen.add(key)
    hits.push({
      paperId: row.paperId as PaperId,
      page: row.page,
      score: round(row.score),
      ...marked(row.snippet),
    })
    if (hits.length >= limit) break
  }
  return hits
}

/** Strips the markers from a snippet and returns where they were. */
function marked(raw: string): Pick<PdfTextHit, 'snippet' | 'highlights'> {
  const highlights: Array<readonly [number, number]> = []
  let text = ''
  let start = -1
  for (const char of raw.replace(/\s+/g, ' ')) {
    if (char === OPEN) start = text.length
    else if (char === CLOSE) {
      if (start >= 0) highlights.push([start, text.length] as const)
      start = -1
    } else text += char
  }
  return { snippet: text.replace(MARKERS, ''), highlights }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
