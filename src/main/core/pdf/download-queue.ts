import { rm } from 'node:fs/promises'
import { AppError } from '@shared/api/errors'
import type { PaperId } from '@shared/model/ids'
import type { DownloadJob, DownloadOverall } from '@shared/model/pdf'
import type { EventHub } from '../event-hub'
import type { FetchFn } from '../net/fetch-bytes'
import { fetchToFile, type FetchedFile } from '../net/fetch-to-file'
import { RETRYABLE_STATUSES, retryAfterMs, retryWaitMs } from '../net/http-client'
import {
  deleteJob,
  getJob,
  listJobs,
  queuedJobs,
  requeueInterrupted,
  updateJob,
} from './downloads-repo'
import { isMissingStatus } from './pdf-links'
import { acceptTempFile, newTempFile, type PdfStoreDeps } from './pdf-store'
import { contentTypeProblem, MAX_PDF_BYTES } from './verify-pdf'

/** How politely and how much the queue downloads. */
export type DownloadPolicy = {
  /** Downloads at once, over all hosts. */
  concurrency: number
  /** Least time between two requests to the same host, by host name; `*` for any other host. */
  spacingMs: Readonly<Record<string, number>>
  timeoutMs: number
  idleMs: number
  maxBytes: number
  /** Retries of one address after a network error, 429 or 5xx (Retry-After honoured). */
  retries: number
  /** First backoff step; doubled per retry, with jitter. */
  backoffBaseMs: number
  /** The longest pause before a retry; a server asking for more is not retried. */
  maxRetryWaitMs: number
}

/** The defaults: arXiv asks for one connection and a few seconds between requests. */
export function defaultPolicy(arxivBase: string, arxivDelayMs = 3000): DownloadPolicy {
  return {
    concurrency: 3,
    spacingMs: { [new URL(arxivBase).host]: arxivDelayMs, '*': Math.min(500, arxivDelayMs) },
    timeoutMs: 10 * 60_000,
    idleMs: 60_000,
    maxBytes: MAX_PDF_BYTES,
    retries: 3,
    backoffBaseMs: 2000,
    maxRetryWaitMs: 120_000,
  }
}

/** What the queue runs on. */
export type DownloadQueueDeps = PdfStoreDeps & {
  events: EventHub
  fetch: FetchFn
  policy: DownloadPolicy
  /** The addresses to try for a paper, in order (re-read at start so a refreshed link is used). */
  candidates: (paperId: number) => string[]
  /** Called after a file is stored (index its text, tell the UI). */
  onStored: (paperId: number) => void
}

/** The download queue: persisted jobs, a few running at once, politely per host. */
export type DownloadQueue = {
  /** Starts queued jobs (also those left by an earlier run). */
  pump(): void
  /** Puts interrupted jobs back in the queue and starts it. */
  resume(): void
  cancel(ids: ReadonlyArray<number> | null): number
  /** Resolves when every given job has left the queue or failed, with how each ended. */
  waitFor(ids: ReadonlyArray<number>): Promise<DownloadJob[]>
  overall(): DownloadOverall
  /** The addresses a paper's PDF would be fetched from, in order. */
  candidates(paperId: number): string[]
  close(): void
}

