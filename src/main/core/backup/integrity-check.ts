import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// The check runs on its own read-only connection in a worker thread: `quick_check` reads every
// page (over a second at 50k papers), and the thread that answers the UI must not wait for it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db
try {
  const options = { readonly: true, fileMustExist: true }
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding
  db = new Database(workerData.file, options)
  parentPort.postMessage(db.pragma('quick_check(5)').map((row) => row.quick_check))
} catch (error) {
  parentPort.postMessage([String((error && error.message) || error)])
} finally {
  if (db) db.close()
}
`

/** Runs `PRAGMA quick_check` on a library file in a worker thread; `['ok']` means intact. */
export function quickCheckInWorker(file: string, nativeBinding?: string): Promise<string[]> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, nativeBinding: nativeBinding ?? null },
    })
    // A short-lived CLI run must not wait for the check.
    worker.unref()
    worker.once('message', (problems: string[]) => resolve(problems))
    worker.once('error', reject)
  })
}
