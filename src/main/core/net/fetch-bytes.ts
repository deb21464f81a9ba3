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
}

/** A completed response, its body fully read within the limits. */
export type FetchedBody = {
  status: number
  url: string
  headers: Headers
  bytes: Buffer
}

/**
 * GETs a URL and reads the body within the size and time limits. Network failures, timeouts,
 * oversized bodies and cancellation become AppErrors that say which URL and what happened;
 * HTTP error statuses are returned, not thrown, so callers can explain them in context.
 */
export async function fetchBytes(fetchFn: FetchFn, url: string, limits: FetchLimits): Promise<FetchedBody> {
  const timeout = AbortSignal.timeout(limits.timeoutMs)
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout
  try {
    const response = await fetchFn(url, { signal, redirect: 'follow', headers: limits.headers ?? {} })
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel()
      throw tooLarge(url, limits.maxBytes)
    }
    const chunks: Buffer[] = []
    let size = 0
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength
        if (size > limits.maxBytes) {
          await response.body.cancel().catch(() => undefined)
          throw tooLarge(url, limits.maxBytes)
        }
        chunks.push(Buffer.from(chunk))
      }
    }
    return { status: response.status, url: response.url || url, headers: response.headers, bytes: Buffer.concat(chunks) }
  } catch (error) {
    if (error instanceof AppError) throw error
    if (limits.signal?.aborted) throw new AppError('cancelled', `Cancelled: ${url}`)
    if (timeout.aborted) throw new AppError('network', `${url} did not answer within ${Math.round(limits.timeoutMs / 1000)} s.`)
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new AppError('network', `Could not reach ${url} (${reason}).`)
  }
}

function tooLarge(url: string, maxBytes: number): AppError {
  return new AppError('too-large', `${url} sent more than ${Math.round(maxBytes / 1024 / 1024)} MB; stopped reading.`)
}
