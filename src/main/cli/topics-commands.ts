import { AppError } from '@shared/api/errors'
import { SUGGEST_SCOPES, type PaperTagSuggestions, type RelatedPaper } from '@shared/api/topics-api'
import { displayTitle } from '@shared/model/paper'
import type { PaperId } from '@shared/model/ids'
import { UsageError } from './cli-io'
import { parseLimit, print, resolvePaper, resolvePapers, type Command } from './command'

const percent = (score: number) => `${Math.round(score * 100)}%`

function suggestionsText(papers: ReadonlyArray<PaperTagSuggestions>): string {
  if (papers.length === 0) return 'No papers to suggest tags for.'
  return papers
    .map((paper) =>
      [
        `#${paper.id} ${displayTitle({ ...paper, doi: null })}`,
        ...(paper.suggestions.length === 0
          ? ['    (no tags learned yet: tag a few papers first)']
          : paper.suggestions.map(
              (s) =>
                `    ${s.tag.padEnd(24)} ${percent(s.score).padStart(4)}${s.reason.length > 0 ? `  (${s.reason.join(', ')})` : ''}`,
            )),
      ].join('\n'),
    )
    .join('\n')
}

function relatedText(papers: ReadonlyArray<RelatedPaper>): string {
  if (papers.length === 0) return 'No related papers yet.'
  return papers
    .map(
      (paper) =>
        `${String(paper.id).padStart(6)} ${percent(paper.similarity).padStart(4)}${paper.inInbox ? ' inbox' : '      '}  ${displayTitle({ ...paper, doi: null })}\n         shares: ${paper.sharedTopics.join(', ')}`,
    )
    .join('\n')
}

/** A `--threshold` value: a confidence above 0 and at most 1. */
function parseThreshold(value: string): number {
  const threshold = Number(value)
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    throw new UsageError(
      `--threshold takes a confidence above 0 and at most 1 (such as 0.9), not "${value}"`,
    )
  }
  return threshold
}

/** The learned-topics commands. */
export const TOPICS_COMMANDS: Record<string, Command> = {
  suggest: {
    usage: 'suggest [<paper>...|--inbox|--untagged|--unread-untagged] [--limit K]',
    summary:
      'tags learned from your own tags, with confidence and the words that weighed most: for the papers named, the inbox, untagged papers, or unread untagged ones',
    run: async (ctx) => {
      const flagged = SUGGEST_SCOPES.filter((scope) => ctx.flags[scope] === true)
      if (Number(ctx.args.length > 0) + flagged.length !== 1) {
        throw new UsageError('name papers, or give one of --inbox, --untagged or --unread-untagged')
      }
      const limit = parseLimit(ctx.flags.limit, 3)
      if (limit > 20) throw new UsageError('--limit is at most 20 suggestions per paper')
      const [scope] = flagged
      const papers = await ctx.api.suggestTags(
        scope === undefined ? { ids: await resolvePapers(ctx), limit } : { scope, limit },
      )
      return print(ctx, papers, () => suggestionsText(papers))
    },
  },
  related: {
    usage: 'related <paper> [--limit K]',
    summary: 'the papers most like one, in the library and the inbox, with the topics they share',
    run: async (ctx) => {
      const id = await resolvePaper(ctx)
      const papers = await ctx.api.relatedPapers({
        id,
        limit: Math.min(parseLimit(ctx.flags.limit, 10), 100),
      })
      return print(ctx, papers, () => relatedText(papers))
    },
  },
  'not-interested': {
    usage: 'not-interested <paper>... [--undo]',
    summary: 'mark papers "Not interested": the For you order puts them last and learns from them',
    run: async (ctx) => {
      if (ctx.args.length === 0) throw new UsageError('name at least one paper')
      const ids: PaperId[] = await resolvePapers(ctx)
      const notInterested = ctx.flags.undo !== true
      const result = await ctx.api.setNotInterested({ ids, notInterested })
      const papers = `${result.changed} paper${result.changed === 1 ? '' : 's'}`
      return print(ctx, result, () =>
        notInterested
          ? `${papers} marked not interested.`
          : `${papers} no longer marked not interested.`,
      )
    },
  },
  'auto-tag': {
    usage: 'auto-tag <tag> [--threshold X | --off]',
    summary:
      'let a tag apply itself above a confidence; without options, how right past suggestions were',
    run: async (ctx) => {
      const tag = ctx.args[0]
      if (!tag) throw new UsageError('name the tag')
      if (ctx.flags.off === true && ctx.flags.threshold !== undefined) {
        throw new UsageError('give --threshold or --off, not both')
      }
      if (ctx.flags.off === true || ctx.flags.threshold !== undefined) {
        const threshold = ctx.flags.off === true ? null : parseThreshold(ctx.flags.threshold ?? '')
        const setting = await ctx.api.setAutoTag({ tag, threshold })
        return print(ctx, setting, () =>
          threshold === null
            ? `${tag} no longer applies itself.`
            : `${tag} now applies itself at ${percent(threshold)} confidence or more.`,
        )
      }
      const tags = await ctx.api.listTags({})
      if (!tags.some((t) => t.name.toLowerCase() === tag.toLowerCase())) {
        throw new AppError('not-found', `There is no tag "${tag}".`)
      }
      const preview = await ctx.api.autoTagPreview({ tag })
      return print(ctx, preview, () =>
        [
          `${tag}: auto-tagging ${preview.threshold === null ? 'off' : `at ${percent(preview.threshold)}`}. On the papers you tagged, held out:`,
          ...preview.points.map(
            (p) =>
              `  at ${percent(p.threshold).padStart(4)}: ${p.suggested === 0 ? 'no suggestions' : `${p.right} of ${p.suggested} suggestions were right`}`,
          ),
        ].join('\n'),
      )
    },
  },
}
