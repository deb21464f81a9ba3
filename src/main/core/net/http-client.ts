import { AppError } from '@shared/api/errors'
import { fetchBytes, type FetchedBody, type FetchFn } from './fetch-bytes'

/** What a caller expects a response body to be; the client refuses anything else. */
export type ExpectedContent = 'json' | 'xml' | 'text'

/** One GET through the client. */
export type HttpRequest = {
  expect: ExpectedContent
  maxBytes: number
  timeoutMs: number
  signal?: AbortSignal | undefined
  /** Validators from the last answer; a 304 then comes back as `notModified`. */
  etag?: string | null | undefined
  lastModified?: string | null | undefined
  headers?: Record<string, string> | undefined
}

/** A successful answer: the body, or `notModified` when the validators still hold. */
export type HttpResponse = FetchedBody & {
  notModified: boolean
  etag: string | null
  lastModified: string | null
  /** How many attempts it took (1 when the first one succeeded). */
  attempts: number
}

/** How the client behaves; defaults are polite to real servers, tests shrink the delays. */
export type HttpClientOptions = {
  fetch: FetchFn
  /** Minimum spacing between requests to a host (`host:port` or `host`), in ms; one at a time per host. */
  hostDelays?: ReadonlyMap<string, number>
  /** Retries after the first attempt on network errors, 429 and 5xx. */
  retries?: number
  /** First backoff step; doubled per retry, with jitter. */
  backoffBaseMs?: number
  /** The longest the client waits before a retry, Retry-After included; longer asks fail. */
  maxWaitMs?: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
}

/** GETs remote documents safely: retries, politeness, content checks, conditional requests. */
export type HttpClient = { get(url: string, request: HttpRequest): Promise<HttpResponse> }

/** Statuses worth asking again (after a pause): overload, rate limits, server hiccups. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])
const CONTENT_TYPES: Record<ExpectedContent, RegExp> = {
  json: /\bjson\b/i,
  xml: /\bxml\b/i,
  text: /^text\/(?!html)|markdown|\bjson\b|\bxml\b/i,
}

/** Creates a client; one per core, so politeness holds across every sync. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const retries = options.retries ?? 3
  const backoffBaseMs = options.backoffBaseMs ?? 1000
  const maxWaitMs = options.maxWaitMs ?? 120_000
  const sleep = options.sleep ?? abortableSleep
  const random = options.random ?? Math.random
  const lanes = new Map<string, { last: number; queue: Promise<void> }>()

  /** Runs `task` when the host's previous request is done and its spacing has passed. */
  const polite = async <T>(
    url: string,
    signal: AbortSignal | undefined,
    task: () => Promise<T>,
  ): Promise<T> => {
    const { host } = new URL(url)
    const delay =
      options.hostDelays?.get(host) ?? options.hostDelays?.get(host.replace(/:\d+$/, '')) ?? 0
    if (delay <= 0) return task()
    const lane = lanes.get(host) ?? { last: 0, queue: Promise.resolve() }
    lanes.set(host, lane)
    const run = lane.queue.then(async () => {
      const wait = lane.last + delay - Date.now()
      if (wait > 0) await sleep(wait, signal)
      try {
        return await task()
      } finally {
        lane.last = Date.now()
      }
    })
    lane.queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  return {
    async get(url, request) {
      const headers: Record<string, string> = {
        accept: acceptHeader(request.expect),
        ...request.headers,
      }
      if (request.etag) headers['if-none-match'] = request.etag
      if (request.lastModified) headers['if-modified-since'] = request.lastModified
      for (let attempt = 1; ; attempt += 1) {
        let failure: AppError
        let waitMs: number | null = null
        try {
          const response = await polite(url, request.signal, () =>
            fetchBytes(options.fetch, url, {
              maxBytes: request.maxBytes,
              timeoutMs: request.timeoutMs,
              signal: request.signal,
              headers,
            }),
          )
          if (response.status === 304) return answer(response, true, attempt)
          if (response.status >= 200 && response.status < 300) {
            checkContent(response, request.expect)
            return answer(response, false, attempt)
          }
          failure = httpError(response)
          if (!RETRYABLE_STATUSES.has(response.status)) throw failure
          waitMs = retryAfterMs(response.headers.get('retry-after'))
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'network') throw error
          failure = error
        }
        if (attempt > retries) {
          throw new AppError(
            failure.code,
            `${failure.message.replace(/\.$/, '')} (gave up after ${attempt} attempts).`,
          )
        }
        const wait = retryWaitMs(attempt, backoffBaseMs, waitMs, random)
        if (wait > maxWaitMs) {
          throw new AppError(
            failure.code,
            `${failure.message.replace(/\.$/, '')} (the server asks to wait ${Math.ceil(wait / 1000)} s; not waiting that long).`,
          )
        }
        await sleep(wait, request.signal)
      }
    },
  }
}

