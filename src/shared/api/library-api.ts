import type { SavedSearch, SearchResult, SearchRowPage, SearchSnippet } from './search-api'
import type { PaperId, SourceId } from '../model/ids'
import type { Paper, PaperDetail } from '../model/paper'
import type { Tag } from '../model/tag'
import type { ApiInput, ApiMethod, ApiParsedInput, ImportFormat } from './inputs'
import type {
  AttachReport,
  DownloadReport,
  DownloadStatus,
  PdfLocation,
  PdfTextHit,
  StorageUsage,
} from '../model/pdf'
import type { BackupInfo, LibraryImportResult, RestoreResult } from './backups'
import type { LibraryDocument } from './library-document'
import type {
  DeletedTag,
  LibraryCounts,
  ListMoveResult,
  PaperEditResult,
  PaperRowPage,
  UserList,
  VisitInfo,
} from './library-ui'
import type { ResolveReport, SourceSummary, SyncRun } from '../model/sync-source'
import type {
  Annotation,
  AnnotationExport,
  AnnotationSummary,
  ColorLabel,
  PaperAnnotations,
} from '../model/annotation'
import type {
  AutoTagPreview,
  AutoTagSetting,
  PaperTagSuggestions,
  RelatedPaper,
} from './topics-api'
import type {
  AutoExport,
  AutoExportRun,
  Citation,
  DuplicateCandidate,
  ExportResult,
  MergeResult,
} from './curation-api'
import type { BrowserOutputs } from './browser-api'
import type { TriageOutputs } from './triage-api'

