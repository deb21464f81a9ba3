import type { SearchSnippet } from '@shared/api/search-api'
import { parseQuery } from '@shared/search/query-syntax'
import { highlightParts } from './highlight-parts'

/**
 * Where the reader opens for a full-text hit: the page and the text to find there, or, for an
 * annotation hit, the annotation to show.
 */
export type ReaderTarget = { page: number; query?: string; annotationId?: number }

/**
 * The reader position of a PDF snippet: its page, and the query's first phrase (else the longest
 * matched run of the snippet) to find, since the reader finds one contiguous text.
 */
export function readerTargetOf(
  snippet: SearchSnippet | null | undefined,
  query: string,
): ReaderTarget | null {
  if (snippet?.field === 'annotation' && snippet.page !== null && snippet.annotationId) {
    return { page: snippet.page, annotationId: snippet.annotationId }
  }
  if (!snippet || snippet.field !== 'pdf' || snippet.page === null) return null
  const phrase = parseQuery(query).phrases[0]
  if (phrase && phrase.length > 0) return { page: snippet.page, query: phrase.join(' ') }
  const runs = highlightParts(snippet.text, snippet.highlights).filter((part) => part.marked)
  const longest = runs.reduce(
    (best, part) => (part.text.length > best.length ? part.text : best),
    '',
  )
  return { page: snippet.page, query: longest.trim() }
}
