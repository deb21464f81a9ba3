import { existsSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore, type CoreOptions } from './core/create-core'
import {
  startSyncScheduler,
  type SchedulerOptions,
  type SyncScheduler,
} from './core/sync/scheduler'
import { startHttpServer } from './transport/http-server'

/** Options of the browser mode (`papershelf serve`) and the end-to-end tests. */
export type HeadlessOptions = {
  /** The library folder. */
  dataDir: string
  /** 0 or absent picks a free port. */
  port?: number
  /** The built renderer; defaults to the `out/renderer` of this build. */
  rendererDir?: string
  /** Remote endpoints (tests point them at a local fixture server). */
  baseUrls?: CoreOptions['baseUrls']
  /** Syncs enabled sources on their interval, as the app does (`papershelf serve` turns it on). */
  scheduler?: SchedulerOptions
}

/** A running library served over loopback HTTP. */
export type Headless = {
  /** The address to open, token included; print it on its own line. */
  url: string
  /** Stops the server, then closes the library. */
  close(): Promise<void>
}

/** Opens a library and serves it with the built renderer on 127.0.0.1, without Electron. */
export async function startHeadless(options: HeadlessOptions): Promise<Headless> {
  const rendererDir = options.rendererDir ?? defaultRendererDir()
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The built app is missing in ${rendererDir}: run \`npm run build\` first.`)
  }
  const core = createCore({
    dataDir: options.dataDir,
    pdf: { resume: true },
    upkeep: true,
    ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
  })
  let scheduler: SyncScheduler | null = null
  try {
    const server = await startHttpServer({
      service: core.api,
      events: core.events,
      rendererDir,
      ...(options.port === undefined ? {} : { port: options.port }),
    })
    if (options.scheduler) scheduler = startSyncScheduler(core.api, options.scheduler)
    return {
      url: server.url,
      close: async () => {
        try {
          await scheduler?.stop()
          await core.stopSyncs()
          await server.close()
          // A snapshot in progress must finish before its connection closes.
          await core.upkeep
        } finally {
          core.close()
        }
      },
    }
  } catch (error) {
    await scheduler?.stop()
    core.close()
    throw error
  }
}

/**
 * The built `out/renderer`: from source this module is `src/main/headless.ts`; bundled it runs
 * from `out/main/` or a chunk folder below it.
 */
function defaultRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  if (basename(here) === 'main' && basename(dirname(here)) === 'src') {
    return resolve(here, '../../out/renderer')
  }
  const candidates = [resolve(here, '../renderer'), resolve(here, '../../renderer')]
  const built = candidates.find((dir) => existsSync(join(dir, 'index.html')))
  return built ?? resolve(here, '../renderer')
}
