import { open, readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  IMPORT_FORMATS,
  MAX_IMPORT_CHARS,
  MAX_PAGE_SIZE,
  importFormatSchema,
} from '@shared/api/inputs'
import { PAPER_SORTS, READING_STATUSES } from '@shared/model/paper'
import { AppError } from '@shared/api/errors'
import type { ImportReport } from '@shared/api/library-api'
import { looksLikeLibraryDocument } from '@shared/api/library-document'
import { UsageError } from './cli-io'
import {
  oneOf,
  parseLimit,
  print,
  resolvePaper,
  type Command,
  type CommandContext,
} from './command'
import { paperDetailText, paperJson, paperLine, tagLine } from './format-paper'
import { listAll } from './list-all'
import { importLibraryDocumentCommand, TRUST_COMMANDS } from './trust-commands'
import { SOURCES_COMMANDS } from './sources-commands'
import { PDF_COMMANDS } from './pdf-commands'
import { ANNOTATION_COMMANDS } from './annotation-commands'
import { TOPICS_COMMANDS } from './topics-commands'
import { CURATION_COMMANDS } from './curation-commands'
import { BROWSER_COMMANDS } from './browser-commands'
import { TRIAGE_COMMANDS } from './triage-commands'
import { LIST_COMMANDS, resolveList } from './list-commands'

