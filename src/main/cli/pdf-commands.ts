import { addPages } from './browser-commands'
import { resolve } from 'node:path'
import { AppError } from '@shared/api/errors'
import type { AppEventEnvelope } from '@shared/api/events'
import { sourceIdSchema } from '@shared/model/ids'
import type { DownloadJob } from '@shared/model/pdf'
import { UsageError } from './cli-io'
import { print, resolvePaper, resolvePapers, type Command, type CommandContext } from './command'

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`
}

/** A live line on a terminal: files done of all, and bytes of the running ones. */
function showProgress(ctx: CommandContext, total: number): () => void {
  if (ctx.flags.json || !process.stderr.isTTY || !ctx.subscribe) return () => {}
  let ended = 0
  let shown = false
  const stop = ctx.subscribe((event: AppEventEnvelope) => {
    if (event.type !== 'pdf.progress') return
    const { job, overall } = event.payload
    if (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') ended += 1
    const bytes =
      overall.total > 0 ? ` ${formatBytes(overall.received)} of ${formatBytes(overall.total)}` : ''
    const text = `Downloading: ${Math.min(ended, total)}/${total} done,${bytes} — ${job.title}`
    process.stderr.write(`\r\u001b[2K${text.slice(0, (process.stderr.columns || 100) - 1)}`)
    shown = true
  })
  return () => {
    stop()
    if (shown) process.stderr.write('\r\u001b[2K')
  }
}

function jobLine(job: DownloadJob): string {
  const mark = job.state === 'done' ? 'ok  ' : job.state === 'cancelled' ? 'stop' : 'fail'
  return `  ${mark} #${job.paperId} ${job.title.slice(0, 70)}${job.error ? ` — ${job.error}` : ''}`
}

const download: Command['run'] = async (ctx) => {
  const sourceText = ctx.flags.source
  const sourceId =
    sourceText === undefined ? undefined : sourceIdSchema.safeParse(Number(sourceText))
  if (sourceId && !sourceId.success) {
    throw new UsageError(`--source takes a source number, not "${sourceText}"`)
  }
  if (ctx.flags.tag.length > 1) throw new UsageError('download takes one --tag')
  const ids = ctx.args.length > 0 ? await resolvePapers(ctx) : undefined
  const allUnread = ctx.flags['all-unread'] === true
  if (!ids && ctx.flags.tag.length === 0 && !sourceId && !allUnread) {
    throw new UsageError('name papers, or give --tag T, --source S or --all-unread')
  }
  const request = {
    ...(ids ? { ids } : {}),
    ...(ctx.flags.tag[0] ? { tag: ctx.flags.tag[0] } : {}),
    ...(sourceId?.success ? { sourceId: sourceId.data } : {}),
    ...(allUnread ? { allUnread } : {}),
    wait: true,
  }
  const preview = await ctx.api.downloadStatus({})
  const clear = showProgress(ctx, Math.max(1, preview.jobs.length + (ids?.length ?? 0)))
  let report
  try {
    report = await ctx.api.downloadPdfs(request)
  } finally {
    clear()
  }
  const failed = report.results.filter((r) => r.state !== 'done')
  print(ctx, report, () =>
    [
      `Downloaded ${report.results.length - failed.length} of ${report.queued.length}; ${report.alreadyStored.length} already stored; ${report.noLink.length} without a PDF link.`,
      ...report.results
        .filter((r) => r.state !== 'done' || report.results.length <= 20)
        .map(jobLine),
      ...report.noLink.map((id) => `  skip #${id} — no arXiv id and no PDF link`),
    ].join('\n'),
  )
  return failed.length > 0 ? 1 : 0
}

