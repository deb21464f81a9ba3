import type { LibraryService } from '@shared/api/library-api'
import type { SourceSummary } from '@shared/model/sync-source'

/** What the scheduler needs: listing sources, syncing one and cancelling it. */
export type SchedulerApi = Pick<LibraryService, 'listSources' | 'syncSource' | 'cancelSync'>

/** How often the scheduler looks for due sources, and the clock. */
export type SchedulerOptions = {
  /** Default one minute. */
  tickMs?: number
  /** The first look after starting; default 5 s, so opening the library comes first. */
  firstTickMs?: number
  now?: () => Date
  /** Called when a tick fails as a whole (a closed library, say); runs record their own errors. */
  onError?: (error: unknown) => void
}

/** A running scheduler. */
export type SyncScheduler = {
  /** Syncs every due source now, one after another; resolves when done. */
  tick(): Promise<void>
  /** Stops the timers and cancels the sync in progress; resolves when it has ended. */
  stop(): Promise<void>
}

/** True when an enabled source with an interval has not started a run within that interval. */
export function isDue(source: SourceSummary, now: Date): boolean {
  if (!source.enabled || source.intervalMinutes === null) return false
  if (source.lastRun?.status === 'running') return false
  if (!source.lastRun) return true
  return Date.parse(source.lastRun.startedAt) + source.intervalMinutes * 60_000 <= now.getTime()
}

/**
 * Syncs enabled sources on their interval in the background (plain timers, no Electron). Sources
 * are synced one at a time; a tick that is still running when the next is due is not doubled.
 * Progress and results reach the UI as `sync.progress` and `sync.finished` events.
 */
export function startSyncScheduler(
  api: SchedulerApi,
  options: SchedulerOptions = {},
): SyncScheduler {
  const now = options.now ?? (() => new Date())
  let stopped = false
  let current: Promise<void> | null = null
  let syncing: SourceSummary['id'] | null = null
  const tick = (): Promise<void> => {
    if (current) return current
    current = (async () => {
      const sources = await api.listSources({})
      for (const source of sources) {
        if (stopped) return
        if (!isDue(source, now())) continue
        syncing = source.id
        try {
          await api.syncSource({ id: source.id })
        } finally {
          syncing = null
        }
      }
    })()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        current = null
      })
    return current
  }
  const timer = setInterval(() => void tick(), options.tickMs ?? 60_000)
  timer.unref()
  const first = setTimeout(() => void tick(), options.firstTickMs ?? 5_000)
  first.unref()
  return {
    tick,
    async stop() {
      stopped = true
      clearInterval(timer)
      clearTimeout(first)
      if (syncing !== null) await api.cancelSync({ id: syncing })
      await current
    },
  }
}
