import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import { AppError } from '@shared/api/errors'
import type { PaperId } from '@shared/model/ids'
import { UsageError, type CliIo } from './cli-io'

/** What a command gets: the API, parsed flags and positionals, and the streams. */
export type CommandContext = {
  api: LibraryApi
  /** The library folder (commands marked `withoutLibrary` work on its files directly). */
  dataDir: string
  args: ReadonlyArray<string>
  flags: CliFlags
  io: CliIo
  /** The process that owns the library, when the command runs through it (`api` then reaches it). */
  owner?: string | undefined
  /** Core events (sync progress), when the library is open here or in its owner. */
  subscribe?: ((listener: (event: AppEventEnvelope) => void) => () => void) | undefined
}

/** Every flag the CLI knows (each command uses some). */
export type CliFlags = {
  json: boolean
  format?: string | undefined
  tag: string[]
  status?: string | undefined
  starred: boolean
  sort?: string | undefined
  limit?: string | undefined
  to?: string | undefined
  before?: string | undefined
  after?: string | undefined
  date?: string | undefined
  week?: string | undefined
  month?: string | undefined
  since?: string | undefined
  from?: string | undefined
  max?: string | undefined
  all?: boolean | undefined
  name?: string | undefined
  interval?: string | undefined
  source?: string | undefined
  'all-unread'?: boolean | undefined
  list?: string | undefined
  pdf?: boolean | undefined
  untagged?: boolean | undefined
  'unread-untagged'?: boolean | undefined
  inbox?: boolean | undefined
  'keywords-as-tags'?: boolean | undefined
  threshold?: string | undefined
  off?: boolean | undefined
  undo?: boolean | undefined
  search?: string | undefined
  keywords?: boolean | undefined
  abstracts?: boolean | undefined
  style?: string | undefined
  pattern?: string | undefined
  reset?: boolean | undefined
  revoke?: string | undefined
  'include-dismissed'?: boolean | undefined
  'all-in-inbox'?: boolean | undefined
  empty?: boolean | undefined
  keep?: boolean | undefined
  dismiss?: boolean | undefined
  star?: boolean | undefined
}

/** A command: its usage line and what it does; returns the exit code. */
export type Command = {
  usage: string
  summary: string
  run: (ctx: CommandContext) => Promise<number>
  /** Works on the library's files without opening it (backup, restore: also for a damaged library); `api` then refuses calls. */
  withoutLibrary?: boolean
}

/** Prints `value` as JSON under `--json`, else the text; returns exit code 0. */
export function print(ctx: CommandContext, value: unknown, text: () => string): number {
  ctx.io.stdout(ctx.flags.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`)
  return 0
}

/** The papers the first argument names; a helpful error when none. */
export async function resolvePaper(ctx: CommandContext): Promise<PaperId> {
  const ref = ctx.args[0]
  if (!ref) throw new UsageError('name a paper: its number, arXiv id or DOI')
  const paper = await ctx.api.findPaper({ ref })
  if (!paper) {
    throw new AppError('not-found', `No paper matches "${ref}" (give its number, arXiv id or DOI).`)
  }
  return paper.id
}

/** Every paper the positionals name (numbers, arXiv ids, DOIs). */
export async function resolvePapers(ctx: CommandContext): Promise<PaperId[]> {
  const ids: PaperId[] = []
  for (const ref of ctx.args) ids.push(await resolvePaper({ ...ctx, args: [ref] }))
  return ids
}

/** A `--limit` value as a positive integer. */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`--limit takes a positive whole number, not "${value}"`)
  }
  return limit
}

/** A flag value that must be one of `allowed`. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: ReadonlyArray<T>,
): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as ReadonlyArray<string>).includes(value)) {
    throw new UsageError(`${flag} takes one of ${allowed.join(', ')}, not "${value}"`)
  }
  return value as T
}
