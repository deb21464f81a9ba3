import { AppError } from '@shared/api/errors'
import { arxivIdFromUrl, normaliseDoi, parseArxivId, type ArxivRef } from '@shared/model/ids'
import type { SuggestedTag } from '@shared/model/paper'
import { splitCreatorList } from './feed-authors'
import { assertMaxChars } from './input-limits'
import { latexToText } from './latex-text'
import { htmlToPlain } from './markup-text'
import type { DraftAuthor, PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { readDoi } from './reference-ids'
import { assertTextInput, splitLines } from './text-input'
import { NS, parseXmlTree, type XmlElement } from './xml-tree'

/** The largest feed read: arXiv's biggest listing (2,000 entries) is a few MB. */
export const MAX_FEED_CHARS = 16 * 1024 * 1024

const DC = 'http://purl.org/dc/elements/1.1/'
const RSS1 = 'http://purl.org/rss/1.0/'
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
const OAI_ID = /^oai:arxiv\.org:(.+)$/i
const ANNOUNCE = /^arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*(?:Abstract:\s*)?/i
// Announcement dates of new submissions are their publication day; a replacement's is not.
const DATED_ANNOUNCEMENTS = new Set(['new', 'cross'])
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

type FeedItem = {
  title: string | null
  links: string[]
  guid: string | null
  description: string | null
  descriptionIsHtml: boolean
  categories: string[]
  date: string | null
  creators: string[]
  authorNames: string[]
  announceType: string | null
  journalRef: string | null
  doi: string | null
}

/**
 * Parses an RSS 2.0, RSS 1.0 or Atom feed, arXiv's listing feeds first: versionless arXiv ids
 * with their version, the announce type, authors split from arXiv's one comma string (with
 * affiliations), categories as suggested tags, TeX accents in names as Unicode. An empty feed
 * (arXiv on a weekend) is an empty list. Other feeds' items become papers by their arXiv, Hugging
 * Face or DOI link, or by title. Entity declarations are refused, so no entity can expand.
 */
export function parseFeed(text: string, _options: { sourceUrl: string }): ParsedList {
  assertMaxChars(text, MAX_FEED_CHARS, 'a feed')
  assertTextInput(text)
  const entity = /<!ENTITY/i.exec(text)
  if (entity) {
    throw new ParseError(
      'the feed declares XML entities (<!ENTITY>), which feeds never need and which can expand without bound',
      splitLines(text.slice(0, entity.index)).length,
    )
  }
  const root = readXml(text.replace(/^\uFEFF/, ''))
  const { channel, items } = feedParts(root)
  const channelTitle = channel ? ownText(channel, 'title') : null
  if (channelTitle?.startsWith('Feed error for query')) {
    const message = (channel && ownText(channel, 'description')) ?? channelTitle
    // Callers name the source (file or URL) when they report the error, as for every parser.
    throw new AppError('remote-error', `arXiv refused the feed query: ${message}`)
  }
  const lines = itemLines(text, items.length)
  const drafts: PaperDraft[] = []
  const skipped: Array<{ line: number | null; entry: string; reason: string }> = []
  items.forEach((element, index) => {
    const item = readItem(element)
    const line = lines[index] ?? null
    const draft = toDraft(item, {
      line,
      rank: index + 1,
      section: null,
      raw: JSON.stringify(rawOf(item)),
    })
    if (draft) drafts.push(draft)
    else {
      skipped.push({
        line,
        entry: item.title ?? item.guid ?? `item ${index + 1}`,
        reason: 'no title and no link to a paper',
      })
    }
  })
  return { drafts, skipped }
}

function readXml(text: string): XmlElement {
  try {
    return parseXmlTree(text)
  } catch (error) {
    if (error instanceof AppError) throw error
    // The XML library's own limits (nesting depth) end here; they mean a hostile or broken file.
    throw new ParseError(
      `this XML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

function feedParts(root: XmlElement): { channel: XmlElement | null; items: XmlElement[] } {
  if (root.ns === NS.atom && root.local === 'feed') {
    return {
      channel: root,
      items: root.children.filter((c) => c.ns === NS.atom && c.local === 'entry'),
    }
  }
  if (root.local === 'rss') {
    const channel = root.children.find((c) => c.local === 'channel') ?? null
    return { channel, items: channel?.children.filter((c) => c.local === 'item') ?? [] }
  }
  if (root.ns === RDF && root.local === 'RDF') {
    const channel = root.children.find((c) => c.ns === RSS1 && c.local === 'channel') ?? null
    return { channel, items: root.children.filter((c) => c.ns === RSS1 && c.local === 'item') }
  }
  throw new ParseError(
    `this is XML but not a feed: its root element is <${root.local}>, not <rss> or an Atom <feed>`,
  )
}

function readItem(item: XmlElement): FeedItem {
  const atom = item.ns === NS.atom
  const summary =
    child(item, atom ? 'summary' : 'description') ?? child(item, atom ? 'content' : 'encoded')
  const summaryType = summary?.attrs.type ?? ''
  return {
    title: textOf(child(item, 'title')),
    links: item.children
      .filter((c) => c.local === 'link' || c.local === 'enclosure')
      .map((c) => (c.attrs.href ?? c.attrs.url ?? c.text).trim())
      .filter((link) => link !== ''),
    guid: ownText(item, atom ? 'id' : 'guid'),
    description: summary ? summary.text : null,
    descriptionIsHtml: atom ? /html/.test(summaryType) : true,
    categories: item.children
      .filter((c) => c.local === 'category' || (c.ns === DC && c.local === 'subject'))
      .map((c) => (c.attrs.term ?? c.text).trim())
      .filter((label) => label !== ''),
    date: ownText(item, atom ? 'published' : 'pubDate') ?? ownText(item, atom ? 'updated' : 'date'),
    creators: item.children
      .filter((c) => c.ns === DC && c.local === 'creator')
      .map((c) => c.text.trim()),
    authorNames: item.children
      .filter((c) => c.local === 'author')
      .map((c) => (c.children.find((n) => n.local === 'name')?.text ?? c.text).trim())
      .filter((name) => name !== ''),
    announceType: nsText(item, NS.arxiv, 'announce_type'),
    journalRef:
      nsText(item, NS.arxiv, 'journal_reference') ?? nsText(item, NS.arxiv, 'journal_ref'),
    doi: nsText(item, NS.arxiv, 'DOI') ?? nsText(item, NS.arxiv, 'doi') ?? identifierDoi(item),
  }
}

function toDraft(item: FeedItem, provenance: PaperDraft['provenance']): PaperDraft | null {
  const announced = item.description ? ANNOUNCE.exec(item.description.trim()) : null
  const oai = item.guid ? OAI_ID.exec(item.guid) : null
  const arxiv = arxivRef(item, oai?.[1] ?? null, announced?.[1] ?? null)
  const isArxivListing = oai !== null || item.announceType !== null || announced !== null
  const announceType = item.announceType ?? announced?.[2] ?? null
  const linkDoi = item.links
    .map((link) => readDoi(link))
    .find((read) => read.doi !== null || read.arxiv !== null)
  const doi = normaliseDoi(item.doi?.split(/\s+/)[0] ?? '') ?? linkDoi?.doi ?? null
  const ref = arxiv ?? linkDoi?.arxiv ?? null
  const title =
    item.title && !isArxivListing && looksLikeHtml(item.title)
      ? htmlToPlain(item.title)
      : item.title
  if (!ref && !doi && !title?.trim()) return null
  const abstract = abstractOf(item, announced, isArxivListing)
  const day = dayOf(item.date)
  const categories = isArxivListing
    ? item.categories.filter((c) => !c.includes(' '))
    : item.categories
  const origin: SuggestedTag['origin'] = isArxivListing ? 'arxiv-category' : 'keyword'
  return {
    arxivId: ref?.id ?? null,
    arxivVersion: ref?.version ?? null,
    doi,
    title,
    abstract,
    authors: authorsOf(item, isArxivListing),
    publishedAt: isArxivListing ? (DATED_ANNOUNCEMENTS.has(announceType ?? '') ? day : null) : day,
    journalRef: item.journalRef ? latexToText(item.journalRef) : null,
    suggestedTags: [...new Set(categories)].map((label) => ({ label, origin })),
    provenance,
  }
}

function arxivRef(
  item: FeedItem,
  oaiId: string | null,
  announcedId: string | null,
): ArxivRef | null {
  for (const id of [oaiId, announcedId]) {
    const ref = id ? parseArxivId(id) : null
    if (ref) return ref
  }
  for (const link of [...item.links, item.guid ?? '']) {
    const ref = arxivIdFromUrl(link)
    if (ref) return ref
  }
  return null
}

function abstractOf(
  item: FeedItem,
  announced: RegExpExecArray | null,
  isArxivListing: boolean,
): string | null {
  if (!item.description) return null
  if (isArxivListing) {
    const body = announced ? item.description.trim().slice(announced[0].length) : item.description
    return body.trim() || null
  }
  const plain =
    item.descriptionIsHtml && looksLikeHtml(item.description)
      ? htmlToPlain(item.description)
      : item.description
  return plain.trim() || null
}

function authorsOf(item: FeedItem, isArxivListing: boolean): DraftAuthor[] {
  if (isArxivListing) return item.creators.flatMap(splitCreatorList)
  const names = item.creators.length > 0 ? item.creators : item.authorNames
  return names
    .filter((name) => name !== '')
    .map((name) => ({ name: latexToText(name), affiliation: null }))
}

/** `Fri, 23 Aug 2024 00:00:00 -0400` or `2024-08-23T00:00:00-04:00` → the day as written there. */
function dayOf(date: string | null): string | null {
  if (!date) return null
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim())
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})/i.exec(date)
  const month = rfc ? MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) + 1 : 0
  if (!rfc || month === 0) return null
  return `${rfc[3]}-${String(month).padStart(2, '0')}-${(rfc[1] ?? '').padStart(2, '0')}`
}

function identifierDoi(item: XmlElement): string | null {
  for (const c of item.children) {
    if (c.local === 'doi' || c.local === 'identifier') {
      const read = readDoi(c.text)
      if (read.doi) return read.doi
    }
  }
  return null
}

/** The 1-based line of each item's start tag, when the scan agrees with the parsed item count. */
function itemLines(text: string, count: number): Array<number | null> {
  const starts = [...text.matchAll(/<(?:[\w.-]+:)?(?:item|entry)[\s>/]/g)].map((m) => m.index)
  if (starts.length !== count) return []
  let line = 1
  let at = 0
  return starts.map((index) => {
    for (; at < index; at++) if (text.charCodeAt(at) === 10) line++
    return line
  })
}

function rawOf(item: FeedItem): Record<string, unknown> {
  const description =
    item.description && item.description.length > 2000
      ? `${item.description.slice(0, 2000)}…`
      : item.description
  return { ...item, description }
}

function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s>/]|&[a-z]+;|&#\d+;/i.test(text)
}

function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find(
    (c) =>
      c.local === local &&
      (c.ns === element.ns ||
        c.ns === '' ||
        c.ns === NS.atom ||
        c.ns === RSS1 ||
        c.ns === 'http://purl.org/rss/1.0/modules/content/'),
  )
}

function ownText(element: XmlElement, local: string): string | null {
  const text = child(element, local)?.text.trim()
  return text ? text : null
}

function nsText(element: XmlElement, ns: string, local: string): string | null {
  const text = element.children.find((c) => c.ns === ns && c.local === local)?.text.trim()
  return text ? text : null
}

function textOf(element: XmlElement | undefined): string | null {
  const text = element?.text.trim()
  return text ? text : null
}
