import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { APP_ERROR_CODES, AppError, type AppErrorCode } from '@shared/api/errors'

/** A failure as it crosses from a worker thread: enough to rebuild the error the caller expects. */
export type WorkerFailure = {
  message: string
  code?: string
  line?: number | null
  detail?: string
}

/** A worker thread's answer to one request. */
export type WorkerResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: WorkerFailure }

/** The failure an error becomes in a worker, for `WorkerResponse`. */
export function toWorkerFailure(error: unknown): WorkerFailure {
  if (!(error instanceof Error)) return { message: String(error) }
  const fields = error as Error & { code?: unknown; line?: unknown; detail?: unknown }
  return {
    message: error.message,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.line === 'number' || fields.line === null ? { line: fields.line } : {}),
    ...(typeof fields.detail === 'string' ? { detail: fields.detail } : {}),
  }
}

/** A failure as the AppError it was in the worker (its message already says where), or an Error. */
export function reviveAppError(failure: WorkerFailure): Error {
  const code = failure.code
  return code !== undefined && (APP_ERROR_CODES as ReadonlyArray<string>).includes(code)
    ? new AppError(code as AppErrorCode, failure.message)
    : new Error(failure.message)
}

/** A request channel to one worker thread, started on first use. */
export type WorkerClient<Request> = {
  /** Sends `body`; a request that outlives `timeoutMs` ends the thread (the next one starts afresh). */
  request<T>(body: Request, timeoutMs: number, what: string): Promise<T>
  close(): Promise<void>
}

/**
 * Where a worker script is: beside the bundle (`out/main/<name>.js`, one level up from a chunk),
 * or the TypeScript source under tests and benchmarks, run through tsx.
 */
function startWorker(name: string, sourceDir: string): Worker {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, `${name}.js`)
    if (existsSync(built)) return new Worker(built)
  }
  const source = join(sourceDir, `${name}.ts`)
  if (!existsSync(source)) throw new Error(`The worker script ${name} is missing beside ${here}.`)
  // From source (tests, benchmarks) the thread compiles TypeScript through tsx's loader hooks.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}) })`
  return new Worker(boot, { eval: true })
}

type Pending = {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

/**
 * A client for the worker script `name` (an entry of its own in the build, `<sourceDir>/<name>.ts`
 * in the sources). Answers carry the request id; `revive` turns a failure back into the error the
 * caller expects. The thread never keeps the process alive while idle.
 */
export function createWorkerClient<Request extends object>(options: {
  name: string
  sourceDir: string
  label: string
  revive: (failure: WorkerFailure) => Error
}): WorkerClient<Request> {
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
    const created = startWorker(options.name, options.sourceDir)
    created.unref()
    created.on('message', (response: WorkerResponse) => {
      const entry = pending.get(response.id)
      if (!entry) return
      pending.delete(response.id)
      clearTimeout(entry.timer)
      if (pending.size === 0) created.unref()
      if (response.ok) entry.resolve(response.value)
      else entry.reject(options.revive(response.failure))
    })
    created.on('error', (error: Error) => {
      if (worker === created) worker = null
      failAll(error)
    })
    created.on('exit', (code) => {
      if (worker === created) worker = null
      failAll(new Error(`the ${options.label} stopped (exit code ${code})`))
    })
    return created
  }

  return {
    request<T>(body: Request, timeoutMs: number, what: string): Promise<T> {
      worker ??= start()
      const current = worker
      current.ref()
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id)
          reject(
            new Error(
              `The ${options.label} took longer than ${Math.round(timeoutMs / 1000)} s on ${what}.`,
            ),
          )
          if (worker === current) worker = null
          void current.terminate()
        }, timeoutMs)
        timer.unref()
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer })
        current.postMessage({ ...body, id })
      })
    },
    close: async () => {
      const current = worker
      worker = null
      failAll(new Error('the library was closed'))
      if (current) await current.terminate()
    },
  }
}