/** Where the open library lives and what it holds. */
export type LibraryInfo = {
  dataDir: string
  databasePath: string
  schemaVersion: number
  /** Every paper record in the file, whatever its triage state. */
  paperCount: number
  /** Papers waiting in the inbox. */
  inboxCount: number
  /** Set when the library folder is somewhere risky for it (inside a cloud-sync folder). */
  warning?: string
  /** Set while the library file is known to be damaged: what is wrong and the way back. */
  damage?: string
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

/**
 * A search result: the paper, its rank score (higher is better) and what matched where. Highlights
 * index each field's text; `authors` and `tags` as joined with `, `.
 */
export type SearchHit = Paper & {
  score: number
  highlights: Partial<
    Record<
      'title' | 'authors' | 'organization' | 'abstract' | 'tags' | 'note',
      ReadonlyArray<MatchRange>
    >
  >
  /** The passage to show when words matched only in the abstract, note or PDF text. */
  snippet: SearchSnippet | null
}

/** How many rows a bulk edit changed. */
export type ChangeCount = { changed: number }

/** Outputs of the methods whose types live beside their own inputs. */
type SideOutputs = BrowserOutputs & TriageOutputs

/** What each method returns. */
export type ApiOutputs = SideOutputs & {
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
  /**
   * Imports a file of any size by its absolute path, read where the library is open: id lists,
   * RIS, BibTeX, CSL-JSON and copied pages are streamed (`import.progress` counts bytes), feeds
   * and awesome lists are read whole up to MAX_IMPORT_CHARS. All or nothing, searchable when it returns.
   */
  importFile: ImportReport
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
  /** Ranked, typo-tolerant search over title, authors, organization, abstract, tags, note and PDF text; operators filter. */
  search: ReadonlyArray<SearchHit>
  /** `search` with the query's warnings (unknown operators, bad values) and typo corrections. */
  searchLibrary: SearchResult
  /**
   * A search inside a view, windowed like the list: every match of the view (`total`), by
   * relevance or in any list order, as list rows with highlights and snippet.
   */
  searchPaperRows: SearchRowPage
  /** Saved searches (smart views), in the order they were saved. */
  listSavedSearches: ReadonlyArray<SavedSearch>
  /** Saves a query under a name, replacing one of that name. Error `invalid-input` when the query has warnings. */
  saveSearch: SavedSearch
  /** Deletes a saved search. Error `not-found`. */
  deleteSavedSearch: ChangeCount
  /** Light list rows (no abstract or note) of a view, one window at a time. */
  listPaperRows: PaperRowPage
  /** Every paper id of a view, in added order (for select-all and bulk edits). */
  listPaperIds: ReadonlyArray<PaperId>
  /** Counts of the smart views (all, new, unread, reading, read, starred). */
  libraryCounts: LibraryCounts
  /** Starts a visit (an hour apart from the last counts as new) and says since when papers are new. */
  beginVisit: VisitInfo
  /** Adds/removes tags, sets status and star on many papers at once; the result undoes it. */
  updatePapers: PaperEditResult
  /** Creates a tag. Error `invalid-input` when the name is taken. */
  createTag: Tag
  /** Renames a tag and its sub-tags (`a/b` follows `a`). Error `invalid-input` when taken, `not-found`. */
  renameTag: Tag
  /** Moves every paper of the `ids` tags to `into`, then deletes them. Error `not-found`. */
  mergeTags: ChangeCount
  /** Sets or clears a tag's color. Error `not-found`. */
  setTagColor: Tag
  /** Deletes a tag, returning what brings it back. Error `not-found`. */
  deleteTag: DeletedTag
  /** Every user list with its paper count, by name. */
  listLists: ReadonlyArray<UserList>
  /** Creates a user list. Error `invalid-input` when the name is taken. */
  createList: UserList
  /** Renames a user list. Errors `invalid-input`, `not-found`. */
  renameList: UserList
  /** Deletes a user list (its papers stay in the library). Error `not-found`. */
  deleteList: ChangeCount
  /** Appends papers to a user list. Error `not-found`. */
  addToList: ChangeCount
  /** Takes papers out of a user list. Error `not-found`. */
  removeFromList: ChangeCount
  /**
   * Moves a paper of a list before/after another of its papers or to a 1-based place; the result
   * carries the move that undoes it. Errors `not-found` (list, or paper not in it), `invalid-input`.
   */
  moveInList: ListMoveResult
  /** Snapshots the library now (SQLite backup API) into its backups folder; keeps the newest 10. */
  backupNow: BackupInfo
  /** The library's snapshots, newest first. */
  listBackups: ReadonlyArray<BackupInfo>
  /** Replaces the library with a backup after a safety snapshot. Errors `invalid-input` (not a library), `db-from-future`, `not-found`. */
  restoreBackup: RestoreResult
  /** The whole library as one portable JSON document. */
  exportLibrary: LibraryDocument
  /** Recreates a library from its JSON document, into an empty library only. Errors `parse-error`, `invalid-input`, `db-from-future`. */
  importLibrary: LibraryImportResult
  /** Every followed source with its last run and paper count. */
  listSources: ReadonlyArray<SourceSummary>
  /** Follows a list (`hf-daily`, `hf-search`, `arxiv`, `feed`, `awesome`). Error `invalid-input` for bad params. */
  addSource: SourceSummary
  /** Changes a source's name, params, tags, interval or enabled state. Errors `not-found`, `invalid-input`. */
  updateSource: SourceSummary
  /** Stops following a source; its papers stay in the library. Error `not-found`. */
  removeSource: ChangeCount
  /** Syncs a source now; a failure is recorded in the returned run, not thrown. Error `not-found`. */
  syncSource: SyncRun
  /** Syncs a list once without following it; a failure is recorded in the returned run. */
  syncOnce: SyncRun
  /** Cancels a running sync of a source; `changed` is 1 when one was running. */
  cancelSync: ChangeCount
  /** Finds the arXiv record of title-only (or id-only) papers; only unambiguous matches are taken. */
  resolvePapers: ResolveReport
  /** A paper's stored PDF (file, door-neutral path, text state, reading position), or null when none. Error `not-found`. */
  pdfUrl: PdfLocation | null
  /** Queues PDF downloads for papers (by ids, tag, source or all unread); with `wait`, resolves when they end. */
  downloadPdfs: DownloadReport
  /** The download queue: jobs not yet done and overall progress. */
  downloadStatus: DownloadStatus
  /** Cancels queued or running downloads (all when no ids). */
  cancelDownload: ChangeCount
  /** Deletes stored PDFs (the papers stay) to free space. */
  removePdf: ChangeCount & { freedBytes: number }
  /** Stores a local PDF (path or inline bytes) as a paper's file. Errors `not-found`, `unsupported-format`, `too-large`. */
  attachPdf: AttachReport
  /** Adds a PDF as a paper, found by the arXiv id or DOI in its first pages or metadata, else new. Errors as `attachPdf`. */
  addPdf: AttachReport
  /** Bytes of stored PDFs, for the library and per source. */
  storageUsage: StorageUsage
  /** Remembers the reader's page and zoom; an unread paper becomes `reading`. Error `not-found`. */
  setReadingPosition: ChangeCount
  /** Phrase search inside stored PDFs' text: paper, page and snippet per hit. */
  searchPdfText: ReadonlyArray<PdfTextHit>
  /** A paper's highlights, notes and areas in page order (those of an older file version re-anchored first). Error `not-found`. */
  listAnnotations: PaperAnnotations
  /** How many annotations a paper has and the newest ones. Error `not-found`. */
  annotationSummary: AnnotationSummary
  /** Stores a highlight, sticky note or area highlight (one transaction). Error `not-found`. */
  addAnnotation: Annotation
  /** Changes an annotation's colour, comment or rectangles. Error `not-found`. */
  updateAnnotation: Annotation
  /** Deletes an annotation. Error `not-found`. */
  deleteAnnotation: ChangeCount
  /** Names what a colour means; returns every colour. */
  renameAnnotationColor: ReadonlyArray<ColorLabel>
  /** Annotations of papers (ids, a tag or a list) as Markdown, optionally written to a folder with pictures and annotated PDF copies. */
  exportAnnotations: AnnotationExport
  /** Tags learned from the user's own tags, with confidence and reason, for papers (by ids or a scope). Error `not-found`. */
  suggestTags: ReadonlyArray<PaperTagSuggestions>
  /** The papers most similar to one (library and inbox), with the topics they share. Error `not-found`. */
  relatedPapers: ReadonlyArray<RelatedPaper>
  /** Marks papers "Not interested" (or takes the mark off): the "For you" order puts them last and learns from them. */
  setNotInterested: ChangeCount
  /** How right a tag's past suggestions were at each threshold, and its auto-tagging setting. */
  autoTagPreview: AutoTagPreview
  /** Lets a tag apply itself at or above a confidence (null: off). */
  setAutoTag: AutoTagSetting
  /** A scope (papers, tag with sub-tags, list, saved search, source, library) as BibTeX, BibLaTeX, CSL-JSON, RIS or awesome Markdown. Error `not-found`. */
  exportPapers: ExportResult
  /** Papers as formatted references in a citation style. */
  citePapers: ReadonlyArray<Citation>
  /** Sets a paper's citation key (null: a fresh one from the pattern). Errors `invalid-input` (taken), `not-found`. */
  setCitationKey: { key: string }
  /** Sets the pattern new citation keys follow; existing keys stay. */
  setCitationKeyPattern: { pattern: string }
  /** Pairs of papers that look like one work (same arXiv id behind a DOI, alike titles with a shared author); never merged by themselves. */
  listDuplicates: ReadonlyArray<DuplicateCandidate>
  /** Merges papers into `keep` (identities, tags, lists, notes, files, provenance); merged ids keep naming it. Errors `not-found`, `invalid-input`. */
  mergePapers: MergeResult
  /** Splits a merge again: both papers as they were when merged. Errors `not-found`, `invalid-input` (a later merge into the same paper comes first). */
  unmergePaper: MergeResult
  /** Corrects a paper's title, authors, date, venue, DOI, arXiv id or abstract; later syncs keep the edit. Errors `not-found`, `invalid-input` (an identifier another paper holds). */
  editPaperMetadata: PaperDetail
  /** Puts back what the sources say for edited fields (all of them by default). Error `not-found`. */
  revertPaperMetadata: PaperDetail
  /** Keeps a file as the export of a scope (written now, rewritten when its papers change). Errors `invalid-input` (path taken, cannot be written), `not-found`. Event `autoExports.changed`. */
  addAutoExport: AutoExport
  listAutoExports: ReadonlyArray<AutoExport>
  /** Stops keeping a file (the file stays). Error `not-found`. Event `autoExports.changed`. */
  removeAutoExport: { removed: number }
  /** Rewrites every auto-export (or the one `id` names) whose text changed; what each file got. Error `not-found` for an unknown `id`. Event `autoExports.changed` when a file was written or a failure recorded or cleared. */
  runAutoExports: ReadonlyArray<AutoExportRun>
}

/** The contract every door exposes: one object argument per method, promise results. */
export type LibraryApi = {
  [K in ApiMethod]: (input: ApiInput<K>) => Promise<ApiOutputs[K]>
}

/** What the core implements: inputs arrive validated, with defaults filled in. */
export type LibraryService = {
  [K in ApiMethod]: (input: ApiParsedInput<K>) => Promise<ApiOutputs[K]> | ApiOutputs[K]
}
