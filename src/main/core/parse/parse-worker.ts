// The parse thread: imported files and fetched pages are parsed here (BibTeX reads every field as
// TeX, a few hundred entries a second; a sync page is JSON or XML to validate), so the thread that
// answers the UI and writes the library never waits for it.
import { parentPort } from 'node:worker_threads'
import { toWorkerFailure, type WorkerResponse } from '../workers/worker-client'
import { runParseJob, type ParseArgs, type ParseJob } from './parse-jobs'

/** A request to the parse thread (the client adds the id). */
export type ParseWorkerRequest = { job: ParseJob; args: ParseArgs<ParseJob> }

const port = parentPort
if (port) {
  port.on('message', (request: ParseWorkerRequest & { id: number }) => {
    try {
      const value = runParseJob(request.job, request.args)
      port.postMessage({ id: request.id, ok: true, value } satisfies WorkerResponse)
    } catch (error) {
      const failure = toWorkerFailure(error)
      port.postMessage({ id: request.id, ok: false, failure } satisfies WorkerResponse)
    }
  })
}
