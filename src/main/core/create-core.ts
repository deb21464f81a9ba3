import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { LibraryService } from '@shared/api/library-api'
import { createLibraryHealth, type LibraryHealth } from './backup/library-health'
import { runUpkeep } from './backup/upkeep'
import { scheduleSearchIndexMerge } from './db/search-index-merge'
import { openDatabase } from './db/open-database'
import { isReadOnlyError, libraryWriteProblem, openReadOnlyCopy } from './db/read-only-library'
import { AppError } from '@shared/api/errors'
import { apiInputs, type ApiMethod } from '@shared/api/inputs'
import { createEventHub, type EventHub } from './event-hub'
import { createParseThread, STREAM_PARSE_LIMITS } from './parse/parse-thread'
import { rollBackAbandonedImports } from './import/import-runs'
import type { BatchTuning } from './import/write-import'
import { createRunningSyncs } from './sync/running-syncs'
import { createLibraryService } from './library-service'
import { baseUrlsFromEnv, type BaseUrls } from './net/base-urls'
import type { FetchFn } from './net/fetch-bytes'
import { createPdfRuntime, type PdfOptions } from './pdf/pdf-runtime'
import { syncTuningFromEnv, type SyncTuning } from './sync/sync-tuning'
import { libraryVocabulary } from './search/vocabulary'
import { createTopicsThread } from './topics/topics-thread'

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
  /** How imports are cut into transactions; tests shrink the batches to see several. */
  importBatches?: BatchTuning
}

/** A running core: the service every door calls, its events, and a way to close the library. */
export type Core = {
  api: LibraryService
  events: EventHub
  dataDir: string
  /** Settles when the background upkeep is done (at once when it is off). */
  upkeep: Promise<void>
  /** Whether the library is known to be damaged. */
  health: LibraryHealth
  /** Cancels the syncs in progress and resolves when their runs are recorded; call before `close`. */
  stopSyncs(): Promise<void>
  close(): void
}

/** The composition root: opens the library folder and wires the service. */
export function createCore(options: CoreOptions): Core {
  const databasePath = join(options.dataDir, DATABASE_FILE)
  const openOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  makeFolder(options.dataDir)
  // A folder that cannot be written still serves every reading command.
  const readOnly = libraryWriteProblem(databasePath)
  const copy = readOnly === null ? null : openReadOnlyCopy(databasePath, openOptions)
  const db = copy?.db ?? openDatabase(databasePath, openOptions)
  const now = options.now ?? (() => new Date())
  // An import a crash or kill cut short is undone as a whole before anything reads the library
  // (a read-only copy cannot be written; it shows the file as it is).
  if (readOnly === null) rollBackAbandonedImportsUnlessDamaged(db)
  const events = createEventHub()
  const health = createLibraryHealth(db, databasePath)
  const baseUrls = baseUrlsFromEnv(process.env, options.baseUrls)
  const fetchFn = options.fetch ?? fetch
  const pdf = createPdfRuntime({
    db,
    events,
    dataDir: options.dataDir,
    now,
    baseUrls,
    fetch: fetchFn,
    arxivDelayMs: syncTuningFromEnv(process.env, options.sync).arxivDelayMs,
    ...(options.pdf ? { options: options.pdf } : {}),
  })
  // Three parse threads: a large reference file (minutes of BibTeX) never holds up a sync's
  // pages, and streamed files are read under a heap cap of their own.
  const parse = {
    files: createParseThread(),
    pages: createParseThread(),
    streams: createParseThread({ limits: STREAM_PARSE_LIMITS }),
  }
  const running = createRunningSyncs()
  const topics = createTopicsThread(copy?.path ?? databasePath, options.nativeBinding)
  const service = createLibraryService({
    db,
    events,
    dataDir: options.dataDir,
    databasePath,
    now,
    baseUrls,
    fetch: fetchFn,
    sync: options.sync,
    pdf,
    parse,
    running,
    health,
    importBatches: options.importBatches,
    topics,
    backgroundTraining: options.upkeep === true && readOnly === null,
  })
  const api = readOnly === null ? service : refusingWrites(service, options.dataDir, readOnly)
  const upkeep =
    options.upkeep && readOnly === null
      ? runUpkeep({
          db,
          dataDir: options.dataDir,
          databasePath,
          now: now(),
          events,
          health,
          nativeBinding: options.nativeBinding,
        })
      : Promise.resolve()
  // The first search of a visit would otherwise build the typo vocabulary (most of a second at
  // 50k papers) while the user waits for the rows: a long-running door builds it once upkeep is done.
  // A library a one-shot import left with a fragmented index is merged in the background too.
  if (options.upkeep) {
    void upkeep.then(() => {
      if (!db.open) return
      libraryVocabulary(db)
      if (readOnly === null) scheduleSearchIndexMerge(db)
    })
  }
  return {
    api,
    events,
    dataDir: options.dataDir,
    upkeep,
    health,
    stopSyncs: () => running.cancelAll(),
    close: () => {
      pdf.close()
      void parse.files.close()
      void parse.pages.close()
      void parse.streams.close()
      void topics.close()
      if (copy) copy.close()
      else db.close()
    },
  }
}

function makeFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    const cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new AppError('read-only', `Cannot create the library folder ${dataDir} (${cause}).`)
  }
}

/** The service of a library opened read-only: a call that tries to write fails naming folder and cause. */
function refusingWrites(service: LibraryService, dataDir: string, cause: string): LibraryService {
  const methods = Object.keys(apiInputs) as ApiMethod[]
  return Object.fromEntries(
    methods.map((method) => [
      method,
      async (input: unknown) => {
        try {
          return await (service[method] as (input: unknown) => unknown)(input)
        } catch (error) {
          if (!isReadOnlyError(error)) throw error
          throw new AppError(
            'read-only',
            `The library in ${dataDir} is open for reading only (${cause}), so ${method} cannot change it. Make the folder writable, or copy it somewhere that is.`,
          )
        }
      },
    ]),
  ) as LibraryService
}

/**
 * Undoes imports cut short, unless the file is damaged: then the health check reports the damage
 * with the way back (a restore), which a corruption error thrown here would hide.
 */
function rollBackAbandonedImportsUnlessDamaged(
  db: Parameters<typeof rollBackAbandonedImports>[0],
): void {
  try {
    rollBackAbandonedImports(db)
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw error
  }
}
