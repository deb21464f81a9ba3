import { z } from 'zod'
import { PAPER_SORTS } from '../model/paper'
import type { QueryWarning } from '../search/query-syntax'
import type { MatchRange, SearchHit } from './library-api'
import { MAX_ROW_WINDOW, viewFilterShape, type PaperListRow } from './library-ui'

/** A passage of the abstract, note, PDF text or an annotation around a match, with highlights into `text`. */
export type SearchSnippet = {
  field: 'abstract' | 'note' | 'pdf' | 'annotation'
  text: string
  highlights: ReadonlyArray<MatchRange>
  /** The PDF page (1-based) for a PDF passage or an annotation, else null. */
  page: number | null
  /** The annotation that matched (an `annotation:` search). */
  annotationId?: number
}

/** A query word the library does not hold, and the library words searched in its place. */
export type SearchCorrection = { word: string; to: ReadonlyArray<string> }

/** Ranked hits with what the query language could not take (unknown operators, bad values). */
export type SearchResult = {
  hits: ReadonlyArray<SearchHit>
  /** Unknown operators are searched as text and reported here; bad operator values are left out. */
  warnings: ReadonlyArray<QueryWarning>
  corrections: ReadonlyArray<SearchCorrection>
}

/** How search rows are ordered: by relevance (the default with a query) or as the list sorts. */
export const SEARCH_SORTS = ['relevance', ...PAPER_SORTS] as const
export const searchSortSchema = z.enum(SEARCH_SORTS)
export type SearchSort = z.infer<typeof searchSortSchema>

/** A list row found by a search: the browsing row plus its score and what matched where. */
export type SearchRow = PaperListRow &
  Pick<SearchHit, 'score' | 'highlights' | 'snippet'> & {
    /** The author whose name holds the most query words (the row shows it), if any does. */
    matchedAuthor?: string | null
  }

/** One window of the matches of a view, how many there are, and what the query could not take. */
export type SearchRowPage = {
  total: number
  rows: ReadonlyArray<SearchRow>
  warnings: ReadonlyArray<QueryWarning>
  corrections: ReadonlyArray<SearchCorrection>
}

/** A query kept under a name (a smart view in the sidebar). */
export type SavedSearch = { id: number; name: string; query: string; createdAt: string }

const query = z.string().max(1000)

/** Input schemas of the search methods beyond `search`. */
export const searchInputs = {
  searchLibrary: z.strictObject({
    query,
    limit: z.number().int().min(1).max(1000).default(50),
  }),
  searchPaperRows: z.strictObject({
    ...viewFilterShape,
    query,
    sort: searchSortSchema.default('relevance'),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(MAX_ROW_WINDOW).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  listSavedSearches: z.strictObject({}),
  saveSearch: z.strictObject({
    name: z.string().trim().min(1, 'a saved search needs a name').max(200),
    query: query.refine((q) => q.trim() !== '', 'a saved search needs a query'),
  }),
  deleteSavedSearch: z.strictObject({ id: z.number().int().positive() }),
}
