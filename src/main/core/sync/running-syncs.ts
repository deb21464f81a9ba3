import type { SyncRun } from '@shared/model/sync-source'

/** The syncs running in this process, one per source, so they can be joined or cancelled. */
export type RunningSyncs = {
  /** The run in progress for a source, or starts one with `run(signal)`. */
  join(sourceId: number, run: (signal: AbortSignal) => Promise<SyncRun>): Promise<SyncRun>
  /** Asks a source's sync to stop; true when one was running. */
  cancel(sourceId: number): boolean
  /** Cancels every sync and resolves when each has recorded its run (before a library closes). */
  cancelAll(): Promise<void>
}

/** An empty set of running syncs. */
export function createRunningSyncs(): RunningSyncs {
  const running = new Map<number, { controller: AbortController; done: Promise<SyncRun> }>()
  return {
    join(sourceId, run) {
      const current = running.get(sourceId)
      if (current) return current.done
      const controller = new AbortController()
      const done = run(controller.signal).finally(() => running.delete(sourceId))
      running.set(sourceId, { controller, done })
      return done
    },
    cancel(sourceId) {
      const current = running.get(sourceId)
      current?.controller.abort()
      return current !== undefined
    },
    async cancelAll() {
      const all = [...running.values()]
      for (const { controller } of all) controller.abort()
      await Promise.allSettled(all.map(({ done }) => done))
    },
  }
}
