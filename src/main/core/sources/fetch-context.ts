import { createHash } from 'node:crypto'
import type { BaseUrls } from '../net/base-urls'
import type { ExpectedContent, HttpClient } from '../net/http-client'
import type { ParseThread } from '../parse/parse-thread'
import type { PaperDraft } from './paper-draft'

/** What a remembered answer lets the next request ask: "only if changed". */
export type PageValidators = {
  etag: string | null
  lastModified: string | null
  /** A hash of the body last applied: a byte-identical answer is not parsed again, even without an ETag. */
  hash: string | null
  count: number
}

/** What a network adapter needs to fetch: the client, the endpoints, limits and the last validators. */
export type FetchContext = {
  http: HttpClient
  baseUrls: BaseUrls
  signal?: AbortSignal | undefined
  timeoutMs: number
  maxBytes: number
  /** The clock (a source that follows up to today asks it which day that is). */
  now: () => Date
  /** The validators stored for a URL by the last sync, if any. */
  validatorsFor(url: string): PageValidators | null
  /** Parses fetched bodies (large ones off the thread that writes the library). */
  parse: ParseThread['run']
}

/** One fetched page (or file) of a source, ready to be applied in its own transaction. */
export type SourcePage = {
  url: string
  drafts: ReadonlyArray<PaperDraft>
  skipped: ReadonlyArray<{ line: number | null; entry: string; reason: string }>
  /** The server said the page is as it was; `drafts` is empty and `validators.count` tells its size. */
  notModified: boolean
  validators: PageValidators
  /** The total the source announced, when it does (arXiv), for progress. */
  total?: number | null
}

/** A page the server or its hash says is as it was: nothing to write, its size from last time. */
export function unchangedPage(url: string, validators: PageValidators): SourcePage {
  return { url, drafts: [], skipped: [], notModified: true, validators }
}

/** A parsed page, its validators counting every entry (drafts and skipped ones alike). */
export function parsedPage(
  url: string,
  validators: (count: number) => PageValidators,
  parsed: Pick<SourcePage, 'drafts' | 'skipped'>,
): SourcePage {
  const { drafts, skipped } = parsed
  return {
    url,
    drafts,
    skipped,
    notModified: false,
    validators: validators(drafts.length + skipped.length),
  }
}

/** Joins a base URL (which may carry a path prefix) and a path with a query. */
export function endpoint(
  base: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.set(key, String(value))
  }
  const text = search.toString()
  return `${base.replace(/\/+$/, '')}${path}${text ? `?${text}` : ''}`
}

/** What a conditional GET found: the page as it was, or a new body to parse. */
export type ConditionalAnswer =
  | { notModified: true; validators: PageValidators }
  | { notModified: false; bytes: Buffer; validators: (count: number) => PageValidators }

/** Changes whenever parsing changes, so an upgraded parser re-reads unchanged pages once. */
const PARSER_GENERATION = 'papershelf-sync-1'

/**
 * GETs a page with the validators of the last sync; a 304, or a body byte-identical to the one
 * last applied, comes back as `notModified` without being parsed.
 */
export async function fetchConditional(
  ctx: FetchContext,
  url: string,
  expect: ExpectedContent,
): Promise<ConditionalAnswer> {
  const previous = ctx.validatorsFor(url)
  const response = await ctx.http.get(url, {
    expect,
    maxBytes: ctx.maxBytes,
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    etag: previous?.etag,
    lastModified: previous?.lastModified,
  })
  if (response.notModified && previous) return { notModified: true, validators: previous }
  const hash = createHash('sha256')
    .update(PARSER_GENERATION)
    .update(response.bytes)
    .digest('base64url')
  const fresh = (count: number): PageValidators => ({
    etag: response.etag,
    lastModified: response.lastModified,
    hash,
    count,
  })
  if (previous?.hash === hash) return { notModified: true, validators: fresh(previous.count) }
  return { notModified: false, bytes: response.bytes, validators: fresh }
}