/** The PDF commands: offline store, attachments, storage. */
export const PDF_COMMANDS: Record<string, Command> = {
  download: {
    usage: 'download <paper>... | --tag T | --source S | --all-unread',
    summary: "download PDFs for offline reading (arXiv or the paper's PDF link), with progress",
    run: download,
  },
  attach: {
    usage: 'attach <paper> <file.pdf>',
    summary: "store a local PDF as the paper's file",
    run: async (ctx) => {
      const file = ctx.args[1]
      if (!file) throw new UsageError('name the PDF file to attach')
      const id = await resolvePaper(ctx)
      const report = await ctx.api.attachPdf({
        id,
        path: resolve(ctx.io.cwd, file),
        waitForText: true,
      })
      // A file over the PDF budget is stored without its text: say why.
      const text = (await ctx.api.pdfUrl({ id }))?.text
      const unread =
        text?.state === 'failed'
          ? `\nIts text is not searchable: ${text.error ?? 'unreadable'}`
          : ''
      return print(
        ctx,
        report,
        () =>
          `#${id}: stored ${file} (${report.pageCount} pages, ${formatBytes(report.size)}).${unread}`,
      )
    },
  },
  add: {
    usage: 'add <file.pdf> | add <url>... [--tag TAG]... [--list NAME]',
    summary:
      'add a PDF as a paper (found by the arXiv id or DOI printed in it), or save the papers of arXiv, Hugging Face, OpenReview, ACL Anthology or DOI pages',
    run: async (ctx) => {
      const file = ctx.args[0]
      if (!file) throw new UsageError('name the PDF file or the page address to add')
      // Anything with a scheme is an address (the page saver refuses the ones that are not http(s)).
      if (ctx.args.every((arg) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg))) {
        return addPages(ctx, ctx.args)
      }
      if (ctx.args.length > 1) throw new UsageError('add takes one PDF file, or page addresses')
      const report = await ctx.api.addPdf({
        path: resolve(ctx.io.cwd, file),
        tags: ctx.flags.tag,
        waitForText: true,
      })
      const found = report.found.arxivId
        ? `arXiv:${report.found.arxivId}`
        : report.found.doi
          ? `doi:${report.found.doi}`
          : null
      return print(ctx, report, () =>
        [
          `${report.created ? 'Added' : 'Attached to'} #${report.paperId}: ${file} (${report.pageCount} pages, ${formatBytes(report.size)}).`,
          found
            ? `Found ${found} in the file; \`papershelf resolve\` or a sync fills in its metadata.`
            : 'No arXiv id or DOI found in the file; the paper is named after its title or file name.',
        ].join('\n'),
      )
    },
  },
  pdf: {
    usage: 'pdf <paper>',
    summary: "print the path of the paper's stored PDF",
    run: async (ctx) => {
      const id = await resolvePaper(ctx)
      const location = await ctx.api.pdfUrl({ id })
      if (!location) {
        throw new AppError(
          'not-found',
          `#${id} has no stored PDF; \`papershelf download ${id}\` fetches it.`,
        )
      }
      return print(ctx, location, () => location.file)
    },
  },
  storage: {
    usage: 'storage',
    summary: 'space used by stored PDFs, for the library and per source',
    run: async (ctx) => {
      const usage = await ctx.api.storageUsage({})
      return print(ctx, usage, () =>
        [
          `PDFs: ${usage.files} files, ${formatBytes(usage.bytes)}, for ${usage.papers} papers.`,
          ...usage.sources.map(
            (s) =>
              `  ${formatBytes(s.bytes).padStart(9)}  ${String(s.files).padStart(5)} files  ${s.name} (source ${s.sourceId})`,
          ),
        ].join('\n'),
      )
    },
  },
  'remove-pdf': {
    usage: 'remove-pdf <paper>... | --source S',
    summary: 'delete stored PDFs to free space (the papers stay)',
    run: async (ctx) => {
      const sourceText = ctx.flags.source
      const sourceId =
        sourceText === undefined ? undefined : sourceIdSchema.safeParse(Number(sourceText))
      if (sourceId && !sourceId.success) {
        throw new UsageError(`--source takes a source number, not "${sourceText}"`)
      }
      if (ctx.args.length === 0 && !sourceId) throw new UsageError('name papers or give --source S')
      const ids = ctx.args.length > 0 ? await resolvePapers(ctx) : undefined
      const result = await ctx.api.removePdf({
        ...(ids ? { ids } : {}),
        ...(sourceId?.success ? { sourceId: sourceId.data } : {}),
      })
      return print(
        ctx,
        result,
        () => `Removed ${result.changed} PDFs, freed ${formatBytes(result.freedBytes)}.`,
      )
    },
  },
}