/** Creates the queue; nothing runs until `pump` or `resume`. */
export function createDownloadQueue(deps: DownloadQueueDeps): DownloadQueue {
  const { db, events, policy } = deps
  const running = new Map<number, { controller: AbortController; host: string; job: DownloadJob }>()
  const lastStart = new Map<string, number>()
  const finished = new Map<number, DownloadJob>()
  const waiters = new Set<() => void>()
  let timer: NodeJS.Timeout | null = null
  let closed = false

  const hostOf = (url: string | null) => {
    try {
      return url ? new URL(url).host : ''
    } catch {
      return ''
    }
  }
  const spacing = (host: string) => policy.spacingMs[host] ?? policy.spacingMs['*'] ?? 0
  const busyHosts = () => new Set([...running.values()].map((r) => r.host))

  const overall = (): DownloadOverall => {
    const counts = new Map(
      (
        db.prepare('SELECT state, count(*) AS n FROM pdf_downloads GROUP BY state').all() as Array<{
          state: string
          n: number
        }>
      ).map((row) => [row.state, row.n]),
    )
    let received = 0
    let total = 0
    for (const r of running.values()) {
      received += r.job.received
      total += r.job.total ?? r.job.received
    }
    return {
      queued: counts.get('queued') ?? 0,
      running: running.size,
      failed: counts.get('failed') ?? 0,
      received,
      total,
    }
  }

  const emit = (job: DownloadJob) => {
    if (closed) return
    events.emit('pdf.progress', { job, overall: overall() })
  }

  const settle = (job: DownloadJob) => {
    finished.set(job.paperId, job)
    // Off the running list before the event: its totals must not count a job that has ended.
    running.delete(job.paperId)
    emit(job)
    for (const wake of [...waiters]) wake()
  }

  const pump = () => {
    if (closed) return
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    let soonest = Infinity
    const busy = busyHosts()
    for (const { paperId, url } of queuedJobs(db)) {
      if (running.size >= policy.concurrency) break
      if (running.has(paperId)) continue
      const host = hostOf(deps.candidates(paperId)[0] ?? url)
      if (busy.has(host)) continue
      const wait = (lastStart.get(host) ?? -Infinity) + spacing(host) - Date.now()
      if (wait > 0) {
        soonest = Math.min(soonest, wait)
        continue
      }
      busy.add(host)
      lastStart.set(host, Date.now())
      start(paperId, host)
    }
    if (soonest < Infinity) {
      timer = setTimeout(pump, soonest)
      // A long-running door must not stay up for the spacing alone, but someone awaiting the
      // jobs (a one-shot `download`) needs the timer to keep the process alive until they end.
      if (waiters.size === 0) timer.unref()
    }
  }

  const start = (paperId: number, host: string) => {
    const controller = new AbortController()
    updateJob(db, paperId, {
      state: 'running',
      attempt: true,
      error: null,
      received: 0,
      total: null,
    })
    const job = getJob(db, paperId)
    if (!job) return
    running.set(paperId, { controller, host, job })
    emit(job)
    void run(paperId, job, controller.signal).finally(() => {
      running.delete(paperId)
      pump()
    })
  }

  const run = async (paperId: number, job: DownloadJob, signal: AbortSignal) => {
    const candidates = deps.candidates(paperId)
    let tempFile: string | null = null
    try {
      if (candidates.length === 0) {
        throw new AppError('not-found', 'No PDF address is known for this paper.')
      }
      let lastError = ''
      for (const [index, url] of candidates.entries()) {
        job.url = url
        if (index > 0) {
          // Politeness holds for fallbacks too.
          const host = hostOf(url)
          const wait = (lastStart.get(host) ?? -Infinity) + spacing(host) - Date.now()
          if (wait > 0) await delay(wait, signal)
          lastStart.set(host, Date.now())
        }
        tempFile = await newTempFile(deps.dataDir, `paper-${paperId}`)
        let lastEmit = 0
        const target = tempFile
        const fetched = await withRetries(policy, signal, () =>
          fetchToFile(deps.fetch, url, target, {
            maxBytes: policy.maxBytes,
            timeoutMs: policy.timeoutMs,
            idleMs: policy.idleMs,
            signal,
            headers: { accept: 'application/pdf' },
            checkHeaders: (_status, headers) => contentTypeProblem(headers.get('content-type')),
            onProgress: (received, total) => {
              job.received = received
              job.total = total
              const now = Date.now()
              if (now - lastEmit > 150) {
                lastEmit = now
                emit({ ...job })
              }
            },
          }),
        )
        if (fetched.status >= 200 && fetched.status < 300) {
          if (closed) return
          await acceptTempFile(deps, { paperId, tempFile, origin: 'download', label: fetched.url })
          tempFile = null
          if (closed) return
          deleteJob(db, paperId)
          settle({ ...job, state: 'done', error: null })
          deps.onStored(paperId)
          return
        }
        await rm(tempFile, { force: true })
        tempFile = null
        lastError = `${fetched.url} answered ${fetched.status}${isMissingStatus(fetched.status) ? ' (no PDF there)' : ''}`
        if (!isMissingStatus(fetched.status)) break
      }
      throw new AppError('remote-error', `${lastError}.`)
    } catch (error) {
      if (tempFile) await rm(tempFile, { force: true })
      if (closed) return
      const cancelled = signal.aborted
      const message = cancelled
        ? 'Cancelled.'
        : error instanceof Error
          ? error.message
          : String(error)
      const state = cancelled ? 'cancelled' : 'failed'
      updateJob(db, paperId, { state, error: message, finishedAt: deps.now().toISOString() })
      settle({ ...job, state, error: message })
    }
  }

  return {
    pump,
    resume: () => {
      if (closed) return
      requeueInterrupted(db)
      pump()
    },
    cancel: (ids) => {
      const targets = ids ?? listJobs(db).map((j) => j.paperId)
      let count = 0
      for (const id of targets) {
        const active = running.get(id)
        if (active) {
          active.controller.abort()
          count += 1
          continue
        }
        const job = getJob(db, id)
        if (job?.state === 'queued') {
          updateJob(db, id, {
            state: 'cancelled',
            error: 'Cancelled.',
            finishedAt: deps.now().toISOString(),
          })
          settle({ ...job, state: 'cancelled', error: 'Cancelled.' })
          count += 1
        }
      }
      return count
    },
    waitFor: (ids) =>
      new Promise((resolve) => {
        const check = () => {
          if (closed) {
            waiters.delete(check)
            resolve(ids.map((id) => finished.get(id) ?? placeholder(id, 'cancelled')))
            return true
          }
          const open = ids.filter((id) => {
            const job = getJob(db, id)
            return job !== null && (job.state === 'queued' || job.state === 'running')
          })
          if (open.length > 0) return false
          waiters.delete(check)
          resolve(ids.map((id) => finished.get(id) ?? getJob(db, id) ?? placeholder(id, 'done')))
          return true
        }
        if (!check()) {
          waiters.add(check)
          timer?.ref()
        }
      }),
    overall,
    candidates: deps.candidates,
    close: () => {
      closed = true
      if (timer) clearTimeout(timer)
      for (const r of running.values()) r.controller.abort()
      for (const wake of [...waiters]) wake()
    },
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(new AppError('cancelled', 'Cancelled.'))
      },
      { once: true },
    )
  })
}

