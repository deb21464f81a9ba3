import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { apiInputs, type ApiMethod } from '@shared/api/inputs'
import type { LibraryService } from '@shared/api/library-api'
import { restoreLibraryFolder } from '../core/backup/restore-library'
import { createCore, DATABASE_FILE, type Core, type CoreOptions } from '../core/create-core'
import { createEventHub, type EventHub } from '../core/event-hub'

/**
 * A library held open by its owner for as long as it runs: one service and one event feed that
 * stay the same while the connection behind them is replaced (a restore closes the file, swaps
 * it and opens it again; every door keeps its references).
 */
export type OwnedLibrary = {
  service: LibraryService
  events: EventHub
  /** The core in use now (for what the service does not cover: PDFs served by path). */
  current(): Core
  /** Settles when the current core's background upkeep is done. */
  upkeep(): Promise<void>
  /**
   * Stops syncs, waits for calls in progress (at most `waitMs`, when given), closes the library.
   */
  close(waitMs?: number): Promise<void>
}

/** Opens the library for its owner. */
export function openOwnedLibrary(options: CoreOptions): OwnedLibrary {
  const events = createEventHub()
  const now = options.now ?? (() => new Date())
  const open = (): { core: Core; unforward: () => void } => {
    const core = createCore(options)
    return {
      core,
      unforward: core.events.subscribe((event) => events.emit(event.type, event.payload)),
    }
  }
  let active = open()
  const inFlight = new Set<Promise<unknown>>()
  let gate: Promise<void> = Promise.resolve()

  /** Runs a call once no swap is under way, and counts it so a swap waits for it. */
  const run = async <T>(call: () => T | Promise<T>): Promise<T> => {
    await gate
    const pending = Promise.resolve().then(call)
    inFlight.add(pending)
    try {
      return await pending
    } finally {
      inFlight.delete(pending)
    }
  }

  /**
   * Closes the current core once nothing uses it (or `waitMs` has passed); new calls wait until
   * `after` is done.
   */
  const exclusive = <T>(after: () => Promise<T>, waitMs = Infinity): Promise<T> => {
    const done = (async () => {
      await gate
      const idle = (async () => {
        await active.core.stopSyncs()
        await Promise.allSettled([...inFlight])
        await active.core.upkeep
      })()
      await (Number.isFinite(waitMs)
        ? Promise.race([idle, delay(waitMs, undefined, { ref: false })])
        : idle)
      return after()
    })()
    gate = done.then(
      () => undefined,
      () => undefined,
    )
    return done
  }

  const restoreBackup: LibraryService['restoreBackup'] = ({ file }) =>
    exclusive(async () => {
      active.unforward()
      active.core.close()
      try {
        return await restoreLibraryFolder(
          { dataDir: options.dataDir, databasePath: join(options.dataDir, DATABASE_FILE) },
          file,
          now(),
        )
      } finally {
        // Opened again whatever happened: the old file if the restore refused, else the new one.
        active = open()
        events.emit('library.changed', { reason: 'restore', paperIds: [] })
      }
    })

  const methods = Object.keys(apiInputs) as ApiMethod[]
  const service = Object.fromEntries(
    methods.map((method) => [
      method,
      (input: unknown) =>
        run(() => (active.core.api[method] as (input: unknown) => unknown)(input)),
    ]),
  ) as LibraryService
  service.restoreBackup = restoreBackup

  let closed: Promise<void> | null = null
  return {
    service,
    events,
    current: () => active.core,
    upkeep: () => active.core.upkeep,
    close: (waitMs) => {
      closed ??= exclusive(() => {
        active.unforward()
        active.core.close()
        return Promise.resolve()
      }, waitMs)
      return closed
    },
  }
}
