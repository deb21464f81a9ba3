import type { RemoteColumns } from '../db/papers-repo'
import { titleKey } from '@shared/model/title-key'
import type { PaperDraft } from '../sources/paper-draft'

/** The remote half of a paper: everything a source may write, nothing the user owns. */
export type RemoteFields = RemoteColumns & {
  authors: ReadonlyArray<{ name: string; affiliation: string | null }>
}

/** The remote columns of `papers`, in one place for the writer's SQL. */
export const REMOTE_COLUMNS = [
  'arxiv_id',
  'doi',
  'title_key',
  'latest_version',
  'title',
  'abstract',
  'author_count',
  'organization',
  'organization_handle',
  'published_at',
  'upvotes',
  'comment_count',
  'withdrawn',
  'journal_ref',
  'pdf_url',
  'code_url',
  'code_stars',
  'project_url',
  'featured_on',
  'metadata_rank',
] as const satisfies ReadonlyArray<Exclude<keyof RemoteFields, 'authors'>>

const EMPTY: RemoteFields = {
  arxiv_id: null,
  doi: null,
  title_key: null,
  latest_version: null,
  title: null,
  abstract: null,
  author_count: null,
  organization: null,
  organization_handle: null,
  published_at: null,
  upvotes: null,
  comment_count: null,
  withdrawn: 0,
  journal_ref: null,
  pdf_url: null,
  code_url: null,
  code_stars: null,
  project_url: null,
  featured_on: null,
  metadata_rank: -1,
  authors: [],
}

/**
 * Merges what a source says about a paper into what the library knows. Unknown (null, empty)
 * values never erase known ones; descriptive text from a less trusted source only fills blanks;
 * counts (upvotes, comments, stars) always take the newest known value.
 */
export function mergeDraft(
  existing: RemoteFields | null,
  draft: PaperDraft,
  rank: number,
): RemoteFields {
  const base = existing ?? EMPTY
  const trusted = rank >= base.metadata_rank
  const describe = <T>(current: T | null, incoming: T | null | undefined): T | null =>
    present(incoming) && (trusted || !present(current)) ? incoming : current
  const latest = <T>(current: T | null, incoming: T | null | undefined): T | null =>
    present(incoming) ? incoming : current

  const draftAuthors = (draft.authors ?? [])
    .map((a) => ({ name: a.name.trim(), affiliation: a.affiliation?.trim() || null }))
    .filter((a) => a.name !== '')
  const takeAuthors = draftAuthors.length > 0 && (trusted || base.authors.length === 0)
  const authors = takeAuthors ? draftAuthors : base.authors
  const title = describe(base.title, cleanText(draft.title))
  const takeOrg = present(draft.organization?.name) && (trusted || !present(base.organization))

  return {
    arxiv_id: base.arxiv_id ?? draft.arxivId ?? null,
    doi: base.doi ?? draft.doi ?? null,
    title,
    title_key: titleKey(title),
    latest_version: maxOrNull(base.latest_version, draft.arxivVersion ?? null),
    abstract: describe(base.abstract, cleanText(draft.abstract)),
    author_count: takeAuthors ? authors.length : describe(base.author_count, draft.authorCount),
    organization: takeOrg ? (draft.organization?.name ?? null) : base.organization,
    organization_handle: takeOrg ? (draft.organization?.handle ?? null) : base.organization_handle,
    published_at: describe(base.published_at, draft.publishedAt),
    upvotes: latest(base.upvotes, draft.upvotes),
    comment_count: latest(base.comment_count, draft.commentCount),
    withdrawn: draft.withdrawn === undefined || !trusted ? base.withdrawn : draft.withdrawn ? 1 : 0,
    journal_ref: describe(base.journal_ref, draft.journalRef),
    pdf_url: describe(base.pdf_url, draft.pdfUrl),
    code_url: describe(base.code_url, draft.codeUrl),
    code_stars: latest(base.code_stars, draft.codeStars),
    project_url: describe(base.project_url, draft.projectUrl),
    featured_on: latest(base.featured_on, draft.featuredOn),
    metadata_rank: Math.max(base.metadata_rank, rank),
    authors,
  }
}

/** True when two remote states hold the same data. */
export function sameRemote(a: RemoteFields, b: RemoteFields): boolean {
  return (
    REMOTE_COLUMNS.every((column) => a[column] === b[column]) &&
    a.authors.length === b.authors.length &&
    a.authors.every(
      (author, i) =>
        author.name === b.authors[i]?.name && author.affiliation === b.authors[i]?.affiliation,
    )
  )
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined && value !== ''
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.max(a, b)
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** Trims and folds runs of whitespace; sources hard-wrap titles and abstracts. */
function cleanText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null
  // Most texts are printable ASCII with single inner spaces: nothing to normalise or fold, and
  // one scan of a simple character class says so faster than NFC and the whitespace tests.
  if (PRINTABLE_ASCII.test(text) && !text.includes('  ')) {
    const edge = text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32
    if (!edge) return text === '' ? null : text
  }
  const normalized = text.normalize('NFC')
  // Most texts have nothing to fold: single spaces only, no line breaks, no edge spaces.
  const folded =
    /[^\S ]/.test(normalized) ||
    normalized.includes('  ') ||
    normalized.startsWith(' ') ||
    normalized.endsWith(' ')
  if (!folded) return normalized === '' ? null : normalized
  const cleaned = normalized
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
  return cleaned === '' ? null : cleaned
}
