import { createHash } from 'node:crypto'
import { AppError } from '@shared/api/errors'
import type { SyncRun } from '@shared/model/sync-source'
import type { WritableDb } from '../db/open-database'
import { commitWithoutFlush, startLongWrite } from '../db/long-write'
import { catchUpSearchIndex } from '../db/papers-index'
import type { EventHub } from '../event-hub'
import type { BaseUrls } from '../net/base-urls'
import type { HttpClient } from '../net/http-client'
import type { ParseThread } from '../parse/parse-thread'
import type { FetchContext, PageValidators, SourcePage } from '../sources/fetch-context'
import { applyDrafts } from './apply-drafts'
import { readAhead } from './read-ahead'
import { isRollingList, SYNC_METADATA_RANK, sourcePages } from './source-pages'
import { applyArrivalRules } from '../triage/arrival-rules'
import {
  readHttpCache,
  saveLastBatch,
  saveRun,
  saveSourceError,
  startRun,
  writeHttpCache,
  type SourceRecord,
} from './sync-store'

/**
 * Pages fetched and parsed ahead of the one being written: two keep the parse thread busy while
 * this thread writes (one would only overlap the network).
 */
const READ_AHEAD = 2

/** Papers written before the search index catches up during a sync. */
const INDEX_BATCH = 1000

/** What a sync runs on. */
export type SyncEngineDeps = {
  db: WritableDb
  events: EventHub
  http: HttpClient
  baseUrls: BaseUrls
  now: () => Date
  timeoutMs: number
  maxBytes: number
  parse: ParseThread
}

/** A sync to run: the source, extra tags for this run, and the signal that cancels it. */
export type SyncJob = { source: SourceRecord; tags?: ReadonlyArray<string>; signal: AbortSignal }

/**
 * Syncs one source: fetches its pages one after another (the next one while the current one is
 * written) and applies each in its own transaction, so a failure keeps what earlier pages committed and never leaves a half-written
 * paper. Every run is recorded (pages, added/updated/unchanged/failed, stale, error); errors
 * end up in the run, never thrown.
 */
export async function runSync(deps: SyncEngineDeps, job: SyncJob): Promise<SyncRun> {
  const { db, events, source } = { ...deps, source: job.source }
  const stamp = () => deps.now().toISOString()
  const run: SyncRun = startRun(db, source.id, stamp())
  const cache = readHttpCache(db, source.id)
  // Requests still out when the run ends are abandoned: pages asked for ahead when a write
  // failed or the run was cancelled, or a page past the end a source asked for speculatively.
  const fetching = new AbortController()
  const ctx: FetchContext = {
    http: deps.http,
    baseUrls: deps.baseUrls,
    signal: AbortSignal.any([job.signal, fetching.signal]),
    timeoutMs: deps.timeoutMs,
    maxBytes: deps.maxBytes,
    now: deps.now,
    validatorsFor: (url) => cache.get(url) ?? null,
    parse: deps.parse.run,
  }
  const tags = [...new Set([...source.tags, ...(job.tags ?? [])])]
  const batch: string[] = []
  let notModifiedPages = 0
  let indexedUpTo = 0
  let total: number | null = null
  // Each page is stamped with its own arrival time, strictly after the page before, so "Date
  // added" follows arrival across pages even when several land within one clock tick.
  let lastPageAt = 0
  const pageStamp = (): Date => {
    lastPageAt = Math.max(deps.now().getTime(), lastPageAt + 1)
    return new Date(lastPageAt)
  }
  const progress = (message: string) =>
    events.emit('sync.progress', {
      sourceId: source.id,
      runId: run.id,
      done: run.pages,
      total,
      message,
    })
  progress(`${source.name}: starting`)
  // The WAL is checkpointed once at the end rather than every few pages.
  const endLongWrite = startLongWrite(db)
  try {
    for await (const page of readAhead(sourcePages(source.kind, source.params, ctx), {
      depth: READ_AHEAD,
      onStop: () => fetching.abort(),
    })) {
      if (job.signal.aborted) throw new AppError('cancelled', 'Cancelled.')
      total = pageTotal(page, total)
      // A page commits without waiting for the disk; the run's end, written with the usual full
      // sync, makes the pages durable (a power cut before it loses the last pages, never one
      // between).
      commitWithoutFlush(db, () => {
        applyPage(deps, source, run, page, tags, cache.get(page.url), pageStamp)
        // Indexing a thousand papers at once costs far less than a hundred ten times.
        if (run.added + run.updated - indexedUpTo >= INDEX_BATCH) {
          catchUpSearchIndex(db)
          indexedUpTo = run.added + run.updated
        }
      })
      if (page.notModified) notModifiedPages += 1
      else batch.push(...page.drafts.map(draftKey))
      progress(
        `${source.name}: page ${run.pages}, ${run.added} added, ${run.updated} updated, ${run.unchanged} unchanged`,
      )
    }
    // Every page answered 304: the list is exactly what the last run saw.
    finish(
      deps,
      source,
      run,
      notModifiedPages > 0 && notModifiedPages === run.pages ? null : batch,
      'ok',
      null,
    )
  } catch (error) {
    const cancelled =
      job.signal.aborted || (error instanceof AppError && error.code === 'cancelled')
    const message = error instanceof Error ? error.message : String(error)
    finish(
      deps,
      source,
      run,
      batch,
      cancelled ? 'cancelled' : 'failed',
      cancelled ? 'cancelled' : `${source.name}: ${message}`,
    )
  }
  fetching.abort()
  catchUpSearchIndex(db)
  endLongWrite()
  events.emit('sync.finished', { sourceId: source.id, run: { ...run } })
  if (run.added + run.updated > 0) events.emit('library.changed', { reason: 'sync', paperIds: [] })
  return run
}

