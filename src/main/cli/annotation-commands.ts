import { resolve } from 'node:path'
import type { Annotation, AnnotationExport } from '@shared/model/annotation'
import { UsageError } from './cli-io'
import { print, resolvePaper, type Command } from './command'
import { resolvePapers } from './command'
import { resolveList } from './list-commands'

/** One annotation as a line (and its comment below). */
function annotationLines(a: Annotation, label: string): string[] {
  const what =
    a.kind === 'highlight'
      ? `“${(a.quote ?? '').replace(/\s+/g, ' ')}”`
      : a.kind === 'note'
        ? 'Sticky note'
        : 'Area'
  const comment = a.comment ? [`           ${a.comment.replace(/\s*\n\s*/g, ' / ')}`] : []
  return [`  p. ${String(a.page).padEnd(5)} [${label}] ${what}`, ...comment]
}

function exportSummary(result: AnnotationExport, to: string | undefined): string {
  const lines = result.files.map((f) =>
    to === undefined
      ? f.markdown
      : `#${f.paperId}: ${f.annotations} annotations → ${f.written.join(', ')}`,
  )
  if (result.skipped.length > 0) {
    lines.push(
      `No annotations (nothing written): ${result.skipped.map((id) => `#${id}`).join(', ')}`,
    )
  }
  return lines.join('\n').trimEnd()
}

/** The annotation commands: list a paper's annotations, export them as Markdown. */
export const ANNOTATION_COMMANDS: Record<string, Command> = {
  annotations: {
    usage: 'annotations <paper>',
    summary: "list a paper's highlights, notes and areas in page order",
    run: async (ctx) => {
      const id = await resolvePaper(ctx)
      const list = await ctx.api.listAnnotations({ paperId: id })
      const labels = new Map(list.colors.map((c) => [c.color, c.label]))
      const label = (a: Annotation) => labels.get(a.color) ?? a.color
      const placed = list.annotations.filter((a) => a.anchor !== 'unanchored')
      const lost = list.annotations.filter((a) => a.anchor === 'unanchored')
      return print(ctx, list, () =>
        [
          `#${id}: ${list.annotations.length} annotations`,
          ...placed.flatMap((a) => annotationLines(a, label(a))),
          ...(lost.length > 0
            ? [
                `Not found in the current version of the PDF (${lost.length}):`,
                ...lost.flatMap((a) => annotationLines(a, label(a))),
              ]
            : []),
        ].join('\n'),
      )
    },
  },
  'export-annotations': {
    usage:
      'export-annotations <paper>... | --tag T | --list L [--format markdown] [--to DIR] [--pdf]',
    summary:
      'annotations as Markdown (to stdout, or files in DIR with pictures; --pdf adds annotated PDF copies)',
    run: async (ctx) => {
      const format = ctx.flags.format ?? 'markdown'
      if (format !== 'markdown') throw new UsageError(`--format takes markdown, not "${format}"`)
      const tag = ctx.flags.tag[0]
      const listRef = ctx.flags.list
      const named = [ctx.args.length > 0, tag !== undefined, listRef !== undefined].filter(Boolean)
      if (named.length !== 1) {
        throw new UsageError('name papers, or give --tag T or --list L (one of them)')
      }
      if (ctx.flags.pdf && ctx.flags.to === undefined) {
        throw new UsageError('--pdf writes files: give the folder with --to DIR')
      }
      const to = ctx.flags.to === undefined ? undefined : resolve(ctx.io.cwd, ctx.flags.to)
      const result = await ctx.api.exportAnnotations({
        ...(ctx.args.length > 0 ? { ids: await resolvePapers(ctx) } : {}),
        ...(tag !== undefined ? { tag } : {}),
        ...(listRef !== undefined ? { listId: (await resolveList(ctx, listRef)).id } : {}),
        ...(to !== undefined ? { to } : {}),
        pdf: ctx.flags.pdf === true,
      })
      return print(ctx, result, () => exportSummary(result, to))
    },
  },
}
