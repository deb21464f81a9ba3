import type { PaperId, SourceId } from '../model/ids'
import type { Paper, PaperDetail } from '../model/paper'
import type { Tag } from '../model/tag'
import type { ApiInput, ApiMethod, ApiParsedInput, ImportFormat } from './inputs'

/** Where the open library lives and what it holds. */
export type LibraryInfo = {
  dataDir: string
  databasePath: string
  schemaVersion: number
  paperCount: number
}

/** One window of a paper listing. */
export type PaperPage = { total: number; papers: ReadonlyArray<Paper> }

/** An entry an import did not take, and why. */
export type ImportRefusal = { line: number | null; entry: string; reason: string }

/** What one import did. */
export type ImportReport = {
  sourceId: SourceId
  sourceName: string
  format: Exclude<ImportFormat, 'auto'>
  added: number
  updated: number
  unchanged: number
  refused: ReadonlyArray<ImportRefusal>
  /** Every paper the import touched, in the order of the input. */
  paperIds: ReadonlyArray<PaperId>
}

/** A character range `[start, end)` in a field, for highlighting. */
export type MatchRange = readonly [start: number, end: number]

/** A search result: the paper, its rank score (higher is better) and what matched where. */
export type SearchHit = Paper & {
  score: number
  highlights: Partial<Record<'title' | 'authors' | 'abstract' | 'tags' | 'note', ReadonlyArray<MatchRange>>>
}

/** How many rows a bulk edit changed. */
export type ChangeCount = { changed: number }

/** What each method returns. */
export type ApiOutputs = {
  /** The open library's location, schema version and size. */
  libraryInfo: LibraryInfo
  /** Papers filtered by tag/status/star, sorted, one window at a time. */
  listPapers: PaperPage
  /** One paper with its links, suggested tags and provenance. Error `not-found`. */
  getPaper: PaperDetail
  /** The paper a reference names (numeric id, arXiv id or URL, DOI), or null. */
  findPaper: PaperDetail | null
  /** Imports a copied page or id list in one transaction. Errors `parse-error`, `unsupported-format`. */
  importText: ImportReport
  /** Adds tags (created when new, matched case-insensitively) to papers. */
  tagPapers: ChangeCount
  /** Removes tags from papers; unknown tags are ignored. */
  untagPapers: ChangeCount
  /** Every tag with its paper count, by name. */
  listTags: ReadonlyArray<Tag>
  /** Sets the reading status of papers. */
  setStatus: ChangeCount
  /** Stars or unstars papers. */
  setStarred: ChangeCount
  /** Replaces a paper's note (null clears it). */
  setNote: ChangeCount
  /** Ranked full-text search over title, authors, abstract, tags and note. */
  search: ReadonlyArray<SearchHit>
}

/** The contract every door exposes: one object argument per method, promise results. */
export type LibraryApi = {
  [K in ApiMethod]: (input: ApiInput<K>) => Promise<ApiOutputs[K]>
}

/** What the core implements: inputs arrive validated, with defaults filled in. */
export type LibraryService = {
  [K in ApiMethod]: (input: ApiParsedInput<K>) => Promise<ApiOutputs[K]> | ApiOutputs[K]
}
