import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { IMPORT_FORMATS, MAX_IMPORT_CHARS, importFormatSchema } from '@shared/api/inputs'
import { PAPER_SORTS, READING_STATUSES } from '@shared/model/paper'
import { AppError } from '@shared/api/errors'
import { looksLikeLibraryDocument } from '@shared/api/library-document'
import { UsageError } from './cli-io'
import { oneOf, parseLimit, print, resolvePaper, type Command, type CommandContext } from './command'
import { paperDetailText, paperJson, paperLine, tagLine } from './format-paper'
import { importLibraryDocumentCommand, TRUST_COMMANDS } from './trust-commands'
import { SOURCES_COMMANDS } from './sources-commands'
import { PDF_COMMANDS } from './pdf-commands'
import { CURATION_COMMANDS } from './curation-commands'

/** Reads an import's text: a file (size-checked before reading) or stdin, as strict UTF-8. */
async function readImportText(ctx: CommandContext, path: string): Promise<{ text: string; name: string }> {
  const name = path === '-' ? 'standard input' : resolve(ctx.io.cwd, path)
  let bytes: Buffer
  if (path === '-') {
    bytes = await ctx.io.readStdin()
  } else {
    const info = await stat(name).catch(() => null)
    if (!info?.isFile()) throw new AppError('not-found', `${name}: no such file.`)
    if (info.size > MAX_IMPORT_CHARS) {
      throw new AppError('too-large', `${name}: ${info.size} bytes is more than an import takes (${MAX_IMPORT_CHARS}).`)
    }
    bytes = await readFile(name)
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), name }
  } catch {
    throw new AppError('parse-error', `${name}: this is not a text file (it is not valid UTF-8).`)
  }
}

const setStatusCommand: Command['run'] = async (ctx) => {
  const value = oneOf('status', ctx.args[1], READING_STATUSES)
  if (!value) throw new UsageError(`give a status: ${READING_STATUSES.join(', ')}`)
  const id = await resolvePaper(ctx)
  const result = await ctx.api.setStatus({ ids: [id], status: value })
  return print(ctx, result, () => `#${id} is ${value}.`)
}

const setStar = (starred: boolean): Command['run'] => async (ctx) => {
  const id = await resolvePaper(ctx)
  const result = await ctx.api.setStarred({ ids: [id], starred })
  return print(ctx, result, () => `#${id} ${starred ? 'starred' : 'unstarred'}.`)
}

const editTags = (add: boolean): Command['run'] => async (ctx) => {
  const id = await resolvePaper(ctx)
  const tags = ctx.args.slice(1)
  if (tags.length === 0) throw new UsageError('give at least one tag')
  const result = add ? await ctx.api.tagPapers({ ids: [id], tags }) : await ctx.api.untagPapers({ ids: [id], tags })
  const paper = await ctx.api.getPaper({ id })
  return print(ctx, { ...result, tags: paper.tags }, () => `#${id} tags: ${paper.tags.join(', ') || '(none)'}`)
}

/** Every CLI command by name. */
export const COMMANDS: Record<string, Command> = {
  import: {
    usage: `import <file|-> [--format ${IMPORT_FORMATS.join('|')}] [--tag TAG]...`,
    summary: 'import a file: copied Hugging Face page, ids, BibTeX, RIS, CSL-JSON, feed, awesome list',
    run: async (ctx) => {
      const path = ctx.args[0]
      if (!path) throw new UsageError('name the file to import, or - for standard input')
      const format = oneOf('--format', ctx.flags.format, importFormatSchema.options) ?? 'auto'
      const { text, name } = await readImportText(ctx, path)
      if (looksLikeLibraryDocument(text)) return importLibraryDocumentCommand(ctx, text, name)
      const report = await ctx.api.importText({ text, format, sourceName: name, tags: ctx.flags.tag })
      return print(ctx, report, () =>
        [
          `Imported ${name} (${report.format}): ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.refused.length} refused.`,
          ...report.refused.map(
            (r) => `  refused${r.line === null ? '' : ` line ${r.line}`}: ${r.entry.slice(0, 80)} — ${r.reason}`,
          ),
        ].join('\n'),
      )
    },
  },
  list: {
    usage: `list [--tag TAG] [--status ${READING_STATUSES.join('|')}] [--starred] [--sort ${PAPER_SORTS.join('|')}] [--limit N]`,
    summary: 'list papers, newest first',
    run: async (ctx) => {
      if (ctx.flags.tag.length > 1) throw new UsageError('list takes one --tag')
      const page = await ctx.api.listPapers({
        tag: ctx.flags.tag[0],
        status: oneOf('--status', ctx.flags.status, READING_STATUSES),
        starred: ctx.flags.starred ? true : undefined,
        sort: oneOf('--sort', ctx.flags.sort, PAPER_SORTS) ?? 'added',
        limit: parseLimit(ctx.flags.limit, 100),
      })
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
  untag: { usage: 'untag <paper> <tag>...', summary: 'remove tags from a paper', run: editTags(false) },
  tags: {
    usage: 'tags',
    summary: 'list tags with their paper counts',
    run: async (ctx) => {
      const tags = await ctx.api.listTags({})
      return print(ctx, tags, () => (tags.length === 0 ? 'No tags yet.' : tags.map(tagLine).join('\n')))
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
    usage: 'search <query> [--limit N]',
    summary:
      'ranked, typo-tolerant search over titles, authors, abstracts, tags, notes and PDF text; operators tag: -tag: author: org: year: is: source: "phrase"',
    run: async (ctx) => {
      const query = ctx.args.join(' ')
      if (query.trim() === '') throw new UsageError('give a search query')
      const result = await ctx.api.searchLibrary({ query, limit: parseLimit(ctx.flags.limit, 20) })
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
      const info = await ctx.api.libraryInfo({})
      return print(ctx, info, () =>
        [`Library:  ${info.dataDir}`, `Database: ${info.databasePath} (schema ${info.schemaVersion})`, `Papers:   ${info.paperCount}`, ...(info.warning ? [`Warning:  ${info.warning}`] : [])].join('\n'),
      )
    },
  },
  ...TRUST_COMMANDS,
  ...SOURCES_COMMANDS,
  ...PDF_COMMANDS,
  ...CURATION_COMMANDS,
}
