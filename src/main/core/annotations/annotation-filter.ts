import type { SearchSnippet } from '@shared/api/search-api'
import type { QueryFilter } from '@shared/search/query-syntax'
import { splitWords } from '@shared/search/query-syntax'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'

// The search operators over annotations: `is:annotated` and `annotation:word`. Annotation text is
// short and per paper, so a LIKE over a paper's few rows (indexed by paper) is enough.

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)
/** What `annotation:` words are matched against: the quote and the comment. */
const ANNOTATION_TEXT = `(coalesce(a.quote, '') || ' ' || coalesce(a.comment, ''))`

/** SQL on `papers p`: the paper has at least one annotation. */
export function annotatedCondition(): string {
  return 'EXISTS (SELECT 1 FROM annotations a WHERE a.paper_id = p.id)'
}

/** One annotation's condition for each word (all must match the same annotation). */
function wordsWhere(words: ReadonlyArray<string>): string {
  return words.map(() => `${ANNOTATION_TEXT} LIKE ? ESCAPE '\\'`).join(' AND ')
}

/** SQL on `papers p`: one of its annotations holds every word of `value` (case ignored). */
export function annotationWordsCondition(value: string): { sql: string; params: string[] } | null {
  const words = splitWords(value)
  if (words.length === 0) return null
  return {
    sql: `EXISTS (SELECT 1 FROM annotations a WHERE a.paper_id = p.id AND ${wordsWhere(words)})`,
    params: words.map((w) => `%${likeEscape(w)}%`),
  }
}

/**
 * Gives each hit of an `annotation:` query the annotation that matched as its snippet (quote or
 * comment, page, id), so opening the hit opens the reader at that annotation.
 */
export function withAnnotationSnippets<T extends { id: number; snippet: SearchSnippet | null }>(
  db: WritableDb,
  filters: ReadonlyArray<QueryFilter>,
  hits: T[],
): T[] {
  const words = filters
    .filter((f) => f.kind === 'annotation' && !f.negated)
    .flatMap((f) => ('value' in f ? splitWords(f.value) : []))
  if (words.length === 0) return hits
  const find = prepared(
    db,
    `SELECT a.id, a.page, a.quote, a.comment FROM annotations a
     WHERE a.paper_id = ? AND ${wordsWhere(words)}
     ORDER BY a.page, json_extract(a.rects, '$[0][3]') DESC, a.id LIMIT 1`,
  )
  const params = words.map((w) => `%${likeEscape(w)}%`)
  return hits.map((hit) => {
    const row = find.get(hit.id, ...params) as
      { id: number; page: number; quote: string | null; comment: string | null } | undefined
    return row ? { ...hit, snippet: annotationSnippet(row, words) } : hit
  })
}

/** The comment (else the quote) with the query words marked. */
function annotationSnippet(
  row: { id: number; page: number; quote: string | null; comment: string | null },
  words: ReadonlyArray<string>,
): SearchSnippet {
  const inComment = words.some((w) => (row.comment ?? '').toLowerCase().includes(w))
  const text = ((inComment ? row.comment : row.quote) ?? row.comment ?? '').slice(0, 300)
  const lower = text.toLowerCase()
  const highlights: Array<readonly [number, number]> = []
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      highlights.push([at, at + word.length])
    }
  }
  highlights.sort((a, b) => a[0] - b[0])
  return { field: 'annotation', text, highlights, page: row.page, annotationId: row.id }
}
