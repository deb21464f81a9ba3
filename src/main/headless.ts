import { existsSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CoreOptions } from './core/create-core'
import type { SchedulerOptions } from './core/sync/scheduler'
import type { OwnedLibrary } from './owner/owned-library'
import { openOwnerDoor } from './owner/owner-door'

/** Options of the browser mode (`papershelf serve`) and the end-to-end tests. */
export type HeadlessOptions = {
  /** The library folder. */
  dataDir: string
  /** 0 or absent picks a free port; `extension` prefers the browser extension's (see the owner door). */
  port?: number | 'extension'
  /** The built renderer; defaults to the `out/renderer` of this build. */
  rendererDir?: string
  /** Remote endpoints (tests point them at a local fixture server). */
  baseUrls?: CoreOptions['baseUrls']
  /** Syncs enabled sources on their interval, as the app does (`papershelf serve` turns it on). */
  scheduler?: SchedulerOptions
  /** Network sync knobs (tests drop arXiv's spacing for their local stand-in); else the defaults. */
  sync?: CoreOptions['sync']
}

/** A running library served over loopback HTTP. */
export type Headless = {
  /** The address to open, token included; print it on its own line. */
  url: string
  /** The known damage of the library (also in `libraryInfo`), null when none is known. */
  damage(): string | null
  /** Settles when the background check of the library as opened is done. */
  checked(): Promise<void>
  /** Listens to the library's events (damage found, restores); returns the unsubscribe function. */
  subscribe: OwnedEvents['subscribe']
  /** Stops the server, then closes the library and gives up ownership. */
  close(): Promise<void>
}

type OwnedEvents = OwnedLibrary['events']

/** Opens a library and serves it with the built renderer on 127.0.0.1, without Electron. */
export async function startHeadless(options: HeadlessOptions): Promise<Headless> {
  const rendererDir = options.rendererDir ?? defaultRendererDir()
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The built app is missing in ${rendererDir}: run \`npm run build\` first.`)
  }
  // The library's one owner: a second `serve` (or the app) on the same folder is refused, and
  // every other command finds this process's door through the lock.
  const owner = await openOwnerDoor({
    dataDir: options.dataDir,
    door: 'serve',
    core: {
      pdf: { resume: true },
      upkeep: true,
      ...(options.baseUrls ? { baseUrls: options.baseUrls } : {}),
      ...(options.sync ? { sync: options.sync } : {}),
    },
    rendererDir,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  })
  const { library } = owner
  return {
    url: owner.server.url,
    damage: () => library.current().health.damage(),
    checked: () => library.upkeep(),
    subscribe: library.events.subscribe,
    close: () => owner.close(),
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
