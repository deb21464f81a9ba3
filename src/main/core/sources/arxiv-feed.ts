import { AppError } from '@shared/api/errors'
import { normaliseDoi, parseArxivId, isArxivDoi } from '@shared/model/ids'
import type { SuggestedTag } from '@shared/model/paper'
import type { DraftAuthor, PaperDraft } from './paper-draft'
import { ParseError } from './parse-error'
import { childText, childrenNamed, NS, parseXmlTree, type XmlElement } from './xml-tree'

/** One parsed page of the arXiv API. */
export type ArxivFeedPage = {
  totalResults: number | null
  startIndex: number | null
  drafts: PaperDraft[]
  skipped: Array<{ line: number | null; entry: string; reason: string }>
}

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
