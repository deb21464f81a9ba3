import { resolve } from 'node:path'
import { AppError } from '@shared/api/errors'
import {
  CITE_STYLE_ALIASES,
  EXPORT_FORMATS,
  type AutoExport,
  type EditableField,
  type ExportFormat,
  type ExportScope,
  type MergeResult,
} from '@shared/api/curation-api'
import type { PaperId, SourceId } from '@shared/model/ids'
import { writeTextFileAtomic } from '../core/fs/write-atomic'
import { UsageError } from './cli-io'
import { oneOf, print, resolvePaper, type Command, type CommandContext } from './command'
import { paperJson, paperLine } from './format-paper'

const REASONS = {
  'arxiv-doi': 'arXiv DOI of the other',
  'same-title': 'same title',
  'similar-title': 'similar title, shared author',
} as const

/** Prints `text`, or writes it atomically to `--to FILE` and says so on stderr. */
export function writeOutput(ctx: CommandContext, text: string, what: string): number {
  if (ctx.flags.to === undefined) {
    ctx.io.stdout(text)
    return 0
  }
  const target = resolve(ctx.io.cwd, ctx.flags.to)
  writeTextFileAtomic(target, text)
  ctx.io.stderr(`Exported ${what} to ${target}.\n`)
  return 0
}

/** The papers named as arguments (numbers, arXiv ids, DOIs), in order. */
async function resolvePapers(ctx: CommandContext, refs: ReadonlyArray<string>): Promise<PaperId[]> {
  const ids: PaperId[] = []
  for (const ref of refs) ids.push(await resolvePaper({ ...ctx, args: [ref] }))
  return ids
}

/** The scope the flags name: papers, `--tag`, `--list`, `--search`, `--source`, else the library. */
async function scopeFromFlags(ctx: CommandContext): Promise<ExportScope> {
  const { flags } = ctx
  const named = [
    ctx.args.length > 0,
    flags.tag.length > 0,
    flags.list !== undefined,
    flags.search !== undefined,
    flags.source !== undefined,
  ].filter(Boolean).length
  if (named > 1) throw new UsageError('name one scope: papers, --tag, --list, --search or --source')
  if (ctx.args.length > 0) return { kind: 'papers', ids: await resolvePapers(ctx, ctx.args) }
  if (flags.tag.length > 1) throw new UsageError('export takes one --tag (its sub-tags come along)')
  const [tag] = flags.tag
  if (tag !== undefined) return { kind: 'tag', tag }
  if (flags.list !== undefined) {
    const lists = await ctx.api.listLists({})
    const list = lists.find(
      (l) => String(l.id) === flags.list || l.name.toLowerCase() === flags.list?.toLowerCase(),
    )
    if (!list) throw new AppError('not-found', `There is no list "${flags.list}".`)
    return { kind: 'list', listId: list.id }
  }
  if (flags.search !== undefined) {
    const searches = await ctx.api.listSavedSearches({})
    const saved = searches.find(
      (s) => String(s.id) === flags.search || s.name.toLowerCase() === flags.search?.toLowerCase(),
    )
    if (!saved) throw new AppError('not-found', `There is no saved search "${flags.search}".`)
    return { kind: 'savedSearch', id: saved.id }
  }
  if (flags.source !== undefined) {
    const id = Number(flags.source)
    if (!Number.isInteger(id) || id < 1) {
      throw new UsageError(`--source takes a source number, not "${flags.source}"`)
    }
    return { kind: 'source', sourceId: id as SourceId }
  }
  return { kind: 'library' }
}

/** `export --format bibtex|…`: a scope in a reference format. */
export async function exportPapersCommand(
  ctx: CommandContext,
  format: ExportFormat,
): Promise<number> {
  const result = await ctx.api.exportPapers({
    scope: await scopeFromFlags(ctx),
    format,
    options: { keywords: ctx.flags.keywords === true, abstracts: ctx.flags.abstracts === true },
  })
  if (ctx.flags.json) return print(ctx, result, () => '')
  return writeOutput(ctx, result.text, `${result.count} papers`)
}

/** A scope as one phrase: `tag llm`, `list 3`, `the library`. */
function scopeText(scope: AutoExport['scope']): string {
  switch (scope.kind) {
    case 'tag':
      return `tag ${scope.tag}`
    case 'list':
      return `list ${scope.listId}`
    case 'savedSearch':
      return `saved search ${scope.id}`
    case 'source':
      return `source ${scope.sourceId}`
    case 'papers':
      return `${scope.ids.length} papers`
    case 'library':
      return 'the library'
  }
}

