import { AppError } from '@shared/api/errors'
import { extractPage } from '@shared/pages/extract-page'
import type { PageFindings } from '@shared/pages/page-paper'
import type { BaseUrls } from '../net/base-urls'
import { fetchBytes, type FetchFn } from '../net/fetch-bytes'
import { snapshotFromHtml } from '../sources/html-snapshot'

/** A page is read whole up to this size (an arXiv listing is a few hundred KB). */
const MAX_PAGE_BYTES = 8 * 1024 * 1024
const PAGE_TIMEOUT_MS = 30_000

/** The real sites whose addresses follow the configured base URLs (mirrors, tests). */
const SITE_BASES: ReadonlyArray<{ host: RegExp; base: keyof BaseUrls }> = [
  { host: /^(?:www\.|export\.)?arxiv\.org$/i, base: 'arxiv' },
  { host: /^(?:www\.)?(?:huggingface\.co|hf\.co)$/i, base: 'huggingFace' },
]

/** Where to fetch a page from: an arXiv or Hugging Face address goes to the configured site. */
export function fetchAddress(url: string, baseUrls: BaseUrls): string {
  const parsed = new URL(url)
  const site = SITE_BASES.find(({ host }) => host.test(parsed.hostname))
  if (!site) return url
  return `${baseUrls[site.base]}${parsed.pathname}${parsed.search}`
}

/** True when the address is a PDF, whose paper only the address can name. */
function isPdfAddress(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname) || /^\/pdf\//.test(url.pathname)
}

/**
 * Reads the papers of a page by its address (`papershelf add <url>`, `papershelf://add`): the same
 * extraction the extension runs on the live page, over the fetched HTML. The page keeps its own
 * address, so identities and links are the site's, wherever it was fetched from.
 */
export async function findPapersAt(
  url: string,
  deps: { fetch: FetchFn; baseUrls: BaseUrls },
): Promise<PageFindings> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('invalid-input', `${url} is not a web address.`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError('invalid-input', `${url} is not an http(s) address.`)
  }
  const empty = { url: parsed.href, title: '', meta: [], links: [] }
  if (isPdfAddress(parsed)) return extractPage(empty)
  const from = fetchAddress(parsed.href, deps.baseUrls)
  const page = await fetchBytes(deps.fetch, from, {
    maxBytes: MAX_PAGE_BYTES,
    timeoutMs: PAGE_TIMEOUT_MS,
  })
  if (page.status >= 400) {
    throw new AppError('remote-error', `${from} answered HTTP ${page.status}.`)
  }
  const type = page.headers.get('content-type') ?? ''
  if (/application\/pdf/i.test(type)) return extractPage(empty)
  return extractPage(snapshotFromHtml(page.bytes.toString('utf8'), parsed.href))
}
