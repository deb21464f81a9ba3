// The thread that runs pdf.js for the core: opening and text extraction never block the thread
// that answers the UI. One request at a time; answers carry the request id.
import { parentPort } from 'node:worker_threads'
import { toWorkerFailure, type WorkerResponse } from '../workers/worker-client'
import { extractPdfText, inspectPdf, type PdfFileLimits } from './pdf-text'

/** A request to the PDF thread (the client adds the id). */
export type PdfWorkerRequest =
  | { op: 'inspect'; file: string; textPages: number; limits: PdfFileLimits }
  | { op: 'extract'; file: string; limits: PdfFileLimits }

const port = parentPort
if (port) {
  let chain = Promise.resolve()
  port.on('message', (request: PdfWorkerRequest & { id: number }) => {
    chain = chain.then(async () => {
      try {
        const value =
          request.op === 'inspect'
            ? await inspectPdf(request.file, request.textPages, request.limits)
            : await extractPdfText(request.file, request.limits)
        port.postMessage({ id: request.id, ok: true, value } satisfies WorkerResponse)
      } catch (error) {
        const failure = toWorkerFailure(error)
        port.postMessage({ id: request.id, ok: false, failure } satisfies WorkerResponse)
      }
    })
  })
}
