import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built command (`npm run build` first). */
export const PAPERSHELF_BIN = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))

/** What one run printed and how it ended. */
export type ProcessResult = { code: number | null; stdout: string; stderr: string }

/** Runs the built `papershelf` in a child process, without blocking this one (a server may run here). */
export function papershelf(
  args: string[],
  env: Record<string, string> = {},
  as?: { uid: number; gid: number },
  started?: (child: ChildProcessWithoutNullStreams) => void,
): Promise<ProcessResult> {
  const child = spawn(process.execPath, [PAPERSHELF_BIN, ...args], {
    env: { ...process.env, ...env },
    ...as,
  })
  started?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** A `papershelf serve` child process, once it printed its address. */
export type ServeProcess = {
  child: ChildProcessWithoutNullStreams
  url: string
  origin: string
  token: string
  /** Everything written to stderr so far. */
  stderr(): string
  /** Resolves when stderr contains `text`. */
  waitForStderr(text: string | RegExp): Promise<string>
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>
}

/** Starts `papershelf serve` on a library; rejects with its output when it exits instead. */
export function startServe(library: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [
    PAPERSHELF_BIN,
    'serve',
    '--port',
    '0',
    '--library',
    library,
  ])
  let out = ''
  let err = ''
  const waiters = new Set<() => void>()
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
    for (const waiter of waiters) waiter()
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'))
      if (!line) return
      const url = new URL(line.trim())
      resolve({
        child,
        url: url.href,
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        stderr: () => err,
        waitForStderr: (text) =>
          new Promise((found) => {
            const check = (): void => {
              const hit = typeof text === 'string' ? err.includes(text) : text.test(err)
              if (hit) found(err)
            }
            waiters.add(check)
            check()
          }),
        stop: async () => {
          child.kill('SIGTERM')
          await exited
        },
      })
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}${err}`)))
  })
}

/** The peak resident memory a process has reached (Linux `VmHWM`), or null once it is gone. */
function peakRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]
    return kb === undefined ? null : Number(kb) * 1024
  } catch {
    return null
  }
}

/**
 * Follows a process's peak resident memory (read every 20 ms from /proc, so the last instants
 * before it exits may be missed); `stop` ends the watch and returns the peak in bytes.
 */
export function watchPeakRss(pid: () => number | undefined): { stop(): number } {
  let peak = 0
  const poll = setInterval(() => {
    const id = pid()
    if (id !== undefined) peak = Math.max(peak, peakRssBytes(id) ?? 0)
  }, 20)
  return {
    stop: () => {
      clearInterval(poll)
      return peak
    },
  }
}

/** Runs the built `papershelf` like `papershelf()`, following its peak resident memory. */
export async function papershelfMeasured(
  args: string[],
): Promise<ProcessResult & { peakRssBytes: number }> {
  let pid: number | undefined
  const result = papershelf(args, {}, undefined, (child) => (pid = child.pid))
  const watch = watchPeakRss(() => pid)
  try {
    return { ...(await result), peakRssBytes: watch.stop() }
  } finally {
    watch.stop()
  }
}
