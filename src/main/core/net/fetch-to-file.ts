import { createWriteStream } from 'node:fs'
import { AppError } from '@shared/api/errors'
import type { FetchFn } from './fetch-bytes'

/** Bounds and hooks of one streamed download. */
export type FetchToFileOptions = {
  maxBytes: number
  /** Deadline for the whole transfer. */
  timeoutMs: number
  /** Deadline for a silence in the middle of the body (a stalled server). */
  idleMs?: number
  signal?: AbortSignal | undefined
  headers?: Record<string, string> | undefined
  /** Called as bytes arrive: received so far, and the declared length when known. */
  onProgress?: (received: number, total: number | null) => void
  /** Checked once the headers arrive; a returned reason stops the transfer before the body. */
  checkHeaders?: (status: number, headers: Headers) => string | null
}

/** A finished transfer: what the last hop answered and how much was written. */
export type FetchedFile = {
  status: number
  url: string
  contentType: string | null
  size: number
  /** The `Retry-After` header of an error answer, if any. */
  retryAfter?: string | null
}

const MAX_REDIRECTS = 5

/**
 * GETs a URL into `file` (created or truncated) within a size cap and deadlines, following at most
 * five redirects and never from https down to http. Error statuses are returned without a body
 * written, so callers can explain them; network failures, caps, timeouts and cancellation throw
 * AppErrors naming the URL. The caller removes `file` when it throws.
 */
export async function fetchToFile(
  fetchFn: FetchFn,
  url: string,
  file: string,
  options: FetchToFileOptions,
): Promise<FetchedFile> {
  const deadline = AbortSignal.timeout(options.timeoutMs)
  const idle = new AbortController()
  const signals = [deadline, idle.signal, ...(options.signal ? [options.signal] : [])]
  const signal = AbortSignal.any(signals)
  let current = url
  try {
    for (let hop = 0; ; hop += 1) {
      const response = await fetchFn(current, {
        signal,
        redirect: 'manual',
        headers: options.headers ?? {},
      })
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined)
        if (hop >= MAX_REDIRECTS) {
          throw new AppError('network', `${url} redirected more than ${MAX_REDIRECTS} times.`)
        }
        current = nextLocation(current, location)
        continue
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined)
        return {
          status: response.status,
          url: current,
          contentType: response.headers.get('content-type'),
          size: 0,
          retryAfter: response.headers.get('retry-after'),
        }
      }
      const refused = options.checkHeaders?.(response.status, response.headers) ?? null
      if (refused) {
        await response.body?.cancel().catch(() => undefined)
        throw new AppError('unsupported-format', `${current}: ${refused}.`)
      }
      const declared = Number(response.headers.get('content-length') ?? NaN)
      const total = Number.isFinite(declared) ? declared : null
      if (total !== null && total > options.maxBytes) {
        await response.body?.cancel().catch(() => undefined)
        throw tooLarge(current, options.maxBytes)
      }
      const size = await writeBody(response, file, { ...options, total, idle, url: current })
      if (total !== null && size !== total) {
        throw new AppError('network', `${current} ended after ${size} of ${total} bytes.`)
      }
      return {
        status: response.status,
        url: current,
        contentType: response.headers.get('content-type'),
        size,
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    if (options.signal?.aborted) throw new AppError('cancelled', `Cancelled: ${url}`)
    if (deadline.aborted) {
      throw new AppError(
        'network',
        `${current} did not finish within ${Math.round(options.timeoutMs / 1000)} s.`,
      )
    }
    if (idle.signal.aborted) throw new AppError('network', `${current} stopped sending data.`)
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new AppError('network', `Could not download ${current} (${reason}).`)
  }
}

async function writeBody(
  response: Response,
  file: string,
  options: FetchToFileOptions & { total: number | null; idle: AbortController; url: string },
): Promise<number> {
  const out = createWriteStream(file)
  const closed = new Promise<void>((resolve, reject) => {
    out.once('close', resolve)
    out.once('error', reject)
  })
  let size = 0
  let timer: NodeJS.Timeout | undefined
  const idleMs = options.idleMs ?? 30_000
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => options.idle.abort(), idleMs)
  }
  try {
    arm()
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        arm()
        size += chunk.byteLength
        if (size > options.maxBytes) {
          await response.body.cancel().catch(() => undefined)
          throw tooLarge(options.url, options.maxBytes)
        }
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve))
        options.onProgress?.(size, options.total)
      }
    }
  } finally {
    clearTimeout(timer)
    out.end()
    await closed
  }
  return size
}

function nextLocation(from: string, location: string): string {
  let next: URL
  try {
    next = new URL(location, from)
  } catch {
    throw new AppError('network', `${from} redirected to an invalid address.`)
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new AppError(
      'network',
      `${from} redirected to a ${next.protocol} address; only http(s) is followed.`,
    )
  }
  if (new URL(from).protocol === 'https:' && next.protocol === 'http:') {
    throw new AppError('network', `${from} redirected from https to plain http; refused.`)
  }
  return next.href
}

function tooLarge(url: string, maxBytes: number): AppError {
  return new AppError(
    'too-large',
    `${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; stopped downloading.`,
  )
}