function placeholder(id: number, state: 'done' | 'cancelled'): DownloadJob {
  return {
    paperId: id as PaperId,
    title: '',
    state,
    url: null,
    received: 0,
    total: null,
    error: null,
  }
}

/**
 * Runs one download, again after a network error or a retryable status (429, 5xx), pausing as
 * the server asks (Retry-After) or with backoff; the last answer or error stands.
 */
async function withRetries(
  policy: DownloadPolicy,
  signal: AbortSignal,
  attempt: () => Promise<FetchedFile>,
): Promise<FetchedFile> {
  for (let tries = 1; ; tries += 1) {
    let retryAfter: number | null = null
    try {
      const fetched = await attempt()
      if (!RETRYABLE_STATUSES.has(fetched.status) || tries > policy.retries) return fetched
      retryAfter = retryAfterMs(fetched.retryAfter ?? null)
    } catch (error) {
      const retryable = error instanceof AppError && error.code === 'network' && !signal.aborted
      if (!retryable || tries > policy.retries) throw error
    }
    const wait = retryWaitMs(tries, policy.backoffBaseMs, retryAfter)
    if (wait > policy.maxRetryWaitMs) {
      throw new AppError(
        'remote-error',
        `The server asks to wait ${Math.ceil(wait / 1000)} s before the next try; not waiting that long.`,
      )
    }
    await delay(wait, signal)
  }
}
