import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import type { SourceId } from '@shared/model/ids'
import {
  keepsFollowing,
  type SourceSummary,
  type SyncKind,
  type SyncParams,
  type SyncRun,
} from '@shared/model/sync-source'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import type { BaseUrls } from '../net/base-urls'
import type { FetchFn } from '../net/fetch-bytes'
import { createHttpClient } from '../net/http-client'
import { resolvePapers } from '../resolve/resolve-papers'
import type { ParseThread } from '../parse/parse-thread'
import { runSync, type SyncEngineDeps } from './run-sync'
import type { RunningSyncs } from './running-syncs'
import { describeSource, validateParams } from './source-pages'
import {
  closeAbandonedRuns,
  deleteSource,
  findSourceByKey,
  insertSource,
  listSourceSummaries,
  requireSource,
  saveSource,
  sourceKey,
  type SourceRecord,
} from './sync-store'
import { hostDelays, syncTuningFromEnv, type SyncTuning } from './sync-tuning'

/** What the sync methods run on (a subset of the service's dependencies). */
export type SyncServiceDeps = {
  db: WritableDb
  events: EventHub
  now: () => Date
  baseUrls: BaseUrls
  fetch: FetchFn
  sync?: Partial<SyncTuning> | undefined
  /** The parse thread for fetched pages. */
  parse: { pages: ParseThread }
  /** The syncs in progress (the core cancels them all before it closes the library). */
  running: RunningSyncs
}

type SyncMethods = Pick<
  LibraryService,
  | 'listSources'
  | 'addSource'
  | 'updateSource'
  | 'removeSource'
  | 'syncSource'
  | 'syncOnce'
  | 'cancelSync'
  | 'resolvePapers'
>

/** The source, sync and resolve methods of the LibraryApi. One sync per source runs at a time. */
export function createSyncService(deps: SyncServiceDeps): SyncMethods {
  const { db } = deps
  const tuning = syncTuningFromEnv(process.env, deps.sync)
  const http = createHttpClient({
    fetch: deps.fetch,
    hostDelays: hostDelays(deps.baseUrls, tuning),
    retries: tuning.retries,
    backoffBaseMs: tuning.backoffBaseMs,
  })
  const engine: SyncEngineDeps = {
    db,
    events: deps.events,
    http,
    baseUrls: deps.baseUrls,
    now: deps.now,
    timeoutMs: tuning.timeoutMs,
    maxBytes: tuning.maxBytes,
    parse: deps.parse.pages,
  }
  const stamp = () => deps.now().toISOString()
  closeAbandonedRuns(db, deps.now())

  const summary = (id: number): SourceSummary => {
    const [found] = listSourceSummaries(db, [id])
    if (!found) throw new AppError('not-found', `There is no followed source ${id}.`)
    return found
  }
  const start = (source: SourceRecord, tags?: ReadonlyArray<string>): Promise<SyncRun> =>
    deps.running.join(source.id, (signal) => runSync(engine, { source, tags, signal }))

  return {
    listSources: () => listSourceSummaries(db),
    addSource: (input) => {
      const params = validateParams(input.kind, input.params)
      const key = sourceKey(params)
      const existing = findSourceByKey(db, input.kind, key)
      if (existing?.subscribed) {
        throw new AppError(
          'invalid-input',
          `You already follow this list as source ${existing.id} (${existing.name}).`,
        )
      }
      const settings = {
        kind: input.kind,
        key,
        name: input.name ?? existing?.name ?? describeSource(input.kind, params),
        params,
        subscribed: true,
        enabled: input.enabled ?? true,
        intervalMinutes:
          input.intervalMinutes === undefined
            ? defaultInterval(input.kind, params)
            : input.intervalMinutes,
        tags: [...new Set(input.tags ?? [])],
      }
      const id = db
        .transaction(() => {
          // A list synced once before becomes a subscription, keeping its papers' provenance.
          if (existing) {
            saveSource(db, { ...existing, ...settings }, true)
            return existing.id
          }
          return insertSource(db, settings, stamp()).id
        })
        .immediate()
      return summary(id)
    },
    updateSource: (input) => {
      const source = requireSubscribed(db, input.id)
      const params =
        input.params === undefined ? source.params : validateParams(source.kind, input.params)
      const key = sourceKey(params)
      if (key !== source.key) {
        const clash = findSourceByKey(db, source.kind, key)
        if (clash) {
          throw new AppError('invalid-input', `Source ${clash.id} already has these parameters.`)
        }
      }
      const tags = input.tags === undefined ? source.tags : [...new Set(input.tags)]
      const next: SourceRecord = {
        ...source,
        key,
        params,
        name: input.name ?? source.name,
        enabled: input.enabled ?? source.enabled,
        intervalMinutes:
          input.intervalMinutes === undefined ? source.intervalMinutes : input.intervalMinutes,
        tags,
      }
      const forget = key !== source.key || JSON.stringify(tags) !== JSON.stringify(source.tags)
      db.transaction(() => saveSource(db, next, forget)).immediate()
      return summary(source.id)
    },
    removeSource: ({ id }) => {
      requireSubscribed(db, id)
      deps.running.cancel(id)
      const changed = db.transaction(() => deleteSource(db, id)).immediate()
      return { changed }
    },
    syncSource: ({ id }) => start(requireSource(db, id)),
    syncOnce: (input) => {
      const params = validateParams(input.kind, input.params)
      const key = sourceKey(params)
      const source =
        findSourceByKey(db, input.kind, key) ??
        db
          .transaction(() =>
            insertSource(
              db,
              {
                kind: input.kind,
                key,
                name: describeSource(input.kind, params),
                params,
                subscribed: false,
                enabled: false,
                intervalMinutes: null,
                tags: [],
              },
              stamp(),
            ),
          )
          .immediate()
      return start(source, input.tags)
    },
    cancelSync: ({ id }) => ({ changed: deps.running.cancel(id) ? 1 : 0 }),
    resolvePapers: (input) =>
      resolvePapers(
        {
          db,
          http,
          baseUrls: deps.baseUrls,
          now: deps.now,
          tuning,
          events: deps.events,
          parse: deps.parse.pages,
        },
        input.ids,
      ),
  }
}

function requireSubscribed(db: WritableDb, id: SourceId): SourceRecord {
  const source = requireSource(db, id)
  if (!source.subscribed) throw new AppError('not-found', `Source ${id} is not followed.`)
  return source
}

/** Daily lists and feeds change daily; searches and awesome lists more slowly. */
/** Daily lists and feeds every 6 hours, other lists daily; a fixed window of days only on demand. */
function defaultInterval(kind: SyncKind, params: SyncParams): number | null {
  if (!keepsFollowing(kind, params)) return null
  return kind === 'hf-daily' || kind === 'feed' ? 6 * 60 : 24 * 60
}
