import { AppError } from '@shared/api/errors'
import { z } from 'zod'
import {
  endpoint,
  fetchConditional,
  parsedPage,
  unchangedPage,
  type FetchContext,
  type SourcePage,
} from './fetch-context'
import { hfListItemSchema, hfPaperToDraft, parseJsonBody, validateBody } from './hf-schema'
import type { PaperDraft } from './paper-draft'
import { ParseError } from './parse-error'

/**
 * Which daily list: the latest, one day, an ISO week, a month, a range of days (backfilled day by
 * day), or every day since a date up to today (a backfill that goes on following).
 */
export type HfDailyParams = {
  date?: string | undefined
  since?: string | undefined
  week?: string | undefined
  month?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

/** Items per page; the API allows 1–100. */
export const HF_DAILY_PAGE_SIZE = 100
/** A backfill covers at most this many days per sync. */
const MAX_RANGE_DAYS = 3660
/** A runaway pager (a server that ignores `p`) stops here. */
const MAX_PAGES_PER_QUERY = 2000

const pageSchema = z.array(hfListItemSchema)

/** Parses one `/api/daily_papers` page: drafts ranked from `rankOffset + 1`, entries without an arXiv id skipped. */
export function parseHfDailyPage(
  body: string,
  url: string,
  rankOffset = 0,
): { drafts: PaperDraft[]; skipped: Array<{ line: null; entry: string; reason: string }> } {
  const items = validateBody(pageSchema, parseJsonBody(body, url), url)
  const drafts: PaperDraft[] = []
  const skipped: Array<{ line: null; entry: string; reason: string }> = []
  items.forEach((item, index) => {
    const featured = item.paper.submittedOnDailyAt?.slice(0, 10) ?? null
    const draft = hfPaperToDraft(
      item.paper,
      {
        rank: rankOffset + index + 1,
        numComments: item.numComments,
        section: featured,
        featured: true,
      },
      item.organization,
    )
    if (draft) drafts.push(draft)
    else skipped.push({ line: null, entry: item.paper.id, reason: 'not an arXiv id' })
  })
  return { drafts, skipped }
}

/**
 * Days of a `since` source that are settled: synced before and at least this many days old. Hugging
 * Face adds a day's papers during that day and the next (time zones), so the last two are asked again.
 */
const SETTLED_AFTER_DAYS = 2

/**
 * The queries a daily source stands for: one per day of a range or of `since` up to `today`, else
 * exactly one.
 */
export function hfDailyQueries(
  params: HfDailyParams,
  today: string = new Date().toISOString().slice(0, 10),
): Array<Record<string, string>> {
  if (params.since !== undefined) {
    if (params.since > today) return []
    return daysBetween(params.since, today).map((date) => ({ date }))
  }
  if (params.from !== undefined || params.to !== undefined) {
    if (!params.from || !params.to) {
      throw new AppError('invalid-input', 'A date range needs both --from and --to.')
    }
    return daysBetween(params.from, params.to).map((date) => ({ date }))
  }
  if (params.date) return [{ date: params.date }]
  if (params.week) return [{ week: params.week }]
  if (params.month) return [{ month: params.month }]
  return [{}]
}

/**
 * Fetches Hugging Face daily papers page by page (`p`, `limit`) until a page comes back short or
 * empty. The next page is requested as soon as this one is known full, or, after a full page, as
 * soon as this one arrives.
 */
export async function* hfDailyPages(
  ctx: FetchContext,
  params: HfDailyParams,
): AsyncGenerator<SourcePage> {
  const today = ctx.now().toISOString().slice(0, 10)
  for (const query of hfDailyQueries(params, today)) {
    const seen = new Set<string>()
    const urlOf = (p: number) =>
      endpoint(ctx.baseUrls.huggingFace, '/api/daily_papers', {
        ...query,
        p,
        limit: HF_DAILY_PAGE_SIZE,
      })
    // Following since a date: a day synced before and settled since is not asked again, so a
    // source that has followed for a year still makes a request or two per sync.
    if (
      params.since !== undefined &&
      isSettled(query['date'], today, ctx.validatorsFor(urlOf(0)))
    ) {
      continue
    }
    const request = (p: number) => settle(fetchConditional(ctx, urlOf(p), 'json'))
    let next = request(0)
    let previousFull = false
    for (let p = 0; p < MAX_PAGES_PER_QUERY; p += 1) {
      const url = urlOf(p)
      const settled = await next
      if ('error' in settled) throw settled.error
      const answer = settled.value
      // After a full page the next one is likely full too: ask for the one after it now, so it
      // arrives while this one is parsed and written (at most one request too many per query).
      const following = previousFull ? request(p + 1) : null
      let page: SourcePage
      if (answer.notModified) {
        page = unchangedPage(url, answer.validators)
      } else {
        const rankOffset = p * HF_DAILY_PAGE_SIZE
        const parsed = await ctx.parse('hf-daily', { body: answer.bytes, url, rankOffset }, url)
        const count = parsed.drafts.length + parsed.skipped.length
        if (count > 0 && parsed.drafts.every((d) => d.arxivId && seen.has(d.arxivId))) {
          throw new ParseError(
            `page ${p} repeats the previous page; the server seems to ignore paging`,
            null,
            url,
          )
        }
        for (const draft of parsed.drafts) if (draft.arxivId) seen.add(draft.arxivId)
        page = parsedPage(url, answer.validators, parsed)
      }
      const full = page.validators.count >= HF_DAILY_PAGE_SIZE
      if (full) next = following ?? request(p + 1)
      previousFull = full
      // An empty day of a followed range is remembered too, so it counts as synced once settled.
      if (page.validators.count > 0 || (p === 0 && params.since !== undefined)) yield page
      if (!full) break
    }
  }
}

type Settled<T> = { value: T } | { error: unknown }

/** A promise that never rejects, so a prefetch nobody awaits yet cannot become an unhandled rejection. */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
}

function isSettled(day: string | undefined, today: string, synced: unknown): boolean {
  if (day === undefined || synced === null) return false
  const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000
  return age >= SETTLED_AFTER_DAYS
}

function daysBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new AppError('invalid-input', `Not a date range: ${from} to ${to}.`)
  }
  if (end < start) {
    throw new AppError('invalid-input', `The range ends (${to}) before it starts (${from}).`)
  }
  const days = Math.round((end - start) / 86_400_000) + 1
  if (days > MAX_RANGE_DAYS) {
    throw new AppError('invalid-input', `A range covers at most ${MAX_RANGE_DAYS} days.`)
  }
  return Array.from({ length: days }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  )
}
