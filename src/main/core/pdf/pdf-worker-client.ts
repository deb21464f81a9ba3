import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createWorkerClient, reviveAppError } from '../workers/worker-client'
import type { PdfFileLimits, PdfInspection, PdfPagesText } from './pdf-text'
import type { PdfWorkerRequest } from './pdf-worker'

/** The PDF thread as the core sees it. */
export type PdfWorkerClient = {
  inspect(file: string, textPages: number): Promise<PdfInspection>
  extract(file: string): Promise<PdfPagesText>
  close(): Promise<void>
}

/**
 * What one PDF may cost the process: time per request, heap of the thread, resident memory, and
 * per file the bytes its streams decode to, its text operators and its pages (`PdfFileLimits`).
 */
export type PdfBudget = PdfFileLimits & {
  inspectMs: number
  extractMs: number
  rssBytes: number
  heapMb: number
}

/** Bounds that keep a crafted PDF (a small file of gigabytes of drawing commands) from taking the machine. */
export const DEFAULT_PDF_BUDGET: PdfBudget = {
  inspectMs: 60_000,
  extractMs: 3 * 60_000,
  rssBytes: 1024 * 2 ** 20,
  heapMb: 384,
  // A long paper's content streams are a few megabytes; a book's vector figures some tens.
  decodedBytes: 128 * 2 ** 20,
  pages: 5_000,
  // Ten times a thousand-page book's (pdf.js gathers a page's text whole: ~100 MB of heap).
  textOperators: 1_000_000,
}

/**
 * Starts the PDF thread on first use. A request that outlives its deadline ends the thread (pdf.js
 * may be stuck in a hostile file); the next request starts a fresh one.
 */
export function createPdfWorkerClient(budget: Partial<PdfBudget> = {}): PdfWorkerClient {
  const { inspectMs, extractMs, rssBytes, heapMb, decodedBytes, pages, textOperators } = {
    ...DEFAULT_PDF_BUDGET,
    ...budget,
  }
  const timeouts = { inspectMs, extractMs }
  const limits: PdfFileLimits = { decodedBytes, pages, textOperators }
  const client = createWorkerClient<PdfWorkerRequest>({
    name: 'pdf-worker',
    sourceDir: dirname(fileURLToPath(import.meta.url)),
    label: 'PDF thread',
    revive: (failure) => reviveAppError(failure),
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    memoryBudget: { rssBytes, pollMs: 50 },
  })
  return {
    inspect: (file, textPages) =>
      client.request<PdfInspection>(
        { op: 'inspect', file, textPages, limits },
        timeouts.inspectMs,
        file,
      ),
    extract: (file) =>
      client.request<PdfPagesText>({ op: 'extract', file, limits }, timeouts.extractMs, file),
    close: () => client.close(),
  }
}
