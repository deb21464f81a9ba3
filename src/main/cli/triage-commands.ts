import type { PaperListRow } from '@shared/api/library-ui'
import { MAX_ROW_WINDOW } from '@shared/api/library-ui'
import {
  TRIAGE_ACTION_TARGET,
  type ArrivalRule,
  type RuleAction,
  type TriageAction,
} from '@shared/api/triage-api'
import type { SourceId } from '@shared/model/ids'
import { UsageError } from './cli-io'
import { print, resolvePapers, type Command, type CommandContext } from './command'
import { paperLine } from './format-paper'

/** The source `--source S` or a positional names: its number, or the start of its name. */
async function resolveSource(ctx: CommandContext, ref: string): Promise<SourceId> {
  const sources = await ctx.api.listSources({})
  const byNumber = sources.find((source) => String(source.id) === ref.trim())
  if (byNumber) return byNumber.id
  const named = sources.filter((source) =>
    source.name.toLowerCase().startsWith(ref.trim().toLowerCase()),
  )
  if (named.length === 1 && named[0]) return named[0].id
  throw new UsageError(
    named.length === 0
      ? `there is no source "${ref}" (see \`papershelf sources list\`)`
      : `"${ref}" names ${named.length} sources; give its number`,
  )
}

/** Every row of a view, a window at a time. */
async function allRows(
  ctx: CommandContext,
  view: 'inbox' | 'trash',
  sourceId: SourceId | undefined,
): Promise<PaperListRow[]> {
  const rows: PaperListRow[] = []
  for (;;) {
    const page = await ctx.api.listPaperRows({
      view,
      sourceId,
      sort: 'added',
      limit: MAX_ROW_WINDOW,
      offset: rows.length,
    })
    rows.push(...page.rows)
    if (page.rows.length < MAX_ROW_WINDOW) return rows
  }
}

/** A list row in the shape of `list`'s lines and JSON (without abstract and note). */
const rowLine = (row: PaperListRow) => paperLine({ ...row, abstract: null, note: null })
const rowJson = (row: PaperListRow) => {
  const { id, arxivId, doi, title, authors, authorCount, organization, publishedAt } = row
  const { upvotes, tags, status, starred, addedAt } = row
  const fields = { id, arxivId, doi, title, authors, authorCount, organization, publishedAt }
  return { ...fields, upvotes, tags, status, starred, addedAt }
}

const DONE: Record<TriageAction, string> = {
  keep: 'Kept',
  dismiss: 'Dismissed',
  delete: 'Moved to the trash',
  undelete: 'Restored',
}

const triage =
  (action: TriageAction): Command['run'] =>
  async (ctx) => {
    const all = ctx.flags['all-in-inbox'] === true
    if (all && ctx.args.length > 0) throw new UsageError('give papers or --all-in-inbox, not both')
    if (!all && ctx.args.length === 0) {
      throw new UsageError('name the papers (number, arXiv id or DOI), or give --all-in-inbox')
    }
    const sourceId =
      ctx.flags.source === undefined ? undefined : await resolveSource(ctx, ctx.flags.source)
    if (sourceId !== undefined && !all) throw new UsageError('--source goes with --all-in-inbox')
    const result = all
      ? await ctx.api.triagePapers({ action, allInInbox: true, sourceId })
      : await ctx.api.triagePapers({ action, ids: await resolvePapers(ctx) })
    const target = TRIAGE_ACTION_TARGET[action]
    return print(ctx, result, () =>
      result.changed === 0
        ? `Nothing to do: the papers are already ${target === 'library' ? 'in the library' : target}.`
        : `${DONE[action]}: ${result.changed} paper${result.changed === 1 ? '' : 's'}.`,
    )
  }

function ruleLine(rule: ArrivalRule): string {
  const outcome = rule.action === 'tag' ? `tag ${rule.tag ?? ''}` : rule.action
  return `${String(rule.id).padStart(4)}  ${rule.sourceName} (#${rule.sourceId}): '${rule.query}' → ${outcome}`
}

/** The action `rules add` was given: exactly one of --tag T, --keep, --dismiss, --star. */
function ruleActionOf(ctx: CommandContext): { action: RuleAction; tag?: string } {
  const chosen: Array<{ action: RuleAction; tag?: string }> = []
  if (ctx.flags.tag.length > 1) throw new UsageError('a rule adds one --tag')
  const [tag] = ctx.flags.tag
  if (tag !== undefined) chosen.push({ action: 'tag', tag })
  if (ctx.flags.keep) chosen.push({ action: 'keep' })
  if (ctx.flags.dismiss) chosen.push({ action: 'dismiss' })
  if (ctx.flags.star) chosen.push({ action: 'star' })
  const [only, ...more] = chosen
  if (!only || more.length > 0) {
    throw new UsageError('give one action: --tag T, --keep, --dismiss or --star')
  }
  return only
}

