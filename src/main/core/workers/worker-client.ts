import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
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
function startWorker(name: string, sourceDir: string, limits: ResourceLimits | undefined): Worker {
  const options = limits ? { resourceLimits: limits } : {}
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [here, join(here, '..')]) {
    const built = join(dir, `${name}.js`)
    if (existsSync(built)) return new Worker(built, options)
  }
  const source = join(sourceDir, `${name}.ts`)
  if (!existsSync(source)) throw new Error(`The worker script ${name} is missing beside ${here}.`)
  // From source (tests, benchmarks) the thread compiles TypeScript through tsx's loader hooks.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}) })`
  return new Worker(boot, { eval: true, ...options })
}

type Pending = {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
  /** The thread the request went to: a thread that dies fails only its own requests. */
  thread: Worker
  what: string
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
  /** Heap caps of the thread: past them it dies, failing only its own requests. */
  resourceLimits?: ResourceLimits
  /**
   * The most resident memory the whole process may reach while a request runs; past it the
   * thread is ended (decoded buffers live outside the heap caps). Checked every `pollMs`.
   */
  memoryBudget?: { rssBytes: number; pollMs: number }
}): WorkerClient<Request> {
  let worker: Worker | null = null
  let closed = false
  let nextId = 1
  const pending = new Map<number, Pending>()

  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id)
    if (!entry) return undefined
    pending.delete(id)
    clearTimeout(entry.timer)
    return entry
  }
  const failThread = (thread: Worker | null, error: (what: string) => Error) => {
    for (const [id, entry] of pending) {
      if (thread === null || entry.thread === thread) settle(id)?.reject(error(entry.what))
    }
  }

  const start = (): Worker => {
    const created = startWorker(options.name, options.sourceDir, options.resourceLimits)
    created.unref()
    created.on('message', (response: WorkerResponse) => {
      const entry = settle(response.id)
      if (!entry) return
      if (![...pending.values()].some((other) => other.thread === created)) created.unref()
      if (response.ok) entry.resolve(response.value)
      else entry.reject(options.revive(response.failure))
    })
    created.on('error', (error: Error & { code?: string }) => {
      if (worker === created) worker = null
      const heapMb = options.resourceLimits?.maxOldGenerationSizeMb
      failThread(created, (what) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError(
              'too-large',
              `${what} needs more memory than the ${options.label} may use${heapMb ? ` (${heapMb} MB)` : ''}; it was stopped and nothing was changed.`,
            )
          : new Error(`The ${options.label} failed on ${what}: ${error.message}`),
      )
    })
    created.on('exit', (code) => {
      if (worker === created) worker = null
      failThread(
        created,
        (what) => new Error(`The ${options.label} stopped (exit code ${code}) on ${what}.`),
      )
    })
    return created
  }

  /** Ends `thread` when the process outgrows the budget while request `id` is pending. */
  const watchMemory = (
    id: number,
    thread: Worker,
    budget: { rssBytes: number; pollMs: number },
  ) => {
    const poll = setInterval(() => {
      if (!pending.has(id)) {
        clearInterval(poll)
        return
      }
      const rss = process.memoryUsage.rss()
      if (rss <= budget.rssBytes) return
      clearInterval(poll)
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
      failThread(
        thread,
        (what) =>
          new AppError(
            'too-large',
            `${what} needs more memory than the ${options.label} may use (${mb(rss)} MB of ${mb(budget.rssBytes)} MB); it was stopped.`,
          ),
      )
      if (worker === thread) worker = null
      void thread.terminate()
    }, budget.pollMs)
    poll.unref()
  }

  return {
    request<T>(body: Request, timeoutMs: number, what: string): Promise<T> {
      if (closed) return Promise.reject(new AppError('cancelled', 'The library was closed.'))
      worker ??= start()
      const thread = worker
      thread.ref()
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          settle(id)?.reject(
            new Error(
              `The ${options.label} took longer than ${Math.round(timeoutMs / 1000)} s on ${what}.`,
            ),
          )
          if (worker === thread) worker = null
          void thread.terminate()
        }, timeoutMs)
        timer.unref()
        if (options.memoryBudget) watchMemory(id, thread, options.memoryBudget)
        pending.set(id, {
          resolve: resolve as (value: unknown) => void,
          reject,
          timer,
          thread,
          what,
        })
        try {
          thread.postMessage({ ...body, id })
        } catch (error) {
          settle(id)?.reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
    },
    close: async () => {
      closed = true
      const current = worker
      worker = null
      failThread(null, () => new AppError('cancelled', 'The library was closed.'))
      if (current) await current.terminate()
    },
  }
}
