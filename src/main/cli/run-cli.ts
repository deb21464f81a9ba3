import { homedir } from 'node:os'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { AppError } from '@shared/api/errors'
import { createClient } from '@shared/rpc/create-client'
import type { Transport } from '@shared/rpc/protocol'
import { createCore, type Core } from '../core/create-core'
import { resolveLibraryDir } from '../core/library-location'
import { inProcessTransport } from '../transport/in-process-transport'
import { findOwner } from '../owner/find-owner'
import { describeOwner } from '../owner/owner-lock'
import { ownerTransport } from '../owner/owner-transport'
import { UsageError, type CliIo } from './cli-io'
import { COMMANDS } from './commands'
import { refreshAutoExports, watchLibraryChanges } from './refresh-auto-exports'

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  format: { type: 'string' },
  tag: { type: 'string', multiple: true },
  status: { type: 'string' },
  starred: { type: 'boolean', default: false },
  sort: { type: 'string' },
  limit: { type: 'string' },
  to: { type: 'string' },
  before: { type: 'string' },
  after: { type: 'string' },
  date: { type: 'string' },
  week: { type: 'string' },
  month: { type: 'string' },
  since: { type: 'string' },
  from: { type: 'string' },
  max: { type: 'string' },
  all: { type: 'boolean', default: false },
  name: { type: 'string' },
  interval: { type: 'string' },
  source: { type: 'string' },
  'all-unread': { type: 'boolean', default: false },
  list: { type: 'string' },
  pdf: { type: 'boolean', default: false },
  untagged: { type: 'boolean', default: false },
  'unread-untagged': { type: 'boolean', default: false },
  inbox: { type: 'boolean', default: false },
  'keywords-as-tags': { type: 'boolean', default: false },
  threshold: { type: 'string' },
  off: { type: 'boolean', default: false },
  undo: { type: 'boolean', default: false },
  search: { type: 'string' },
  keywords: { type: 'boolean', default: false },
  abstracts: { type: 'boolean', default: false },
  style: { type: 'string' },
  pattern: { type: 'string' },
  reset: { type: 'boolean', default: false },
  revoke: { type: 'string' },
  'include-dismissed': { type: 'boolean', default: false },
  'all-in-inbox': { type: 'boolean', default: false },
  empty: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  dismiss: { type: 'boolean', default: false },
  star: { type: 'boolean', default: false },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options']

/** Runs the long-lived `serve` command on a library folder; resolves when it stops. */
export type ServeHook = (dataDir: string, port: number | undefined, io: CliIo) => Promise<void>

/** Runs one `papershelf` invocation; returns the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(
  argv: ReadonlyArray<string>,
  io: CliIo,
  serve?: ServeHook,
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`papershelf: ${(error as Error).message}\n${usage()}`)
    return 2
  }
  const [name, ...args] = parsed.positionals
  const { values } = parsed
  if (values.help || !name || name === 'help') {
    io.stdout(usage())
    return name || values.help ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command && name !== 'serve') {
    io.stderr(`papershelf: unknown command "${name}"\n${usage()}`)
    return 2
  }
  const dataDir = resolveLibraryDir({
    libraryFlag: values.library,
    env: io.env,
    platform: process.platform,
    homedir: homedir(),
    cwd: io.cwd,
  })
  let core: Core | undefined
  try {
    if (name === 'serve') {
      if (!serve) throw new UsageError('serve is not available in this build')
      await serve(dataDir, values.port === undefined ? undefined : parsePort(values.port), io)
      return 0
    }
    const chosen = command as NonNullable<typeof command>
    // While a long-running door owns the library, commands go through it: one writer per file.
    const owner = await findOwner(dataDir)
    if (!owner && !chosen.withoutLibrary) core = createCore({ dataDir })
    const transport = owner
      ? ownerTransport(owner)
      : core
        ? inProcessTransport(core)
        : closedLibraryTransport
    const api = createClient(transport)
    // An owner rewrites auto-exported files after changes; without one, this command does.
    const changes = core ? watchLibraryChanges(core.events) : undefined
    try {
      return await chosen.run({
        api,
        dataDir,
        subscribe: owner || core ? (listener) => transport.subscribe(listener) : undefined,
        owner: owner ? describeOwner(owner) : undefined,
        args,
        io,
        flags: { ...values, tag: values.tag ?? [] },
      })
    } finally {
      changes?.stop()
      if (changes?.changed()) await refreshAutoExports(api, io)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `papershelf ${name}: ${error.message}\nusage: papershelf ${COMMANDS[name]?.usage ?? name}\n`,
      )
      return 2
    }
    const message =
      error instanceof AppError || error instanceof Error ? error.message : String(error)
    io.stderr(`papershelf: ${message}\n`)
    return 1
  } finally {
    core?.close()
  }
}

/** The transport of a command that does not open the library: every call is refused. */
const closedLibraryTransport: Transport = {
  call: () =>
    Promise.resolve({
      ok: false,
      error: { code: 'internal', message: 'this command does not open the library' },
    }),
  subscribe: () => () => {},
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes 0–65535, not "${value}"`)
  }
  return port
}

function usage(): string {
  const lines = Object.values(COMMANDS).map(
    (c) => `  papershelf ${c.usage.padEnd(58)} ${c.summary}`,
  )
  return [
    'usage: papershelf <command> [--library DIR] [--json]',
    '',
    ...lines,
    `  papershelf ${'serve [--port N]'.padEnd(58)} open the library in a browser (127.0.0.1 only)`,
    '',
    '<paper> is a paper number, an arXiv id or URL, or a DOI.',
    "The library folder is --library DIR, else $PAPERSHELF_HOME, else the app's user-data folder.",
    '',
  ].join('\n')
}
