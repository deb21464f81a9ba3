import { mkdirSync } from 'node:fs'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import type { BaseUrls } from '../net/base-urls'
import type { FetchFn } from '../net/fetch-bytes'
import {
  createDownloadQueue,
  defaultPolicy,
  type DownloadPolicy,
  type DownloadQueue,
} from './download-queue'
import { pdfLinkFacts } from './downloads-repo'
import { paperIdsWithFile } from './pdf-files-repo'
import { pdfCandidates } from './pdf-links'
import { pdfDir } from './pdf-paths'
import { sweepStore, type PdfStoreDeps } from './pdf-store'
import { createPdfWorkerClient, type PdfBudget, type PdfWorkerClient } from './pdf-worker-client'
import { createTextIndexer, type TextIndexer } from './text-indexer'

/** Tuning a host may override (tests shorten the politeness delays). */
export type PdfOptions = {
  /** Resume the download queue and pending text extraction at start (the app and the server do). */
  resume?: boolean
  policy?: Partial<DownloadPolicy>
  /** Bounds of the PDF thread (time, heap, resident memory) and of each file it reads. */
  budget?: Partial<PdfBudget>
}

/** The long-lived PDF machinery of one open library. */
export type PdfRuntime = {
  store: PdfStoreDeps
  worker: PdfWorkerClient
  queue: DownloadQueue
  indexer: TextIndexer
  /** Stops downloads and the PDF thread; the database must not be used by them afterwards. */
  close(): void
}

/** Wires the PDF thread, the text indexer and the download queue for a library. */
export function createPdfRuntime(deps: {
  db: WritableDb
  events: EventHub
  dataDir: string
  now: () => Date
  baseUrls: BaseUrls
  fetch: FetchFn
  options?: PdfOptions
  /** Spacing between requests to arXiv (`PAPERSHELF_ARXIV_DELAY_MS`, shared with syncs). */
  arxivDelayMs?: number
}): PdfRuntime {
  const { db, events } = deps
  mkdirSync(pdfDir(deps.dataDir), { recursive: true })
  let open = true
  const worker = createPdfWorkerClient(deps.options?.budget)
  const store: PdfStoreDeps = {
    db,
    dataDir: deps.dataDir,
    worker,
    now: deps.now,
    isOpen: () => open,
  }
  const indexer = createTextIndexer({
    db,
    dataDir: deps.dataDir,
    worker,
    now: deps.now,
    onIndexed: (sha) => {
      if (open) {
        events.emit('library.changed', { reason: 'pdf-text', paperIds: paperIdsWithFile(db, sha) })
      }
    },
  })
  const queue = createDownloadQueue({
    ...store,
    events,
    fetch: deps.fetch,
    policy: { ...defaultPolicy(deps.baseUrls.arxiv, deps.arxivDelayMs), ...deps.options?.policy },
    candidates: (paperId) => {
      const facts = pdfLinkFacts(db, paperId)
      return facts ? pdfCandidates(facts, deps.baseUrls.arxiv) : []
    },
    onStored: (paperId) => {
      events.emit('library.changed', { reason: 'pdf', paperIds: [paperId as never] })
      indexer.kick()
    },
  })
  if (deps.options?.resume) {
    void sweepStore(db, deps.dataDir, Date.now())
      .catch((error: unknown) => console.error('papershelf: could not tidy the PDF folder:', error))
      .then(() => {
        if (!open) return
        queue.resume()
        indexer.kick()
      })
  }
  return {
    store,
    worker,
    queue,
    indexer,
    close: () => {
      open = false
      queue.close()
      indexer.close()
      void worker.close()
    },
  }
}
