import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ResourceLimits } from 'node:worker_threads'
import { createWorkerClient, reviveAppError } from '../workers/worker-client'
import type { ParseArgs, ParseJob, ParseResult } from './parse-jobs'
import type { ParseWorkerRequest } from './parse-worker'

/** A parse may take this long (a 48 MB BibTeX file takes minutes). */
const PARSE_TIMEOUT_MS = 15 * 60_000
/**
 * Inputs smaller than this are parsed where they arrive: a pasted list, a small file or a short
 * page takes a few milliseconds (BibTeX, the slowest, about 15 ms per 32 KB).
 */
const INLINE_BELOW = 32 * 1024
/**
 * The parse thread's heap cap. Streamed files pass a few megabytes at a time; a whole-file
 * format at the import cap needs a few hundred MB. Past the cap the thread dies alone, with a
 * clear error, instead of taking the process (and the machine) with it.
 */
const PARSE_HEAP_MB = 2048
/**
 * The heap of the thread that reads streamed files. Day to day it holds a chunk of half a
 * megabyte and its drafts; the cap leaves room for one record of up to 48 MB
 * (`MAX_RECORD_CHARS`: as UTF-16, its copies and its parse, several hundred MB), because V8 ends
 * the whole process, not the thread, when one allocation overshoots the cap. A small young
 * generation keeps the thread's garbage, and so the process's memory, low.
 */
export const STREAM_PARSE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 1024,
  maxYoungGenerationSizeMb: 16,
}

/** Runs parse jobs (see `PARSE_JOBS`) in the parse thread. */
export type ParseThread = {
  run: <J extends ParseJob>(job: J, args: ParseArgs<J>, what: string) => Promise<ParseResult<J>>
  close(): Promise<void>
}

/**
 * Parses small inputs at once and larger ones in the parse thread (started on first use);
 * errors come back as the AppErrors the parsers threw.
 */
export function createParseThread(
  options: { inlineBelow?: number; limits?: ResourceLimits } = {},
): ParseThread {
  const inlineBelow = options.inlineBelow ?? INLINE_BELOW
  const client = createWorkerClient<ParseWorkerRequest>({
    name: 'parse-worker',
    sourceDir: dirname(fileURLToPath(import.meta.url)),
    label: 'parse thread',
    revive: reviveAppError,
    resourceLimits: options.limits ?? { maxOldGenerationSizeMb: PARSE_HEAP_MB },
  })
  return {
    run: async (job, args, what) => {
      if (parseJobSize(args) < inlineBelow) {
        // The parsers and their libraries load on the first parse, not with the process: most
        // one-shot commands never parse.
        const { runParseJob } = await import('./parse-jobs')
        return runParseJob(job, args)
      }
      return client.request({ job, args }, PARSE_TIMEOUT_MS, what)
    },
    close: () => client.close(),
  }
}

/** How big a job's input is, to decide whether it is worth another thread (a file: always). */
function parseJobSize(args: ParseArgs<ParseJob>): number {
  if ('text' in args) return args.text.length
  if ('body' in args) return args.body.byteLength
  return Number.MAX_SAFE_INTEGER
}
