import { AppError } from '@shared/api/errors'
import { syncParamsSchemas, type SyncKind, type SyncParams } from '@shared/model/sync-source'
import { z } from 'zod'
import { arxivPages } from '../sources/arxiv-api'
import {
  fetchConditional,
  parsedPage,
  unchangedPage,
  type FetchContext,
  type SourcePage,
} from '../sources/fetch-context'
import { hfDailyPages } from '../sources/hf-daily'
import { hfSearchPages } from '../sources/hf-search'
import { METADATA_RANK } from './metadata-rank'

/** How much each sync kind is trusted for titles, abstracts and authors. */
export const SYNC_METADATA_RANK: Record<SyncKind, number> = {
  'hf-daily': METADATA_RANK['hf-api'],
  'hf-search': METADATA_RANK['hf-api'],
  arxiv: METADATA_RANK.arxiv,
  feed: METADATA_RANK.feed,
  awesome: METADATA_RANK['awesome-list'],
}

/** Checks a kind's parameters, with a message that names the field at fault. */
export function validateParams(kind: SyncKind, params: unknown): SyncParams {
  const result = (syncParamsSchemas[kind] as z.ZodType<SyncParams>).safeParse(params)
  if (!result.success) {
    throw new AppError(
      'invalid-input',
      `Invalid ${kind} parameters: ${z.prettifyError(result.error)}`,
    )
  }
  return result.data
}

/** A readable default name for a source. */
export function describeSource(kind: SyncKind, params: SyncParams): string {
  const p = params
  const text = (key: string) => (typeof p[key] === 'string' ? p[key] : undefined)
  switch (kind) {
    case 'hf-daily': {
      const from = text('from')
      if (from) return `Hugging Face daily papers ${from} to ${text('to') ?? ''}`
      const when = text('date') ?? text('week') ?? text('month')
      return when ? `Hugging Face daily papers ${when}` : 'Hugging Face daily papers'
    }
    case 'hf-search':
      return `Hugging Face search "${text('query') ?? ''}"`
    case 'arxiv': {
      const ids = Array.isArray(p['ids']) ? (p['ids'] as string[]) : []
      return text('query')
        ? `arXiv: ${text('query')}`
        : `arXiv: ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}`
    }
    case 'feed':
      return `Feed ${text('url') ?? ''}`
    case 'awesome':
      return `Awesome list ${text('url') ?? ''}`
  }
}

/**
 * A "latest" list moves on by itself (today's daily papers, a listing feed): the same papers as
 * last time mean it did not, which a sync reports as stale instead of quietly accepting.
 */
export function isRollingList(kind: SyncKind, params: SyncParams): boolean {
  if (kind === 'feed') return true
  if (kind !== 'hf-daily') return false
  const p = params
  return (
    p['date'] === undefined &&
    p['week'] === undefined &&
    p['month'] === undefined &&
    p['from'] === undefined &&
    p['since'] === undefined
  )
}

/** The pages a source yields, fetched lazily one after another. */
export function sourcePages(
  kind: SyncKind,
  params: SyncParams,
  ctx: FetchContext,
): AsyncGenerator<SourcePage> {
  const p = validateParams(kind, params)
  switch (kind) {
    case 'hf-daily':
      return hfDailyPages(ctx, p)
    case 'hf-search':
      return hfSearchPages(ctx, String(p['query']))
    case 'arxiv':
      return arxivPages(ctx, {
        query: p['query'] as string | undefined,
        ids: p['ids'] as string[] | undefined,
        max: p['max'] as number | undefined,
      })
    case 'feed':
      return textFilePages(ctx, String(p['url']), 'feed')
    case 'awesome': {
      const url = awesomeReadmeUrl(String(p['url']), ctx.baseUrls.github, ctx.baseUrls.githubRaw)
      return textFilePages(ctx, url, 'awesome')
    }
  }
}

/** A GitHub repository address becomes its README on the raw host; any other address is used as is. */
export function awesomeReadmeUrl(url: string, github: string, githubRaw: string): string {
  const base = github.replace(/\/+$/, '')
  if (!url.startsWith(`${base}/`)) return url
  const [owner, repo] = url.slice(base.length + 1).split(/[/?#]/)
  if (!owner || !repo) {
    throw new AppError('invalid-input', `${url} does not name a GitHub repository.`)
  }
  return `${githubRaw.replace(/\/+$/, '')}/${owner}/${repo.replace(/\.git$/, '')}/HEAD/README.md`
}

async function* textFilePages(
  ctx: FetchContext,
  url: string,
  format: 'feed' | 'awesome',
): AsyncGenerator<SourcePage> {
  const answer = await fetchConditional(ctx, url, format === 'feed' ? 'xml' : 'text')
  if (answer.notModified) {
    yield unchangedPage(url, answer.validators)
    return
  }
  const parsed = await ctx.parse(format, { body: answer.bytes, url }, url)
  yield parsedPage(url, answer.validators, parsed)
}
