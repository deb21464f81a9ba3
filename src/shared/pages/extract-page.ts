import {
  arxivIdFromDoi,
  arxivIdFromUrl,
  normaliseDoi,
  parseArxivId,
  type ArxivRef,
} from '../model/ids'
import {
  absoluteHttpUrl,
  metaDate,
  metaDoi,
  metaReader,
  personName,
  type MetaReader,
} from './page-meta'
import type { PageFindings, PagePaper } from './page-paper'
import type { PageSnapshot } from './page-snapshot'

/**
 * Finds the papers a page shows: an arXiv abstract or PDF page, a Hugging Face paper or daily
 * page, an OpenReview forum, an ACL Anthology page, or any page with citation meta tags or a DOI.
 * The one place site-specific reading lives; the extension and the app both run it.
 */
export function extractPage(snapshot: PageSnapshot): PageFindings {
  const meta = metaReader(snapshot)
  // A page names its own address (og:url): a saved copy or a mirror is read as the page it is.
  const address = canonicalAddress(meta, snapshot.url)
  const url = safeUrl(address)
  if (!url) return none('unknown')
  const host = url.hostname.replace(/^www\./, '')

  if (host === 'huggingface.co' || host === 'hf.co') {
    const own = arxivIdFromUrl(address)
    if (own) return single('hf-paper', hfPaper(snapshot, meta, own))
    const listed = hfListedPapers(snapshot)
    if (listed.length > 0) return { site: 'hf-list', kind: 'list', papers: listed }
  }
  if (host.endsWith('arxiv.org')) {
    const ref = parseArxivId(meta.first('citation_arxiv_id') ?? '') ?? arxivIdFromUrl(address)
    if (ref) return single('arxiv', { ...citationPaper(snapshot, meta), ...arxivIdentity(ref) })
  }
  const site =
    host === 'openreview.net' ? 'openreview' : host === 'aclanthology.org' ? 'acl' : 'citation-meta'
  if (meta.first('citation_title') !== null) {
    return single(site, citationPaper(snapshot, meta))
  }
  const doi = metaDoi(meta) ?? normaliseDoi(snapshot.url)
  if (doi) return single('doi', withDoi(emptyPaper(snapshot.url, pageTitle(snapshot, meta)), doi))
  return none(site)
}

function none(site: string): PageFindings {
  return { site, kind: 'none', papers: [] }
}

function single(site: string, paper: PagePaper): PageFindings {
  return { site, kind: 'single', papers: [paper] }
}

function emptyPaper(pageUrl: string, title: string | null): PagePaper {
  return {
    arxivId: null,
    arxivVersion: null,
    doi: null,
    title,
    abstract: null,
    authors: [],
    publishedAt: null,
    pdfUrl: null,
    pageUrl,
    venue: null,
  }
}

function arxivIdentity(ref: ArxivRef): Pick<PagePaper, 'arxivId' | 'arxivVersion'> {
  return { arxivId: ref.id, arxivVersion: ref.version }
}

/** An arXiv DOI names an arXiv paper; any other is the published work's. */
function withDoi(paper: PagePaper, doi: string): PagePaper {
  const arxiv = arxivIdFromDoi(doi)
  if (arxiv) return { ...paper, ...arxivIdentity(arxiv) }
  return { ...paper, doi }
}

/** A page described by Highwire-style `citation_*` tags (arXiv, OpenReview, ACL Anthology, publishers). */
function citationPaper(snapshot: PageSnapshot, meta: MetaReader): PagePaper {
  const paper: PagePaper = {
    ...emptyPaper(snapshot.url, meta.first('citation_title') ?? pageTitle(snapshot, meta)),
    abstract: meta.first('citation_abstract', 'dc.description', 'description', 'og:description'),
    authors: meta.all('citation_author').map(personName),
    publishedAt: metaDate(
      meta.first('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date'),
    ),
    pdfUrl: absoluteHttpUrl(meta.first('citation_pdf_url'), snapshot.url),
    venue: meta.first('citation_journal_title', 'citation_conference_title', 'citation_conference'),
  }
  const arxiv = parseArxivId(meta.first('citation_arxiv_id') ?? '')
  const withArxiv = arxiv ? { ...paper, ...arxivIdentity(arxiv) } : paper
  const doi = metaDoi(meta)
  return doi ? withDoi(withArxiv, doi) : withArxiv
}

/** A Hugging Face paper page: the arXiv id is in its address; title and abstract in its meta tags. */
function hfPaper(snapshot: PageSnapshot, meta: MetaReader, ref: ArxivRef): PagePaper {
  const title = (meta.first('og:title', 'twitter:title') ?? snapshot.title)
    .replace(/^Paper page\s*-\s*/i, '')
    .trim()
  return {
    ...emptyPaper(snapshot.url, title === '' ? null : title),
    ...arxivIdentity(ref),
    abstract: meta.first('og:description', 'description', 'twitter:description'),
    authors: meta.all('citation_author').map(personName),
    publishedAt: metaDate(meta.first('citation_publication_date', 'citation_date')),
  }
}

/**
 * The papers a Hugging Face listing (daily, weekly, search) links to: every `/papers/<arXiv id>`
 * link, once, titled by its longest link text (cards link the thumbnail too, with no text).
 */
function hfListedPapers(snapshot: PageSnapshot): PagePaper[] {
  const found = new Map<string, { ref: ArxivRef; title: string; href: string }>()
  const ownOrigin = safeUrl(snapshot.url)?.origin
  for (const link of snapshot.links) {
    const target = safeUrl(absoluteHttpUrl(link.href, snapshot.url) ?? '')
    // Paper links point at Hugging Face, or at the copy's own site (relative links of a saved page).
    if (!target || !/^\/papers\/[^/]+\/?$/.test(target.pathname)) continue
    if (
      target.origin !== ownOrigin &&
      !/^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)$/i.test(target.origin)
    ) {
      continue
    }
    const href = `https://huggingface.co${target.pathname}`
    const ref = arxivIdFromUrl(href)
    if (!ref) continue
    const title = link.text.replace(/\s+/g, ' ').trim()
    const known = found.get(ref.id)
    if (!known) found.set(ref.id, { ref, title, href })
    else if (title.length > known.title.length) known.title = title
  }
  return [...found.values()].map(({ ref, title, href }) => ({
    ...emptyPaper(href, title === '' ? null : title),
    arxivId: ref.id,
  }))
}

/** The address a page gives itself (`og:url`), when it is an absolute http(s) one; else where it was read. */
function canonicalAddress(meta: MetaReader, url: string): string {
  const own = absoluteHttpUrl(meta.first('og:url'), url)
  return own && /^https?:\/\//i.test(meta.first('og:url') ?? '') ? own : url
}

function pageTitle(snapshot: PageSnapshot, meta: MetaReader): string | null {
  const title = meta.first('dc.title', 'og:title') ?? snapshot.title.replace(/\s+/g, ' ').trim()
  return title === '' ? null : title
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}
