import type { WritableDb } from '../db/open-database'
import { failText, pendingTexts, saveText } from './pdf-files-repo'
import { pdfFilePath } from './pdf-paths'
import type { PdfWorkerClient } from './pdf-worker-client'

/** Reads stored PDFs' text in the PDF thread, one file at a time, into the page index. */
export type TextIndexer = {
  /** Starts indexing pending files unless it is already running. */
  kick(): void
  /** Resolves when nothing is pending (for tests and the CLI). */
  idle(): Promise<void>
  close(): void
}

/** Creates the indexer; `onIndexed` hears of each file done or failed. */
export function createTextIndexer(deps: {
  db: WritableDb
  dataDir: string
  worker: PdfWorkerClient
  now: () => Date
  onIndexed: (sha256: string, ok: boolean) => void
}): TextIndexer {
  let running: Promise<void> | null = null
  let closed = false

  const loop = async () => {
    for (;;) {
      if (closed) return
      const batch = pendingTexts(deps.db, 10)
      if (batch.length === 0) return
      for (const sha of batch) {
        if (closed) return
        try {
          const text = await deps.worker.extract(pdfFilePath(deps.dataDir, sha))
          if (closed) return
          saveText(deps.db, sha, text.pages, deps.now().toISOString())
          deps.onIndexed(sha, true)
        } catch (error) {
          if (closed) return
          // A broken file fails alone: it stays readable and searchable by its metadata.
          failText(
            deps.db,
            sha,
            error instanceof Error ? error.message : String(error),
            deps.now().toISOString(),
          )
          deps.onIndexed(sha, false)
        }
      }
    }
  }

  const kick = () => {
    if (closed || running) return
    running = loop().finally(() => {
      running = null
    })
  }

  return {
    kick,
    idle: async () => {
      kick()
      while (running) await running
    },
    close: () => {
      closed = true
    },
  }
}
