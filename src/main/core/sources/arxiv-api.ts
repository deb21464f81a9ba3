import { AppError } from '@shared/api/errors'
import { normaliseDoi, parseArxivId, isArxivDoi } from '@shared/model/ids'
import type { SuggestedTag } from '@shared/model/paper'
import {
  endpoint,
  fetchConditional,
  parsedPage,
  unchangedPage,
  type FetchContext,
  type SourcePage,
} from './fetch-context'
import type { DraftAuthor, PaperDraft } from './paper-draft'
import { ParseError } from './parse-error'
import { childText, childrenNamed, NS, parseXmlTree, type XmlElement } from './xml-tree'

/** An arXiv API query: a `search_query`, or a list of ids, and how many results to take at most. */
export type ArxivQuery = {
  query?: string | undefined
  ids?: ReadonlyArray<string> | undefined
  max?: number | undefined
}

/** One parsed page of the arXiv API. */
export type ArxivFeedPage = {
  totalResults: number | null
  startIndex: number | null
  drafts: PaperDraft[]
  skipped: Array<{ line: number | null; entry: string; reason: string }>
}

/** Results per request: arxiv.py's default page size, well under the API's 2,000. */
export const ARXIV_PAGE_SIZE = 100
/** The API pages through at most 30,000 results of one query. */
const ARXIV_MAX_RESULTS = 30_000

/**
 * Parses an arXiv API Atom response (current or legacy layout, any prefixes) into drafts:
 * versionless ids with their version, TeX kept, whitespace folded, journal DOI apart from
 * arXiv's own, categories as suggested tags (primary first), and a withdrawn latest version
 * pointing at the PDF of the version before it. An error feed becomes a `remote-error`.
 */
export function parseArxivFeed(
  text: string,
  options: { arxivBase?: string; rankOffset?: number } = {},
): ArxivFeedPage {
  const feed = parseXmlTree(text)
  if (feed.ns !== NS.atom || feed.local !== 'feed') {
    throw new ParseError(`expected an Atom <feed>, found <${feed.local}>`)
  }
  const entries = childrenNamed(feed, NS.atom, 'entry')
  const error = entries.find((entry) =>
    (childText(entry, NS.atom, 'id') ?? '').includes('/api/errors'),
  )
  if (error) {
    throw new AppError(
      'remote-error',
      `arXiv refused the query: ${childText(error, NS.atom, 'summary') ?? 'unknown error'}`,
    )
  }
  const page: ArxivFeedPage = {
    totalResults: intOrNull(childText(feed, NS.opensearch, 'totalResults')),
    startIndex: intOrNull(childText(feed, NS.opensearch, 'startIndex')),
    drafts: [],
    skipped: [],
  }
  const arxivBase = (options.arxivBase ?? 'https://arxiv.org').replace(/\/+$/, '')
  entries.forEach((entry, index) => {
    const rank = (options.rankOffset ?? 0) + index + 1
    const result = entryToDraft(entry, rank, arxivBase)
    if (typeof result === 'string') {
      page.skipped.push({
        line: null,
        entry: childText(entry, NS.atom, 'id') ?? `entry ${index + 1}`,
        reason: result,
      })
    } else page.drafts.push(result)
  })
  return page
}

