import type { WritableDb } from '../db/open-database'
import { currentFile, textState } from '../pdf/pdf-files-repo'
import { locateQuote, type PageText } from './locate-quote'

type StaleRow = {
  id: number
  kind: 'highlight' | 'note' | 'area'
  page: number
  quote: string | null
  prefix: string | null
  suffix: string | null
  anchor: string
}

/** Words a quote's candidate pages must hold (the longest few: the rarest, and enough to narrow). */
function candidateMatch(quote: string): string | null {
  const words = [...new Set(quote.normalize('NFKC').match(/[\p{L}\p{N}]{3,}/gu) ?? [])]
  if (words.length === 0) return null
  words.sort((a, b) => b.length - a.length)
  return words
    .slice(0, 6)
    .map((w) => `"${w}"`)
    .join(' AND ')
}

/** The indexed text of the pages of `sha256` that may hold the quote. */
function candidatePages(db: WritableDb, sha256: string, quote: string): PageText[] {
  const match = candidateMatch(quote)
  if (match === null) return []
  try {
    return db
      .prepare(
        `SELECT page, text FROM pdf_pages_fts WHERE pdf_pages_fts MATCH ? AND sha256 = ? ORDER BY page`,
      )
      .all(match, sha256) as PageText[]
  } catch {
    // A word the index's syntax cannot take: fall back to reading every page of the file.
    return db
      .prepare('SELECT page, text FROM pdf_pages_fts WHERE sha256 = ? ORDER BY page')
      .all(sha256) as PageText[]
  }
}

/**
 * Moves a paper's annotations made on an older file version onto its current one, in one
 * transaction: a highlight goes to the page holding its text (the reader measures it there again,
 * so its rectangles are cleared) or is marked `unanchored` and kept; notes and areas keep their
 * place when the page exists. While the new file's text is not read yet they are `pending`.
 * Returns how many annotations changed.
 */
export function reanchorPaper(db: WritableDb, paperId: number, now: string): number {
  const file = currentFile(db, paperId)
  if (!file) return 0
  const stale = db
    .prepare(
      `SELECT id, kind, page, quote, prefix, suffix, anchor FROM annotations
       WHERE paper_id = ? AND (sha256 IS NULL OR sha256 <> ?)`,
    )
    .all(paperId, file.sha256) as StaleRow[]
  if (stale.length === 0) return 0
  const text = textState(db, file.sha256)
  return db
    .transaction(() => {
      if (text === null || text.state === 'pending') {
        return db
          .prepare(
            `UPDATE annotations SET anchor = 'pending' WHERE paper_id = ? AND anchor <> 'pending'
             AND (sha256 IS NULL OR sha256 <> ?)`,
          )
          .run(paperId, file.sha256).changes
      }
      const pageCount = text.pageCount
      const move = db.prepare(
        `UPDATE annotations SET sha256 = ?, page = ?, rects = ?, anchor = ?, updated_at = ? WHERE id = ?`,
      )
      const keep = db.prepare(
        `UPDATE annotations SET sha256 = ?, anchor = ?, updated_at = ? WHERE id = ?`,
      )
      for (const row of stale) {
        if (row.kind === 'highlight' && row.quote && text.state === 'done') {
          const page = locateQuote(candidatePages(db, file.sha256, row.quote), {
            quote: row.quote,
            prefix: row.prefix,
            suffix: row.suffix,
            page: row.page,
          })
          if (page === null) keep.run(file.sha256, 'unanchored', now, row.id)
          else move.run(file.sha256, page, '[]', 'placed', now, row.id)
          continue
        }
        // No text to follow (or text unreadable): the place stays when the page still exists.
        const fits = row.kind !== 'highlight' && (pageCount === null || row.page <= pageCount)
        keep.run(file.sha256, fits ? 'placed' : 'unanchored', now, row.id)
      }
      return stale.length
    })
    .immediate()
}