function autoExportLine(kept: AutoExport): string {
  const state = kept.error
    ? `FAILED: ${kept.error}`
    : kept.writtenAt
      ? `written ${kept.writtenAt}`
      : 'not written yet'
  return `${kept.id}  ${kept.format} of ${scopeText(kept.scope)} → ${kept.path} (${state})`
}

/** `auto-export add|list|remove|run`: files kept as the export of a tag or list. */
async function autoExportCommand(ctx: CommandContext): Promise<number> {
  const [action, ...rest] = ctx.args
  if (action === 'add') {
    if (ctx.flags.to === undefined) throw new UsageError('auto-export add needs --to FILE')
    const scope = await scopeFromFlags({ ...ctx, args: rest })
    const format = oneOf('--format', ctx.flags.format, EXPORT_FORMATS) ?? 'bibtex'
    const kept = await ctx.api.addAutoExport({
      scope,
      format,
      path: resolve(ctx.io.cwd, ctx.flags.to),
      options: { keywords: ctx.flags.keywords === true, abstracts: ctx.flags.abstracts === true },
    })
    return print(
      ctx,
      kept,
      () =>
        `${autoExportLine(kept)}\nRewritten when its papers change: by the app or \`papershelf serve\` while one runs, else by the command that changed them.`,
    )
  }
  if (action === 'list' || action === undefined) {
    const kept = await ctx.api.listAutoExports({})
    return print(ctx, kept, () =>
      kept.length === 0 ? 'No auto-exports.' : kept.map(autoExportLine).join('\n'),
    )
  }
  if (action === 'remove') {
    const id = Number(rest[0])
    if (!Number.isInteger(id) || id < 1) {
      throw new UsageError(`give the number of an auto-export, not "${rest[0] ?? ''}"`)
    }
    const result = await ctx.api.removeAutoExport({ id })
    return print(ctx, result, () => `Auto-export ${id} stopped; its file stays.`)
  }
  if (action === 'run') {
    const runs = await ctx.api.runAutoExports({})
    print(ctx, runs, () =>
      runs.length === 0
        ? 'No auto-exports.'
        : runs
            .map((run) =>
              run.error
                ? `✗ ${run.path}: ${run.error}`
                : `✓ ${run.path}: ${run.count} papers${run.written ? '' : ' (unchanged)'}`,
            )
            .join('\n'),
    )
    return runs.some((run) => run.error !== null) ? 1 : 0
  }
  throw new UsageError(`auto-export takes add, list, remove or run, not "${action}"`)
}

/** The names `edit` takes for the editable fields. */
const EDIT_NAMES: Record<string, EditableField> = {
  title: 'title',
  authors: 'authors',
  date: 'publishedAt',
  venue: 'venue',
  doi: 'doi',
  arxiv: 'arxivId',
  abstract: 'abstract',
}

function editField(name: string): EditableField {
  const field = EDIT_NAMES[name.toLowerCase()]
  if (!field) {
    throw new UsageError(
      `edit takes ${Object.keys(EDIT_NAMES).join(', ')} (as name=value), not "${name}"`,
    )
  }
  return field
}

/** `edit <paper> name=value... | edit <paper> --reset [name...]`: corrections a sync keeps. */
async function editCommand(ctx: CommandContext): Promise<number> {
  const id = await resolvePaper(ctx)
  const pairs = ctx.args.slice(1)
  if (ctx.flags.reset === true) {
    const fields = pairs.map(editField)
    const paper = await ctx.api.revertPaperMetadata({
      id,
      ...(fields.length > 0 ? { fields } : {}),
    })
    return print(ctx, paper, () => `#${id} shows what its sources say again.`)
  }
  if (pairs.length === 0) throw new UsageError('give name=value pairs, or --reset')
  const patch: Record<string, unknown> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at < 1) throw new UsageError(`give name=value, not "${pair}"`)
    const field = editField(pair.slice(0, at))
    const value = pair.slice(at + 1)
    patch[field] =
      field === 'authors'
        ? value
            .split(';')
            .map((name) => name.trim())
            .filter((name) => name !== '')
        : field === 'title' || value.trim() !== ''
          ? value
          : null
  }
  const paper = await ctx.api.editPaperMetadata({ id, fields: patch })
  return print(
    ctx,
    paper,
    () => `#${id} edited (${paper.editedFields.join(', ')}); a sync keeps your values.`,
  )
}

