import type { AppEventEnvelope } from '@shared/api/events'
import type { SourceSummary, SyncKind, SyncParams, SyncRun } from '@shared/model/sync-source'
import { SYNC_KINDS } from '@shared/model/sync-source'
import { parseArxivId, sourceIdSchema } from '@shared/model/ids'
import { UsageError } from './cli-io'
import { oneOf, print, resolvePapers, type Command, type CommandContext } from './command'

/** Builds a kind's parameters from the command line (`<query>`, `<url>`, `--date` …). */
function paramsFrom(ctx: CommandContext, kind: SyncKind, args: ReadonlyArray<string>): SyncParams {
  const { flags } = ctx
  const rest = args.join(' ').trim()
  switch (kind) {
    case 'hf-daily': {
      if (rest !== '') {
        throw new UsageError(
          `hf-daily takes --date, --since, --week, --month or --from/--to, not "${rest}"`,
        )
      }
      const params: Record<string, string> = {}
      for (const key of ['date', 'since', 'week', 'month', 'from', 'to'] as const) {
        const value = flags[key]
        if (value !== undefined) params[key] = value
      }
      return params
    }
    case 'hf-search':
      if (rest === '') throw new UsageError('give a search query')
      return { query: rest }
    case 'arxiv': {
      if (rest === '') {
        throw new UsageError('give an arXiv search_query (e.g. cat:cs.CL AND ti:diffusion) or ids')
      }
      const max = flags.max === undefined ? undefined : positiveInt('--max', flags.max)
      const ids = args.every((arg) => parseArxivId(arg) !== null)
      return ids
        ? { ids: args.map((a) => a.replace(/^arxiv:/i, '')), ...(max ? { max } : {}) }
        : { query: rest, ...(max ? { max } : {}) }
    }
    case 'feed':
    case 'awesome':
      if (args.length !== 1) {
        throw new UsageError(`give the ${kind === 'feed' ? 'feed' : 'list'} address`)
      }
      return { url: args[0] }
  }
}

function positiveInt(flag: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`${flag} takes a positive whole number, not "${value}"`)
  }
  return number
}

function kindArg(value: string | undefined): SyncKind {
  const kind = oneOf('the kind', value, SYNC_KINDS)
  if (!kind) throw new UsageError(`give a kind: ${SYNC_KINDS.join(', ')}`)
  return kind
}

/** One line per finished run: what it did, or why it failed. */
export function runLine(name: string, run: SyncRun): string {
  const counts = `${run.added} added, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed} failed (${run.pages} page${run.pages === 1 ? '' : 's'})`
  if (run.status === 'ok') {
    return `✓ ${name}: ${counts}${run.stale ? ' — stale: the same papers as last time' : ''}`
  }
  if (run.status === 'cancelled') return `✗ ${name}: cancelled after ${counts}`
  if (run.status === 'interrupted') {
    return `✗ ${name}: interrupted (its process stopped) after ${counts}`
  }
  return `✗ ${name}: FAILED — ${run.error ?? 'unknown error'}\n  kept what came before the failure: ${counts}`
}

function sourceLine(source: SourceSummary): string {
  const last = source.lastRun
  const state = source.enabled
    ? source.intervalMinutes
      ? `every ${source.intervalMinutes} min`
      : 'on demand'
    : 'disabled'
  const lastText = last
    ? `last run ${last.status}${last.status === 'failed' ? ` (${last.error ?? ''})` : ''}: +${last.added} ~${last.updated} =${last.unchanged} !${last.failed}`
    : 'never synced'
  return [
    `${String(source.id).padStart(4)}  ${source.kind.padEnd(9)} ${source.name}`,
    `      ${source.paperCount} papers, ${source.inboxCount} in the inbox, ${state}, last good sync ${source.lastGoodSyncAt ?? 'never'}; ${lastText}`,
  ].join('\n')
}

/** A run's line: a good run on stdout, a failed or cancelled one on stderr (cron mails it). */
function report(ctx: CommandContext, run: SyncRun, line: string): void {
  if (run.status === 'ok') ctx.io.stdout(`${line}\n`)
  else ctx.io.stderr(`${line}\n`)
}

/** Shows a live progress line per source on a terminal; returns the function that clears it. */
function showProgress(ctx: CommandContext): () => void {
  if (ctx.flags.json || !process.stderr.isTTY || !ctx.subscribe) return () => {}
  let shown = false
  const stop = ctx.subscribe((event: AppEventEnvelope) => {
    if (event.type !== 'sync.progress') return
    const { done, total, message } = event.payload
    const text = `${message}${total ? ` (${done}/${total})` : ''}`.slice(
      0,
      (process.stderr.columns || 100) - 1,
    )
    process.stderr.write(`\r\u001b[2K${text}`)
    shown = true
  })
  return () => {
    stop()
    if (shown) process.stderr.write('\r\u001b[2K')
  }
}