function applyPage(
  deps: SyncEngineDeps,
  source: SourceRecord,
  run: SyncRun,
  page: SourcePage,
  tags: string[],
  cached: PageValidators | undefined,
  pageStamp: () => Date,
): void {
  const { db } = deps
  if (page.notModified) {
    // Nothing to write: the counters reach the run record with the next page or at the end.
    run.unchanged += page.validators.count
    run.pages += 1
    if (!sameValidators(cached, page.validators)) {
      writeHttpCache(db, source.id, page.url, page.validators)
    }
    return
  }
  db.transaction(() => {
    {
      const now = pageStamp()
      // papers new to the library land in the inbox, where the source's rules meet them
      const result = applyDrafts(db, page.drafts, {
        source: { kind: source.kind, key: source.key, name: source.name },
        metadataRank: SYNC_METADATA_RANK[source.kind],
        tags,
        now: now.toISOString(),
        deferIndex: true,
        arrival: 'inbox',
      })
      applyArrivalRules(db, result.sourceId, result.addedIds, now.toISOString(), () => ({
        previousVisit: null,
        now,
      }))
      run.added += result.added
      run.updated += result.updated
      run.unchanged += result.unchanged
      run.failed += page.skipped.length + result.refused.length
    }
    run.pages += 1
    writeHttpCache(db, source.id, page.url, page.validators)
    saveRun(db, run)
  }).immediate()
}

function finish(
  deps: SyncEngineDeps,
  source: SourceRecord,
  run: SyncRun,
  batch: string[] | null,
  status: SyncRun['status'],
  error: string | null,
): void {
  const { db } = deps
  db.transaction(() => {
    if (status === 'ok' && isRollingList(source.kind, source.params)) {
      if (batch === null) run.stale = source.lastBatch !== null
      else {
        const key =
          batch.length === 0
            ? null
            : createHash('sha256')
                .update([...batch].sort().join('\n'))
                .digest('hex')
        run.stale = key !== null && key === source.lastBatch
        saveLastBatch(db, source.id, key)
      }
    }
    run.status = status
    run.error = error
    run.finishedAt = deps.now().toISOString()
    saveRun(db, run)
    saveSourceError(db, source.id, status === 'failed' ? error : null)
  }).immediate()
}

function draftKey(draft: SourcePage['drafts'][number]): string {
  return draft.arxivId ?? draft.doi ?? draft.title ?? ''
}

function pageTotal(page: SourcePage, known: number | null): number | null {
  if (page.total === undefined || page.total === null) return known
  const perPage = Math.max(1, page.validators.count)
  return Math.ceil(page.total / perPage)
}

function sameValidators(a: PageValidators | undefined, b: PageValidators): boolean {
  return (
    a !== undefined &&
    a.etag === b.etag &&
    a.lastModified === b.lastModified &&
    a.hash === b.hash &&
    a.count === b.count
  )
}
