import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createWorkerClient, reviveAppError } from '../workers/worker-client'
import {
  parseJobSize,
  runParseJob,
  type ParseArgs,
  type ParseJob,
  type ParseResult,
} from './parse-jobs'
import type { ParseWorkerRequest } from './parse-worker'

/** A parse may take this long (a 48 MB BibTeX file takes minutes). */
const PARSE_TIMEOUT_MS = 15 * 60_000
/**
 * Inputs smaller than this are parsed where they arrive: a pasted list, a small file or a short
 * page takes a few milliseconds (BibTeX, the slowest, about 15 ms per 32 KB).
 */
const INLINE_BELOW = 32 * 1024

/** Runs parse jobs (see `PARSE_JOBS`) in the parse thread. */
export type ParseThread = {
  run: <J extends ParseJob>(job: J, args: ParseArgs<J>, what: string) => Promise<ParseResult<J>>
  close(): Promise<void>
}

/**
 * Parses small inputs at once and larger ones in the parse thread (started on first use);
 * errors come back as the AppErrors the parsers threw.
 */
export function createParseThread(options: { inlineBelow?: number } = {}): ParseThread {
  const inlineBelow = options.inlineBelow ?? INLINE_BELOW
  const client = createWorkerClient<ParseWorkerRequest>({
    name: 'parse-worker',
    sourceDir: dirname(fileURLToPath(import.meta.url)),
    label: 'parse thread',
    revive: reviveAppError,
  })
  return {
    run: async (job, args, what) => {
      if (parseJobSize(args) < inlineBelow) return runParseJob(job, args)
      return client.request({ job, args }, PARSE_TIMEOUT_MS, what)
    },
    close: () => client.close(),
  }
}