async function syncAll(
  ctx: CommandContext,
  sources: ReadonlyArray<SourceSummary>,
): Promise<number> {
  const clear = showProgress(ctx)
  const results: Array<{ source: SourceSummary; run: SyncRun }> = []
  try {
    for (const source of sources) {
      const run = await ctx.api.syncSource({ id: source.id })
      results.push({ source, run })
      if (!ctx.flags.json) {
        clear()
        report(ctx, run, runLine(source.name, run))
      }
    }
  } finally {
    clear()
  }
  if (ctx.flags.json) {
    ctx.io.stdout(
      `${JSON.stringify(
        results.map((r) => r.run),
        null,
        2,
      )}\n`,
    )
  }
  if (sources.length === 0 && !ctx.flags.json) {
    ctx.io.stdout('No enabled sources to sync. Add one with `papershelf sources add`.\n')
  }
  return results.some((r) => r.run.status !== 'ok') ? 1 : 0
}

async function syncOnce(ctx: CommandContext, kind: SyncKind): Promise<number> {
  const params = paramsFrom(ctx, kind, ctx.args.slice(1))
  const clear = showProgress(ctx)
  let run: SyncRun
  try {
    run = await ctx.api.syncOnce({ kind, params, tags: ctx.flags.tag })
  } finally {
    clear()
  }
  if (ctx.flags.json) print(ctx, run, () => '')
  else report(ctx, run, runLine(`${kind} ${JSON.stringify(params)}`, run))
  return run.status === 'ok' ? 0 : 1
}

/** The source, sync and resolve commands. */
export const SOURCES_COMMANDS: Record<string, Command> = {
  sources: {
    usage:
      'sources add <kind> <query|url> [--date D|--since D|--week W|--month M|--from D --to D] [--max N] [--name N] [--tag T]... [--interval MIN] | sources list | sources remove <id>',
    summary: `follow lists (${SYNC_KINDS.join(', ')}), list them with their last sync, or stop following one`,
    run: async (ctx) => {
      const [action, ...rest] = ctx.args
      if (action === 'list' || action === undefined) {
        const sources = await ctx.api.listSources({})
        return print(ctx, sources, () =>
          sources.length === 0
            ? 'No sources yet. Add one with `papershelf sources add`.'
            : sources.map(sourceLine).join('\n'),
        )
      }
      if (action === 'add') {
        const kind = kindArg(rest[0])
        const params = paramsFrom(ctx, kind, rest.slice(1))
        const interval =
          ctx.flags.interval === undefined
            ? undefined
            : positiveInt('--interval', ctx.flags.interval)
        const source = await ctx.api.addSource({
          kind,
          params,
          ...(ctx.flags.name ? { name: ctx.flags.name } : {}),
          ...(ctx.flags.tag.length > 0 ? { tags: ctx.flags.tag } : {}),
          ...(interval !== undefined ? { intervalMinutes: interval } : {}),
        })
        return print(
          ctx,
          source,
          () =>
            `Following source ${source.id}: ${source.name}. Sync it with \`papershelf sync ${source.id}\`.`,
        )
      }
      if (action === 'remove') {
        const id = sourceIdSchema.safeParse(Number(rest[0]))
        if (!id.success) {
          throw new UsageError(
            'give the number of the source to remove (see `papershelf sources list`)',
          )
        }
        const result = await ctx.api.removeSource({ id: id.data })
        return print(
          ctx,
          result,
          () => `Stopped following source ${id.data}; its papers stay in the library.`,
        )
      }
      throw new UsageError(`sources takes add, list or remove, not "${action}"`)
    },
  },
  sync: {
    usage:
      'sync [<source-id>|--all] | sync hf-daily [--date D|--since D|--week W|--month M|--from D --to D] | sync hf-search <q> | sync arxiv <query> [--max N] | sync feed <url> | sync awesome <url>',
    summary:
      'sync followed sources (all enabled ones by default), or a list once without following it',
    run: async (ctx) => {
      const [first] = ctx.args
      if (first !== undefined && (SYNC_KINDS as ReadonlyArray<string>).includes(first)) {
        return syncOnce(ctx, first as SyncKind)
      }
      const sources = await ctx.api.listSources({})
      if (first === undefined || ctx.flags.all) {
        return syncAll(
          ctx,
          sources.filter((s) => s.enabled),
        )
      }
      const id = sourceIdSchema.safeParse(Number(first))
      if (!id.success) {
        throw new UsageError(
          `give a source number, --all, or a kind (${SYNC_KINDS.join(', ')}), not "${first}"`,
        )
      }
      const source = sources.find((s) => s.id === id.data)
      if (!source) {
        throw new UsageError(`there is no source ${first} (see \`papershelf sources list\`)`)
      }
      return syncAll(ctx, [source])
    },
  },
  resolve: {
    usage: 'resolve [<paper>...]',
    summary:
      'fill in papers known only by title, arXiv id or DOI (arXiv, Crossref, DataCite; titles only on exact, unambiguous matches); named papers are looked up again',
    run: async (ctx) => {
      const report = await ctx.api.resolvePapers(
        ctx.args.length > 0 ? { ids: await resolvePapers(ctx) } : {},
      )
      print(ctx, report, () =>
        [
          `Resolved ${report.resolved.length}, unresolved ${report.unresolved.length}.`,
          ...report.resolved.map(
            (r) => `  ✓ #${r.paperId} →${r.arxivId ? ` arXiv:${r.arxivId}` : ''} ${r.title ?? ''}`,
          ),
          ...report.unresolved.map((r) => `  ✗ #${r.paperId} ${r.title ?? ''} — ${r.reason}`),
        ].join('\n'),
      )
      return 0
    },
  },
}