function answer(response: FetchedBody, notModified: boolean, attempts: number): HttpResponse {
  return {
    ...response,
    notModified,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    attempts,
  }
}

function acceptHeader(expect: ExpectedContent): string {
  if (expect === 'json') return 'application/json'
  if (expect === 'xml') {
    return 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8'
  }
  return 'text/plain, text/markdown, */*;q=0.5'
}

/** Refuses a body that is not what was asked for: an HTML error page sent with status 200, say. */
function checkContent(response: FetchedBody, expect: ExpectedContent): void {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? ''
  const head = response.bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase()
  const looksHtml = head.startsWith('<!doctype html') || head.startsWith('<html')
  if (/html/i.test(type) || looksHtml) {
    throw new AppError(
      'remote-error',
      `${response.url} sent an HTML page instead of ${describe(expect)} (is the address right, or is the site down?).`,
    )
  }
  if (type !== '' && !CONTENT_TYPES[expect].test(type)) {
    throw new AppError(
      'remote-error',
      `${response.url} sent ${type} instead of ${describe(expect)}.`,
    )
  }
}

function describe(expect: ExpectedContent): string {
  return expect === 'json' ? 'JSON' : expect === 'xml' ? 'an XML feed' : 'a text file'
}

function httpError(response: FetchedBody): AppError {
  const detail = errorDetail(response)
  const what = response.status === 429 ? 'too many requests' : `HTTP ${response.status}`
  return new AppError(
    response.status === 404 ? 'not-found' : 'remote-error',
    `${response.url} answered ${what}${detail ? `: ${detail}` : ''}`,
  )
}

/** A short reason from an error body: HF's `{"error": ...}`, else the first line of text. */
function errorDetail(response: FetchedBody): string {
  const text = response.bytes.subarray(0, 4096).toString('utf8').trim()
  if (text === '') return ''
  try {
    const parsed = JSON.parse(text) as { error?: unknown }
    if (typeof parsed.error === 'string') return parsed.error.slice(0, 200)
  } catch {
    // not JSON: fall through to the text
  }
  if (/^\s*</.test(text)) {
    const summary = /<summary>([^<]{1,200})<\/summary>/i.exec(text)?.[1]
    return summary?.trim() ?? ''
  }
  return text.split('\n')[0]?.slice(0, 200) ?? ''
}

/** The pause before retry `attempt`: exponential backoff with jitter, or longer when the server asks. */
export function retryWaitMs(
  attempt: number,
  backoffBaseMs: number,
  retryAfter: number | null,
  random = Math.random,
): number {
  return Math.max(retryAfter ?? 0, backoffBaseMs * 2 ** (attempt - 1) * (0.5 + random()))
}

/** `Retry-After` as milliseconds: seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null
  const secondsValue = Number(value)
  if (Number.isFinite(secondsValue)) return Math.max(0, secondsValue * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError('cancelled', 'Cancelled.'))
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new AppError('cancelled', 'Cancelled.'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
