import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createWorkerClient } from '../workers/worker-client'
import type { PdfInspection, PdfPagesText } from './pdf-text'
import type { PdfWorkerRequest } from './pdf-worker'

/** The PDF thread as the core sees it. */
export type PdfWorkerClient = {
  inspect(file: string, textPages: number): Promise<PdfInspection>
  extract(file: string): Promise<PdfPagesText>
  close(): Promise<void>
}

/**
 * Starts the PDF thread on first use. A request that outlives its deadline ends the thread (pdf.js
 * may be stuck in a hostile file); the next request starts a fresh one.
 */
export function createPdfWorkerClient(
  timeouts = { inspectMs: 60_000, extractMs: 10 * 60_000 },
): PdfWorkerClient {
  const client = createWorkerClient<PdfWorkerRequest>({
    name: 'pdf-worker',
    sourceDir: dirname(fileURLToPath(import.meta.url)),
    label: 'PDF thread',
    revive: (failure) => new Error(failure.message),
  })
  return {
    inspect: (file, textPages) =>
      client.request<PdfInspection>({ op: 'inspect', file, textPages }, timeouts.inspectMs, file),
    extract: (file) =>
      client.request<PdfPagesText>({ op: 'extract', file }, timeouts.extractMs, file),
    close: () => client.close(),
  }
}
