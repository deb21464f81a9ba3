import { z } from 'zod'
import type { TriageState } from '../api/triage-api'
import type { EditableField } from '../api/curation-api'
import type { PaperId } from './ids'

/** Where a reader is with a paper. */
export const READING_STATUSES = ['unread', 'reading', 'read'] as const
export const readingStatusSchema = z.enum(READING_STATUSES)
export type ReadingStatus = z.infer<typeof readingStatusSchema>

/**
 * Sort orders for paper listings. `list` is a user list's own order (its positions, which the
 * user moves); outside a list view it means `added`.
 */
export const PAPER_SORTS = ['added', 'published', 'title', 'upvotes', 'for-you', 'list'] as const
export const paperSortSchema = z.enum(PAPER_SORTS)
export type PaperSort = z.infer<typeof paperSortSchema>

/**
 * A paper as every door shows it (CLI `--json`, API, renderer). `null` means unknown:
 * `upvotes: null` is "not known", never 0.
 */
export type Paper = {
  id: PaperId
  arxivId: string | null
  doi: string | null
  title: string | null
  abstract: string | null
  authors: ReadonlyArray<string>
  /** Known even when the names are not (a copied Hugging Face page gives only "7 authors"). */
  authorCount: number | null
  organization: string | null
  /** The most precise date known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (sorts as text). */
  publishedAt: string | null
  upvotes: number | null
  tags: ReadonlyArray<string>
  status: ReadingStatus
  starred: boolean
  note: string | null
  /** ISO 8601 timestamp of when the paper entered this library. */
  addedAt: string
}

/** Links a paper carries; all absolute http(s) URLs. */
export type PaperLinks = {
  abs: string | null
  pdf: string | null
  huggingFace: string | null
  code: string | null
  project: string | null
}

/** A label a source suggests for a paper (arXiv category, Hugging Face keyword, list section). */
export type SuggestedTag = {
  label: string
  origin: 'arxiv-category' | 'hf-keyword' | 'list-section' | 'keyword'
}

/** One list or file a paper came from. */
export type PaperProvenance = {
  sourceId: number
  sourceName: string
  sourceKind: string
  firstSeenAt: string
  lastSeenAt: string
  rank: number | null
  section: string | null
}

/** A paper with everything the detail view shows. */
export type PaperDetail = Paper & {
  latestVersion: number | null
  links: PaperLinks
  suggestedTags: ReadonlyArray<SuggestedTag>
  provenance: ReadonlyArray<PaperProvenance>
  lastReadPage: number | null
  modifiedAt: string
  /** Inbox, library, dismissed, trash, or purged (only its identity is left). */
  triage: TriageState
  /** Which arrival rules acted on the paper ("kept by rule 'diffusion → keep'"), or null. */
  ruleNote: string | null
  /** Where it was published (journal, proceedings, publisher), as the source or the user says. */
  venue: string | null
  /** The metadata fields the user edited (`title`, `authors`, `publishedAt`, `venue`, `doi`, `arxivId`, `abstract`). */
  editedFields: ReadonlyArray<EditableField>
}

/** Title shown for a paper whose title is not known yet. */
export function displayTitle(paper: Pick<Paper, 'title' | 'arxivId' | 'doi' | 'id'>): string {
  if (paper.title) return paper.title
  if (paper.arxivId) return `arXiv:${paper.arxivId}`
  if (paper.doi) return `doi:${paper.doi}`
  return `Paper ${paper.id}`
}
