import { DEFAULT_EXTENSION_PORT } from '@shared/api/browser-api'
import { setTimeout as delay } from 'node:timers/promises'
import type { CoreOptions } from '../core/create-core'
import {
  startSyncScheduler,
  type SchedulerOptions,
  type SyncScheduler,
} from '../core/sync/scheduler'
import { startAutoExports } from '../core/curation/auto-export-runner'
import { startHttpServer, type HttpServer } from '../transport/http-server'
import { openOwnedLibrary, type OwnedLibrary } from './owned-library'
import { acquireOwnerLock } from './owner-lock'

/** How the library's owner (`serve`, the app) opens it. */
export type OwnerDoorOptions = {
  dataDir: string
  /** What holds the library, as the lock and a refused second owner name it: `serve`, `app`. */
  door: string
  /** How the core opens (PDF resume, upkeep, a native binding, remote endpoints); not `dataDir`. */
  core?: Omit<CoreOptions, 'dataDir'>
  /**
   * The built renderer to serve to browser tabs (`serve`). Without it the door answers only the
   * API and its events: the app's window talks over IPC, the door is there for the CLI.
   */
  rendererDir?: string
  /**
   * A number listens there; `extension` tries the port the browser extension looks at first and
   * takes any free one when it is in use; 0 or absent picks a free port.
   */
  port?: number | 'extension'
  /** Syncs due sources on their interval while the owner runs. */
  scheduler?: SchedulerOptions
}

/** A library owned by this process, its loopback door open and announced in the lock. */
export type OwnerDoor = {
  library: OwnedLibrary
  /** The door's address and secret (also in the lock); `url` carries the token. */
  server: Pick<HttpServer, 'url' | 'origin' | 'token'>
  /**
   * Stops the scheduler and the door, then closes the library and gives up the lock. Syncs and
   * calls in progress get `waitMs` to finish (a quitting app must not hang on a long parse).
   */
  close(waitMs?: number): Promise<void>
}

/**
 * Makes this process the library's one owner: takes the lock (a living owner refuses with
 * `library-busy` naming it; a stale one is taken over), opens the library, listens on 127.0.0.1
 * and writes the address and secret into the lock, so every `papershelf` command on this library
 * runs through this process. Shared by `serve` and the desktop app, so both own a library alike.
 */
export async function openOwnerDoor(options: OwnerDoorOptions): Promise<OwnerDoor> {
  const lock = acquireOwnerLock(options.dataDir, options.door)
  let library: OwnedLibrary
  try {
    library = openOwnedLibrary({ ...options.core, dataDir: options.dataDir })
  } catch (error) {
    lock.release()
    throw error
  }
  let server: HttpServer | null = null
  let scheduler: SyncScheduler | null = null
  // The owner keeps auto-exported files in step with the library.
  const autoExports = startAutoExports(library.service, library.events, {
    onError: (error) => console.error('papershelf: auto-export failed:', error),
  })
  const close = async (waitMs?: number): Promise<void> => {
    try {
      autoExports.stop()
      const stopped = scheduler?.stop()
      if (stopped) {
        await (waitMs === undefined
          ? stopped
          : Promise.race([stopped, delay(waitMs, undefined, { ref: false })]))
      }
      await server?.close()
    } finally {
      try {
        // Syncs stop and a snapshot in progress finishes before the connection closes.
        await library.close(waitMs)
      } finally {
        lock.release()
      }
    }
  }
  try {
    const listen = (port: number) =>
      startHttpServer({
        service: library.service,
        events: library.events,
        ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
        port,
      })
    if (options.port !== 'extension') server = await listen(options.port ?? 0)
    else {
      server = await listen(DEFAULT_EXTENSION_PORT).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
        return listen(0)
      })
    }
    lock.publish(server.origin, server.token)
    if (options.scheduler) scheduler = startSyncScheduler(library.service, options.scheduler)
  } catch (error) {
    await close()
    throw error
  }
  const { url, origin, token } = server
  let closing: Promise<void> | null = null
  return {
    library,
    server: { url, origin, token },
    close: (waitMs) => (closing ??= close(waitMs)),
  }
}