const rulesCommand: Command['run'] = async (ctx) => {
  const [verb, ...rest] = ctx.args
  switch (verb) {
    case 'add': {
      const [source, ...words] = rest
      const query = words.join(' ').trim()
      if (source === undefined || query === '') {
        throw new UsageError("give the source and the query: rules add <source> '<query>' --keep")
      }
      const sourceId = await resolveSource(ctx, source)
      const rule = await ctx.api.addArrivalRule({ sourceId, query, ...ruleActionOf(ctx) })
      const preview = await ctx.api.previewArrivalRule({ sourceId, query, limit: 0 })
      return print(ctx, { ...rule, wouldMatch: preview.matched }, () =>
        [
          `Added rule ${rule.id}: ${ruleLine(rule).trim()}`,
          `It would match ${preview.matched} paper${preview.matched === 1 ? '' : 's'} the source already brought.`,
        ].join('\n'),
      )
    }
    case 'list': {
      const sourceId =
        ctx.flags.source === undefined ? undefined : await resolveSource(ctx, ctx.flags.source)
      const rules = await ctx.api.listArrivalRules({ sourceId })
      return print(ctx, rules, () =>
        rules.length === 0 ? 'No rules yet.' : rules.map(ruleLine).join('\n'),
      )
    }
    case 'remove': {
      const id = Number(rest[0])
      if (!Number.isInteger(id) || id < 1) {
        throw new UsageError('give the number of the rule to remove (see `papershelf rules list`)')
      }
      const result = await ctx.api.removeArrivalRule({ id })
      return print(ctx, result, () => `Removed rule ${id}.`)
    }
    default:
      throw new UsageError(`rules takes add, list or remove, not "${verb ?? ''}"`)
  }
}

/** Triage commands: the inbox, keep/dismiss/delete, the trash, forgetting, arrival rules. */
export const TRIAGE_COMMANDS: Record<string, Command> = {
  inbox: {
    usage: 'inbox [--source S]',
    summary: 'the papers that arrived from followed sources and wait to be kept or dismissed',
    run: async (ctx) => {
      const sourceId =
        ctx.flags.source === undefined ? undefined : await resolveSource(ctx, ctx.flags.source)
      const rows = await allRows(ctx, 'inbox', sourceId)
      return print(ctx, rows.map(rowJson), () =>
        rows.length === 0
          ? 'The inbox is empty.'
          : [...rows.map(rowLine), `(${rows.length} in the inbox)`].join('\n'),
      )
    },
  },
  keep: {
    usage: 'keep <paper>... | --all-in-inbox [--source S]',
    summary: 'move papers from the inbox to the library',
    run: triage('keep'),
  },
  dismiss: {
    usage: 'dismiss <paper>... | --all-in-inbox [--source S]',
    summary: 'hide papers everywhere but the Dismissed view; no sync brings them back',
    run: triage('dismiss'),
  },
  delete: {
    usage: 'delete <paper>... | --all-in-inbox [--source S]',
    summary: 'move papers to the trash with their PDF, annotations and note',
    run: triage('delete'),
  },
  undelete: {
    usage: 'undelete <paper>...',
    summary: 'bring papers back from the trash (or from Dismissed) into the library',
    run: triage('undelete'),
  },
  trash: {
    usage: 'trash [--empty]',
    summary:
      'the papers in the trash; --empty deletes their data and PDFs, keeping only their identity',
    run: async (ctx) => {
      if (ctx.flags.empty) {
        const result = await ctx.api.emptyTrash({})
        return print(
          ctx,
          result,
          () =>
            `Emptied the trash: ${result.changed} paper${result.changed === 1 ? '' : 's'}, ${result.freedBytes} bytes of PDFs freed.`,
        )
      }
      const rows = await allRows(ctx, 'trash', undefined)
      return print(ctx, rows.map(rowJson), () =>
        rows.length === 0
          ? 'The trash is empty.'
          : [...rows.map(rowLine), `(${rows.length} in the trash)`].join('\n'),
      )
    },
  },
  forget: {
    usage: 'forget <paper>...',
    summary: 'forget dismissed or deleted papers entirely (a later sync may bring them back)',
    run: async (ctx) => {
      if (ctx.args.length === 0) throw new UsageError('name the papers to forget')
      const result = await ctx.api.forgetPapers({ ids: await resolvePapers(ctx) })
      return print(
        ctx,
        result,
        () => `Forgot ${result.changed} paper${result.changed === 1 ? '' : 's'}.`,
      )
    },
  },
  rules: {
    usage:
      "rules add <source> '<query>' --tag T|--keep|--dismiss|--star | rules list [--source S] | rules remove <id>",
    summary:
      'arrival rules: what happens to a paper from a source when it arrives and matches the query',
    run: rulesCommand,
  },
}
