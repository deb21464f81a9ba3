import { AppError } from '@shared/api/errors'

/** The fetch the core uses; injected so tests and the app can wrap it. */
export type FetchFn = typeof fetch

/** Bounds on one request: every remote read has a size cap and a deadline. */
export type FetchLimits = {
  maxBytes: number
  timeoutMs: number
  /** Cancels the request (the user pressed Cancel). */
  signal?: AbortSignal | undefined
  headers?: Record<string, string> | undefined
  /** Redirects followed before giving up (default 5); each must stay on http(s). */
  maxRedirects?: number | undefined
}

/** A completed response, its body fully read within the limits. */
export type FetchedBody = {
  status: number
  url: string
  headers: Headers
  bytes: Buffer
}

/** How Papershelf introduces itself to servers. */
export const USER_AGENT = 'Papershelf/0.1.0 (+https://github.com/papershelf)'

const DEFAULT_MAX_REDIRECTS = 5
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * GETs a URL and reads the body within the size and time limits. Redirects are followed by hand,
 * at most `maxRedirects`, and only to http(s). Network failures, timeouts, oversized bodies (the
 * cap counts decoded bytes, so a gzip bomb stops too) and cancellation become AppErrors that say
 * which URL and what happened; HTTP error statuses are returned, not thrown, so callers can
 * explain them in context.
 */
export async function fetchBytes(
  fetchFn: FetchFn,
  url: string,
  limits: FetchLimits,
): Promise<FetchedBody> {
  const timeout = AbortSignal.timeout(limits.timeoutMs)
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const headers = { 'user-agent': USER_AGENT, ...(limits.headers ?? {}) }
  let current = url
  try {
    for (let hops = 0; ; hops += 1) {
      const response = await fetchFn(current, { signal, redirect: 'manual', headers })
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined)
        current = redirectTarget(url, current, response.headers.get('location'), hops, maxRedirects)
        continue
      }
      const bytes = await readBody(response, current, limits.maxBytes)
      return { status: response.status, url: current, headers: response.headers, bytes }
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    if (limits.signal?.aborted) throw new AppError('cancelled', `Cancelled: ${url}`)
    if (timeout.aborted) {
      throw new AppError('network', `${url} did not answer within ${seconds(limits.timeoutMs)}.`)
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new AppError('network', `Could not reach ${current} (${reason}).`)
  }
}

function redirectTarget(
  original: string,
  from: string,
  location: string | null,
  hops: number,
  maxRedirects: number,
): string {
  if (!location) throw new AppError('remote-error', `${from} redirected without saying where to.`)
  if (hops >= maxRedirects) {
    throw new AppError(
      'remote-error',
      `${original} redirected more than ${maxRedirects} times; stopped.`,
    )
  }
  let target: URL
  try {
    target = new URL(location, from)
  } catch {
    throw new AppError(
      'remote-error',
      `${from} redirected to an invalid address (${location.slice(0, 200)}).`,
    )
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new AppError(
      'remote-error',
      `${from} redirected to ${target.protocol} (${location.slice(0, 200)}); only http and https are followed.`,
    )
  }
  return target.href
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  // A declared length counts encoded bytes; it can only prove a body too large when not compressed.
  if (
    !response.headers.get('content-encoding') &&
    Number.isFinite(declared) &&
    declared > maxBytes
  ) {
    await response.body?.cancel().catch(() => undefined)
    throw tooLarge(url, maxBytes)
  }
  const chunks: Buffer[] = []
  let size = 0
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength
      if (size > maxBytes) {
        await response.body.cancel().catch(() => undefined)
        throw tooLarge(url, maxBytes)
      }
      chunks.push(Buffer.from(chunk))
    }
  }
  return Buffer.concat(chunks)
}

function tooLarge(url: string, maxBytes: number): AppError {
  return new AppError(
    'too-large',
    `${url} sent more than ${formatBytes(maxBytes)}; stopped reading.`,
  )
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}
