import type { LibraryService } from '@shared/api/library-api'
import type { SourceSummary } from '@shared/model/sync-source'

/** What the scheduler needs: listing sources and syncing one. */
export type SchedulerApi = Pick<LibraryService, 'listSources' | 'syncSource'>

/** How often the scheduler looks for due sources, and the clock. */
export type SchedulerOptions = {
  /** Default one minute. */
  tickMs?: number
  now?: () => Date
  /** Called when a tick fails as a whole (a closed library, say); runs record their own errors. */
  onError?: (error: unknown) => void
}

/** A running scheduler. */
export type SyncScheduler = {
  /** Syncs every due source now, one after another; resolves when done. */
  tick(): Promise<void>
  stop(): void
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
  const tick = (): Promise<void> => {
    if (current) return current
    current = (async () => {
      const sources = await api.listSources({})
      for (const source of sources) {
        if (stopped) return
        if (isDue(source, now())) await api.syncSource({ id: source.id })
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
  const first = setTimeout(() => void tick(), 5_000)
  first.unref()
  return {
    tick,
    stop() {
      stopped = true
      clearInterval(timer)
      clearTimeout(first)
    },
  }
}
