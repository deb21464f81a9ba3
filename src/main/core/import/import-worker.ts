// The import thread: parses pasted text and imported files (BibTeX parsing reads every field as
// TeX, a few hundred entries a second) so the thread that answers the UI never waits for it.
import { parentPort } from 'node:worker_threads'
import type { ImportFormat } from '@shared/api/inputs'
import { toWorkerFailure, type WorkerResponse } from '../workers/worker-client'
import { parseImportText } from './import-text'

/** A request to the import thread (the client adds the id). */
export type ImportWorkerRequest = {
  text: string
  format: ImportFormat
  sourceName: string
  /** ISO time the import happens at (a copied page's dates are relative to it). */
  now: string
}

const port = parentPort
if (port) {
  port.on('message', (request: ImportWorkerRequest & { id: number }) => {
    try {
      const value = parseImportText(request.text, request.format, {
        now: new Date(request.now),
        sourceName: request.sourceName,
      })
      port.postMessage({ id: request.id, ok: true, value } satisfies WorkerResponse)
    } catch (error) {
      const failure = toWorkerFailure(error)
      port.postMessage({ id: request.id, ok: false, failure } satisfies WorkerResponse)
    }
  })
}
