import type { SuggestedTag } from '@shared/model/paper'

/** An author as a source names them, in order. */
export type DraftAuthor = { name: string; affiliation?: string | null }

/**
 * What a source knows about one paper, before it meets the library. Absent or null fields are
 * unknown and never erase what the library already has.
 */
export type PaperDraft = {
  arxivId?: string | null
  arxivVersion?: number | null
  /** Lower-case bare DOI of the published work (not arXiv's own 10.48550 DOI). */
  doi?: string | null
  title?: string | null
  abstract?: string | null
  /** Empty means the names are unknown. */
  authors?: ReadonlyArray<DraftAuthor>
  authorCount?: number | null
  organization?: { handle: string | null; name: string } | null
  /** The most precise date known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (sorts as text). */
  publishedAt?: string | null
  upvotes?: number | null
  commentCount?: number | null
  withdrawn?: boolean
  journalRef?: string | null
  pdfUrl?: string | null
  codeUrl?: string | null
  codeStars?: number | null
  projectUrl?: string | null
  featuredOn?: string | null
  suggestedTags?: ReadonlyArray<SuggestedTag>
  /** Where in the source this paper stood. */
  provenance: {
    /** 1-based line of the entry in the input, for messages. */
    line: number | null
    rank: number | null
    section: string | null
    /** The entry as the source gave it, kept for audit. */
    raw: string | null
  }
}

/** The result of parsing one input: the drafts in order, and entries skipped with a reason. */
export type ParsedList = {
  drafts: ReadonlyArray<PaperDraft>
  skipped: ReadonlyArray<{ line: number | null; entry: string; reason: string }>
}
