import { AppError } from '@shared/api/errors'
import {
  endpoint,
  fetchConditional,
  parsedPage,
  unchangedPage,
  type FetchContext,
  type SourcePage,
} from './fetch-context'

/** An arXiv API query: a `search_query`, or a list of ids, and how many results to take at most. */
export type ArxivQuery = {
  query?: string | undefined
  ids?: ReadonlyArray<string> | undefined
  max?: number | undefined
}

/** Results per request: arxiv.py's default page size, well under the API's 2,000. */
export const ARXIV_PAGE_SIZE = 100
/** The API pages through at most 30,000 results of one query. */
const ARXIV_MAX_RESULTS = 30_000

/** Fetches an arXiv query page by page (`start`/`max_results`), or an id list in chunks, politely. */
export async function* arxivPages(
  ctx: FetchContext,
  query: ArxivQuery,
): AsyncGenerator<SourcePage> {
  const max = Math.min(query.max ?? ARXIV_PAGE_SIZE, ARXIV_MAX_RESULTS)
  if (query.ids && query.ids.length > 0) {
    for (let start = 0; start < query.ids.length; start += ARXIV_PAGE_SIZE) {
      const chunk = query.ids.slice(start, start + ARXIV_PAGE_SIZE)
      const url = endpoint(ctx.baseUrls.arxivApi, '/api/query', {
        search_query: query.query ?? '',
        id_list: chunk.join(','),
        start: 0,
        max_results: chunk.length,
      })
      yield await fetchArxivPage(ctx, url, start)
    }
    return
  }
  if (!query.query) {
    throw new AppError('invalid-input', 'An arXiv source needs a search query or a list of ids.')
  }
  // The offset advances by what actually came back: arXiv may send fewer results than asked for.
  let start = 0
  while (start < max) {
    const size = Math.min(ARXIV_PAGE_SIZE, max - start)
    const url = endpoint(ctx.baseUrls.arxivApi, '/api/query', {
      search_query: query.query,
      start,
      max_results: size,
    })
    const page = await fetchArxivPage(ctx, url, start)
    yield page
    const count = page.notModified
      ? page.validators.count
      : page.drafts.length + page.skipped.length
    start += count
    if (count === 0 || (page.total !== null && page.total !== undefined && start >= page.total)) {
      return
    }
  }
}

async function fetchArxivPage(
  ctx: FetchContext,
  url: string,
  rankOffset: number,
): Promise<SourcePage> {
  const answer = await fetchConditional(ctx, url, 'xml')
  if (answer.notModified) return { ...unchangedPage(url, answer.validators), total: null }
  const page = await ctx.parse(
    'arxiv-feed',
    { body: answer.bytes, url, arxivBase: ctx.baseUrls.arxiv, rankOffset },
    url,
  )
  return { ...parsedPage(url, answer.validators, page), total: page.totalResults }
}
