// The thread that runs pdf.js for the core: opening and text extraction never block the thread
// that answers the UI. One request at a time; answers carry the request id.
import { parentPort } from 'node:worker_threads'
import { extractPdfText, inspectPdf } from './pdf-text'

/** A request to the PDF thread. */
export type PdfWorkerRequest =
  | { id: number; op: 'inspect'; file: string; textPages: number }
  | { id: number; op: 'extract'; file: string }

/** The PDF thread's answer to one request. */
export type PdfWorkerResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string }

const port = parentPort
if (port) {
  let chain = Promise.resolve()
  port.on('message', (request: PdfWorkerRequest) => {
    chain = chain.then(async () => {
      try {
        const value =
          request.op === 'inspect'
            ? await inspectPdf(request.file, request.textPages)
            : await extractPdfText(request.file)
        port.postMessage({ id: request.id, ok: true, value } satisfies PdfWorkerResponse)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        port.postMessage({ id: request.id, ok: false, message } satisfies PdfWorkerResponse)
      }
    })
  })
}
