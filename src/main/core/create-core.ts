import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { LibraryService } from '@shared/api/library-api'
import { runUpkeep } from './backup/upkeep'
import { openDatabase } from './db/open-database'
import { createEventHub, type EventHub } from './event-hub'
import { createParseThread } from './parse/parse-thread'
import { createRunningSyncs } from './sync/running-syncs'
import { createLibraryService } from './library-service'
import { baseUrlsFromEnv, type BaseUrls } from './net/base-urls'
import type { FetchFn } from './net/fetch-bytes'
import { createPdfRuntime, type PdfOptions } from './pdf/pdf-runtime'
import { syncTuningFromEnv, type SyncTuning } from './sync/sync-tuning'

/** The file name of a library's database inside its folder. */
export const DATABASE_FILE = 'library.sqlite'

/** Everything the core needs from its host, injected so tests use temp folders and fake clocks. */
export type CoreOptions = {
  /** The library folder (created if missing). */
  dataDir: string
  /** The clock; defaults to the system clock. */
  now?: () => Date
  /** Path of a better-sqlite3 build for this runtime's ABI (the Electron app passes its own). */
  nativeBinding?: string
  /** Remote endpoints; defaults to `PAPERSHELF_*_URL` from the environment, else the real ones. */
  baseUrls?: Partial<BaseUrls>
  /** The HTTP client; defaults to the global fetch. */
  fetch?: FetchFn
  /** Network sync knobs; defaults from `PAPERSHELF_ARXIV_DELAY_MS` etc., else polite real values. */
  sync?: Partial<SyncTuning>
  /** PDF downloads and text extraction: resume at start (app, server), politeness overrides (tests). */
  pdf?: PdfOptions
  /**
   * Background upkeep after opening (integrity check in a worker, daily snapshot): on for
   * long-running doors (the app, `serve`), off for one-shot CLI commands and most tests.
   */
  upkeep?: boolean
}

/** A running core: the service every door calls, its events, and a way to close the library. */
export type Core = {
  api: LibraryService
  events: EventHub
  dataDir: string
  /** Settles when the background upkeep is done (at once when it is off). */
  upkeep: Promise<void>
  /** Cancels the syncs in progress and resolves when their runs are recorded; call before `close`. */
  stopSyncs(): Promise<void>
  close(): void
}

/** The composition root: opens the library folder and wires the service. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true })
  const databasePath = join(options.dataDir, DATABASE_FILE)
  const db = openDatabase(
    databasePath,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  const now = options.now ?? (() => new Date())
  const events = createEventHub()
  const baseUrls = baseUrlsFromEnv(process.env, options.baseUrls)
  const pdf = createPdfRuntime({
    db,
    events,
    dataDir: options.dataDir,
    now,
    baseUrls,
    fetch: options.fetch ?? fetch,
    arxivDelayMs: syncTuningFromEnv(process.env, options.sync).arxivDelayMs,
    ...(options.pdf ? { options: options.pdf } : {}),
  })
  // Two parse threads: a large reference file (minutes of BibTeX) never holds up a sync's pages.
  const parse = { files: createParseThread(), pages: createParseThread() }
  const running = createRunningSyncs()
  const api = createLibraryService({
    db,
    events,
    dataDir: options.dataDir,
    databasePath,
    now: options.now ?? (() => new Date()),
    baseUrls: baseUrlsFromEnv(process.env, options.baseUrls),
    fetch: options.fetch ?? fetch,
    sync: options.sync,
    pdf,
    parse,
    running,
  })
  const upkeep = options.upkeep
    ? runUpkeep({
        db,
        dataDir: options.dataDir,
        databasePath,
        now: now(),
        events,
        nativeBinding: options.nativeBinding,
      })
    : Promise.resolve()
  return {
    api,
    events,
    dataDir: options.dataDir,
    upkeep,
    stopSyncs: () => running.cancelAll(),
    close: () => {
      pdf.close()
      void parse.files.close()
      void parse.pages.close()
      db.close()
    },
  }
}