/** `cite`, `citekey`: references and citation keys. */
export const CURATION_COMMANDS: Record<string, Command> = {
  edit: {
    usage:
      'edit <paper> title=… authors="A; B" date=YYYY[-MM[-DD]] venue=… doi=… arxiv=… abstract=… | edit <paper> --reset [name...]',
    summary:
      "correct a paper's metadata (kept through syncs); --reset puts the sources' values back",
    run: editCommand,
  },
  'auto-export': {
    usage: `auto-export add --tag T|--list L --to FILE [--format ${EXPORT_FORMATS.join('|')}] [--keywords] [--abstracts] | auto-export list | auto-export remove <id> | auto-export run`,
    summary:
      'keep a .bib (or other export) file in step with a tag or list; rewritten whenever its papers change',
    run: autoExportCommand,
  },
  cite: {
    usage: `cite <paper>... [--style ${Object.keys(CITE_STYLE_ALIASES).join('|')}]`,
    summary: 'print formatted references (APA by default)',
    run: async (ctx) => {
      if (ctx.args.length === 0) throw new UsageError('name the papers to cite')
      const style = ctx.flags.style ?? 'apa'
      if (!Object.hasOwn(CITE_STYLE_ALIASES, style.toLowerCase())) {
        throw new UsageError(
          `--style takes one of ${Object.keys(CITE_STYLE_ALIASES).join(', ')}, not "${style}"`,
        )
      }
      const citations = await ctx.api.citePapers({ ids: await resolvePapers(ctx, ctx.args), style })
      return print(ctx, citations, () => citations.map((c) => c.text).join('\n'))
    },
  },
  citekey: {
    usage: 'citekey <paper> [KEY|--reset] | citekey --pattern PATTERN',
    summary:
      "show or set a paper's citation key, or the pattern new keys follow ([auth][year][shorttitle])",
    run: async (ctx) => {
      if (ctx.flags.pattern !== undefined) {
        const result = await ctx.api.setCitationKeyPattern({ pattern: ctx.flags.pattern })
        return print(ctx, result, () => `New citation keys follow ${result.pattern}.`)
      }
      const id = await resolvePaper(ctx)
      const wanted = ctx.args[1]
      if (wanted === undefined && ctx.flags.reset !== true) {
        const [citation] = await ctx.api.citePapers({ ids: [id] })
        return print(ctx, { key: citation?.key }, () => citation?.key ?? '')
      }
      const result = await ctx.api.setCitationKey({
        id,
        key: ctx.flags.reset === true ? null : (wanted ?? null),
      })
      return print(ctx, result, () => `#${id} is cited as ${result.key}.`)
    },
  },
  duplicates: {
    usage: 'duplicates',
    summary: 'list pairs of papers that look like one work (merge them with merge)',
    run: async (ctx) => {
      const pairs = await ctx.api.listDuplicates({})
      return print(
        ctx,
        pairs.map((pair) => ({ ...pair, papers: pair.papers.map(paperJson) })),
        () =>
          pairs.length === 0
            ? 'No duplicates found.'
            : pairs
                .map(
                  (pair) =>
                    `${REASONS[pair.reason]} (${Math.round(pair.similarity * 100)}%):\n${pair.papers
                      .map((paper) => `  ${paperLine(paper)}`)
                      .join('\n')}`,
                )
                .join('\n'),
      )
    },
  },
  merge: {
    usage: 'merge <paper> <other>...',
    summary:
      'merge the other papers into the first (tags, lists, notes, PDFs, identities); unmerge undoes it',
    run: async (ctx) => {
      if (ctx.args.length < 2) {
        throw new UsageError('name the paper to keep and at least one to merge into it')
      }
      const [keep, ...merge] = await resolvePapers(ctx, ctx.args)
      if (keep === undefined) throw new UsageError('name the paper to keep')
      const result = await ctx.api.mergePapers({ keep, merge })
      return print(
        ctx,
        result,
        () =>
          `Merged ${result.mergedIds.map((id) => `#${id}`).join(', ')} into #${result.survivorId} (undo: papershelf unmerge ${result.mergedIds.join(' ')}).`,
      )
    },
  },
  unmerge: {
    usage: 'unmerge <merged-paper-number>...',
    summary: 'split merged papers again, as they were when merged',
    run: async (ctx) => {
      if (ctx.args.length === 0) {
        throw new UsageError('give the number of a paper that was merged away')
      }
      const results: MergeResult[] = []
      for (const arg of ctx.args) {
        const id = Number(arg)
        if (!Number.isInteger(id) || id < 1) {
          throw new UsageError(`give a paper number, not "${arg}"`)
        }
        results.push(await ctx.api.unmergePaper({ mergedId: id }))
      }
      return print(ctx, results, () =>
        results
          .map((r) => `#${r.mergedIds.join(', #')} split from #${r.survivorId} again.`)
          .join('\n'),
      )
    },
  },
}