function entryToDraft(entry: XmlElement, rank: number, arxivBase: string): PaperDraft | string {
  const idText = childText(entry, NS.atom, 'id') ?? ''
  const ref = parseArxivId(idText.replace(/^.*arxiv\.org\/abs\//i, ''))
  if (!ref) return `the entry id "${idText.slice(0, 100)}" is not an arXiv abstract address`
  const title = childText(entry, NS.atom, 'title')
  if (title === null) return `arXiv:${ref.id} has no <title>`
  const comment = childText(entry, NS.arxiv, 'comment')
  const withdrawn = comment !== null && /\bwithdrawn\b/i.test(comment)
  const links = childrenNamed(entry, NS.atom, 'link')
  const doiLink = links.find((link) => link.attrs['title'] === 'doi')?.attrs['href']
  const doi = [childText(entry, NS.arxiv, 'doi'), doiLink]
    .flatMap((value) => (value ? value.split(/\s+/) : []))
    .map((value) => normaliseDoi(value))
    .find((value): value is string => value !== null && !isArxivDoi(value))
  const authors: DraftAuthor[] = childrenNamed(entry, NS.atom, 'author').flatMap((author) => {
    const name = collapse(childText(author, NS.atom, 'name') ?? '')
    const affiliations = childrenNamed(author, NS.arxiv, 'affiliation')
      .map((a) => collapse(a.text))
      .filter(Boolean)
    return name
      ? [{ name, affiliation: affiliations.length > 0 ? affiliations.join('; ') : null }]
      : []
  })
  const primary = childrenNamed(entry, NS.arxiv, 'primary_category')[0]?.attrs['term']
  const terms = [
    primary,
    ...childrenNamed(entry, NS.atom, 'category').map((c) => c.attrs['term']),
  ].filter((term): term is string => typeof term === 'string' && term.trim() !== '')
  const suggestedTags: SuggestedTag[] = [...new Set(terms.map((t) => t.trim()))].map((label) => ({
    label,
    origin: 'arxiv-category',
  }))
  const version = ref.version
  return {
    arxivId: ref.id,
    arxivVersion: version,
    doi: doi ?? null,
    title: collapse(title),
    abstract: childText(entry, NS.atom, 'summary'),
    authors,
    authorCount: authors.length > 0 ? authors.length : null,
    publishedAt: dateOnly(childText(entry, NS.atom, 'published')),
    withdrawn,
    journalRef: childText(entry, NS.arxiv, 'journal_ref'),
    // A withdrawn version has no PDF; the one before it still does.
    pdfUrl:
      withdrawn && version !== null && version > 1
        ? `${arxivBase}/pdf/${ref.id}v${version - 1}`
        : null,
    suggestedTags,
    provenance: { line: null, rank, section: null, raw: null },
  }
}

/** Fetches an arXiv query page by page (`start`/`max_results`), or an id list in chunks, politely. */
export async function* arxivPages(
  ctx: FetchContext,
  query: ArxivQuery,
): AsyncGenerator<SourcePage> {
  const max = Math.min(query.max ?? ARXIV_PAGE_SIZE, ARXIV_MAX_RESULTS)
  if (query.ids && query.ids.length > 0) {
    for (let start = 0; start < query.ids.length; start += ARXIV_PAGE_SIZE) {
      const chunk = query.ids.slice(start, start + ARXIV_PAGE_SIZE)
      const url = endpoint(ctx.baseUrls.arxivApi, '/api/query', {
        search_query: query.query ?? '',
        id_list: chunk.join(','),
        start: 0,
        max_results: chunk.length,
      })
      yield await fetchArxivPage(ctx, url, start)
    }
    return
  }
  if (!query.query) {
    throw new AppError('invalid-input', 'An arXiv source needs a search query or a list of ids.')
  }
  // The offset advances by what actually came back: arXiv may send fewer results than asked for.
  let start = 0
  while (start < max) {
    const size = Math.min(ARXIV_PAGE_SIZE, max - start)
    const url = endpoint(ctx.baseUrls.arxivApi, '/api/query', {
      search_query: query.query,
      start,
      max_results: size,
    })
    const page = await fetchArxivPage(ctx, url, start)
    yield page
    const count = page.notModified
      ? page.validators.count
      : page.drafts.length + page.skipped.length
    start += count
    if (count === 0 || (page.total !== null && page.total !== undefined && start >= page.total)) {
      return
    }
  }
}

async function fetchArxivPage(
  ctx: FetchContext,
  url: string,
  rankOffset: number,
): Promise<SourcePage> {
  const answer = await fetchConditional(ctx, url, 'xml')
  if (answer.notModified) return { ...unchangedPage(url, answer.validators), total: null }
  const page = await ctx.parse(
    'arxiv-feed',
    { body: answer.bytes, url, arxivBase: ctx.baseUrls.arxiv, rankOffset },
    url,
  )
  return { ...parsedPage(url, answer.validators, page), total: page.totalResults }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function dateOnly(value: string | null): string | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null
  return match?.[1] ?? null
}

function intOrNull(value: string | null): number | null {
  const number = value === null ? NaN : Number(value)
  return Number.isInteger(number) ? number : null
}