/** Reads standard input as strict UTF-8 (an import from a pipe; a file is streamed by the core). */
async function readStdinText(ctx: CommandContext): Promise<string> {
  const bytes = await ctx.io.readStdin()
  if (bytes.length > MAX_IMPORT_CHARS) {
    throw new AppError(
      'too-large',
      `standard input: ${bytes.length} bytes is more than an import from a pipe takes (${MAX_IMPORT_CHARS}); import the file by its name.`,
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError(
      'parse-error',
      'standard input: this is not a text file (it is not valid UTF-8).',
    )
  }
}

/** True when the file starts like a library document (`papershelf export`), read whole instead. */
async function isLibraryDocument(path: string): Promise<boolean> {
  const handle = await open(path)
  try {
    const head = Buffer.alloc(512)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return looksLikeLibraryDocument(head.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await handle.close()
  }
}

const setStatusCommand: Command['run'] = async (ctx) => {
  const value = oneOf('status', ctx.args[1], READING_STATUSES)
  if (!value) throw new UsageError(`give a status: ${READING_STATUSES.join(', ')}`)
  const id = await resolvePaper(ctx)
  const result = await ctx.api.setStatus({ ids: [id], status: value })
  return print(ctx, result, () => `#${id} is ${value}.`)
}

const setStar =
  (starred: boolean): Command['run'] =>
  async (ctx) => {
    const id = await resolvePaper(ctx)
    const result = await ctx.api.setStarred({ ids: [id], starred })
    return print(ctx, result, () => `#${id} ${starred ? 'starred' : 'unstarred'}.`)
  }

const editTags =
  (add: boolean): Command['run'] =>
  async (ctx) => {
    const id = await resolvePaper(ctx)
    const tags = ctx.args.slice(1)
    if (tags.length === 0) throw new UsageError('give at least one tag')
    const result = add
      ? await ctx.api.tagPapers({ ids: [id], tags })
      : await ctx.api.untagPapers({ ids: [id], tags })
    const paper = await ctx.api.getPaper({ id })
    return print(
      ctx,
      { ...result, tags: paper.tags },
      () => `#${id} tags: ${paper.tags.join(', ') || '(none)'}`,
    )
  }

/** Every CLI command by name. */
export const COMMANDS: Record<string, Command> = {
  import: {
    usage: `import <file|-> [--format ${IMPORT_FORMATS.join('|')}] [--tag TAG]... [--keywords-as-tags] [--inbox]`,
    summary:
      'import a file: copied Hugging Face page, ids, BibTeX, RIS, CSL-JSON, feed, awesome list',
    run: async (ctx) => {
      const path = ctx.args[0]
      if (!path) throw new UsageError('name the file to import, or - for standard input')
      const format = oneOf('--format', ctx.flags.format, importFormatSchema.options) ?? 'auto'
      const keywordsAsTags = ctx.flags['keywords-as-tags'] === true
      // new papers skip the inbox unless asked
      const inbox = ctx.flags.inbox === true
      let report: ImportReport
      if (path === '-') {
        const text = await readStdinText(ctx)
        if (looksLikeLibraryDocument(text)) {
          return importLibraryDocumentCommand(ctx, text, 'standard input')
        }
        report = await ctx.api.importText({
          text,
          format,
          sourceName: 'standard input',
          tags: ctx.flags.tag,
          keywordsAsTags,
          inbox,
        })
      } else {
        const file = resolve(ctx.io.cwd, path)
        const info = await stat(file).catch(() => null)
        if (!info?.isFile()) throw new AppError('not-found', `${file}: no such file.`)
        if (await isLibraryDocument(file)) {
          return importLibraryDocumentCommand(ctx, await readFile(file, 'utf8'), file)
        }
        // Streamed by the core, whatever the file's size.
        report = await ctx.api.importFile({
          path: file,
          format,
          tags: ctx.flags.tag,
          keywordsAsTags,
          inbox,
        })
      }
      const name = report.sourceName
      return print(ctx, report, () =>
        [
          `Imported ${name} (${report.format}): ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.refused.length} refused.`,
          ...report.refused.map(
            (r) =>
              `  refused${r.line === null ? '' : ` line ${r.line}`}: ${r.entry.slice(0, 80)} — ${r.reason}`,
          ),
        ].join('\n'),
      )
    },
  },
  list: {
    usage: `list [--tag TAG] [--list LIST] [--status ${READING_STATUSES.join('|')}] [--starred] [--sort ${PAPER_SORTS.join('|')}] [--limit N | --all] [--include-dismissed]`,
    summary:
      'list papers, newest first; a --list in its own order (--sort for-you: closest to what you kept first; --all streams every match)',
    run: async (ctx) => {
      if (ctx.flags.tag.length > 1) throw new UsageError('list takes one --tag')
      if (ctx.flags.all && ctx.flags.limit !== undefined) {
        throw new UsageError('give --limit or --all, not both')
      }
      const listId =
        ctx.flags.list === undefined ? undefined : (await resolveList(ctx, ctx.flags.list)).id
      const sort = oneOf('--sort', ctx.flags.sort, PAPER_SORTS)
      if (sort === 'list' && listId === undefined) {
        throw new UsageError('--sort list orders a --list: name one')
      }
      const query = {
        tag: ctx.flags.tag[0],
        listId,
        status: oneOf('--status', ctx.flags.status, READING_STATUSES),
        starred: ctx.flags.starred ? true : undefined,
        // a list is shown in its own order unless another is asked for
        sort: sort ?? (listId === undefined ? 'added' : 'list'),
        includeDismissed: ctx.flags['include-dismissed'] === true,
      }
      if (ctx.flags.all) return listAll(ctx, query)
      const limit = parseLimit(ctx.flags.limit, 100)
      if (limit > MAX_PAGE_SIZE) {
        throw new UsageError(`--limit takes at most ${MAX_PAGE_SIZE}; --all lists every paper`)
      }
      const page = await ctx.api.listPapers({ ...query, limit })
      return print(ctx, page.papers.map(paperJson), () =>
        page.papers.length === 0
          ? 'No papers match.'
          : [...page.papers.map(paperLine), `(${page.papers.length} of ${page.total})`].join('\n'),
      )
    },
  },
  show: {
    usage: 'show <paper>',
    summary: 'show one paper: metadata, links, where it came from, abstract',
    run: async (ctx) => {
      const paper = await ctx.api.getPaper({ id: await resolvePaper(ctx) })
      return print(ctx, paper, () => paperDetailText(paper))
    },
  },
  tag: { usage: 'tag <paper> <tag>...', summary: 'add tags to a paper', run: editTags(true) },
  untag: {
    usage: 'untag <paper> <tag>...',
    summary: 'remove tags from a paper',
    run: editTags(false),
  },
  tags: {
    usage: 'tags',
    summary: 'list tags with their paper counts',
    run: async (ctx) => {
      const tags = await ctx.api.listTags({})
      return print(ctx, tags, () =>
        tags.length === 0 ? 'No tags yet.' : tags.map(tagLine).join('\n'),
      )
    },
  },
  status: {
    usage: `status <paper> ${READING_STATUSES.join('|')}`,
    summary: 'set the reading status',
    run: setStatusCommand,
  },
  star: { usage: 'star <paper>', summary: 'star a paper', run: setStar(true) },
  unstar: { usage: 'unstar <paper>', summary: 'unstar a paper', run: setStar(false) },
  note: {
    usage: 'note <paper> <text>',
    summary: 'set the note of a paper ("" clears it)',
    run: async (ctx) => {
      const id = await resolvePaper(ctx)
      if (ctx.args.length < 2) throw new UsageError('give the note text ("" clears it)')
      const result = await ctx.api.setNote({ id, note: ctx.args.slice(1).join(' ') })
      return print(ctx, result, () => `#${id} note ${result.changed > 0 ? 'saved' : 'unchanged'}.`)
    },
  },
  search: {
    usage: 'search <query> [--limit N] [--include-dismissed]',
    summary:
      'ranked, typo-tolerant search over titles, authors, abstracts, tags, notes and PDF text; operators tag: -tag: author: org: year: is: source: "phrase"',
    run: async (ctx) => {
      const query = ctx.args.join(' ')
      if (query.trim() === '') throw new UsageError('give a search query')
      const result = await ctx.api.searchLibrary({
        query,
        limit: parseLimit(ctx.flags.limit, 20),
        includeDismissed: ctx.flags['include-dismissed'] === true,
      })
      for (const warning of result.warnings) ctx.io.stderr(`warning: ${warning.message}\n`)
      const hits = result.hits
      return print(
        ctx,
        hits.map((hit) => ({
          ...paperJson(hit),
          score: hit.score,
          highlights: hit.highlights,
          snippet: hit.snippet,
        })),
        () => (hits.length === 0 ? 'No papers match.' : hits.map(paperLine).join('\n')),
      )
    },
  },
  info: {
    usage: 'info',
    summary: 'where the library lives and how many papers it holds',
    run: async (ctx) => {
      const info = await ctx.api.libraryInfo({ check: true })
      if (info.damage) ctx.io.stderr(`papershelf: ${info.damage}\n`)
      print(ctx, info, () =>
        [
          `Library:  ${info.dataDir}`,
          `Database: ${info.databasePath} (schema ${info.schemaVersion})`,
          `Papers:   ${info.paperCount}`,
          `Inbox:    ${info.inboxCount}`,
          ...(info.warning ? [`Warning:  ${info.warning}`] : []),
          ...(info.damage ? ['Damaged:  yes (see above)'] : []),
        ].join('\n'),
      )
      return info.damage ? 1 : 0
    },
  },
  ...TRUST_COMMANDS,
  ...SOURCES_COMMANDS,
  ...PDF_COMMANDS,
  ...ANNOTATION_COMMANDS,
  ...TOPICS_COMMANDS,
  ...CURATION_COMMANDS,
  ...BROWSER_COMMANDS,
  ...TRIAGE_COMMANDS,
  ...LIST_COMMANDS,
}
