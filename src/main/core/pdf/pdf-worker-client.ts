import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { PdfInspection, PdfPagesText } from './pdf-text'
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-worker'

/** The PDF thread as the core sees it. */
export type PdfWorkerClient = {
  inspect(file: string, textPages: number): Promise<PdfInspection>
  extract(file: string): Promise<PdfPagesText>
  close(): Promise<void>
}

type Pending = {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}
type Body = PdfWorkerRequest extends infer R
  ? R extends PdfWorkerRequest
    ? Omit<R, 'id'>
    : never
  : never

const WORKER_NAME = 'pdf-worker'

/**
 * Where the worker script is: beside the bundle (`out/main/pdf-worker.js`, one level up from a
 * chunk), or the TypeScript source under tests and benchmarks, run through tsx.
 */
function startWorker(): Worker {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, `${WORKER_NAME}.js`)
    if (existsSync(built)) return new Worker(built)
  }
  const source = join(here, `${WORKER_NAME}.ts`)
  if (!existsSync(source)) throw new Error(`The PDF worker script is missing beside ${here}.`)
  // From source (tests, benchmarks) the thread compiles TypeScript through tsx's loader hooks.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}) })`
  return new Worker(boot, { eval: true })
}

/**
 * Starts the PDF thread on first use. A request that outlives its deadline ends the thread (pdf.js
 * may be stuck in a hostile file); the next request starts a fresh one. The thread never keeps the
 * process alive.
 */
export function createPdfWorkerClient(
  timeouts = { inspectMs: 60_000, extractMs: 10 * 60_000 },
): PdfWorkerClient {
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  const failAll = (error: Error) => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer)
      pending.delete(id)
      entry.reject(error)
    }
  }

  const start = (): Worker => {
    const created = startWorker()
    created.unref()
    created.on('message', (response: PdfWorkerResponse) => {
      const entry = pending.get(response.id)
      if (!entry) return
      pending.delete(response.id)
      clearTimeout(entry.timer)
      if (pending.size === 0) created.unref()
      if (response.ok) entry.resolve(response.value)
      else entry.reject(new Error(response.message))
    })
    created.on('error', (error: Error) => {
      if (worker === created) worker = null
      failAll(error)
    })
    created.on('exit', (code) => {
      if (worker === created) worker = null
      failAll(new Error(`the PDF thread stopped (exit code ${code})`))
    })
    return created
  }

  const request = <T>(body: Body, timeoutMs: number): Promise<T> => {
    worker ??= start()
    const current = worker
    current.ref()
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(
          new Error(`pdf.js took longer than ${Math.round(timeoutMs / 1000)} s on ${body.file}`),
        )
        if (worker === current) worker = null
        void current.terminate()
      }, timeoutMs)
      timer.unref()
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer })
      current.postMessage({ ...body, id })
    })
  }

  return {
    inspect: (file, textPages) =>
      request<PdfInspection>({ op: 'inspect', file, textPages }, timeouts.inspectMs),
    extract: (file) => request<PdfPagesText>({ op: 'extract', file }, timeouts.extractMs),
    close: async () => {
      const current = worker
      worker = null
      failAll(new Error('the library was closed'))
      if (current) await current.terminate()
    },
  }
}
