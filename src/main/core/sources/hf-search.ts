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

/** The most results one search returns (the API has no paging). */
export const HF_SEARCH_LIMIT = 120

const resultsSchema = z.array(hfListItemSchema)

/** Parses a `/api/papers/search` response into drafts ranked as listed. */
export function parseHfSearch(body: string, url: string): PaperDraft[] {
  const items = validateBody(resultsSchema, parseJsonBody(body, url), url)
  return items.flatMap((item, index) => {
    const draft = hfPaperToDraft(item.paper, {
      rank: index + 1,
      numComments: item.numComments,
      featured: false,
    })
    return draft ? [draft] : []
  })
}

/** The search URL for a query (the API caps `q` at 250 characters). */
export function hfSearchUrl(base: string, query: string, limit = HF_SEARCH_LIMIT): string {
  return endpoint(base, '/api/papers/search', { q: query.slice(0, 250), limit })
}

/** Runs one Hugging Face paper search: a single page. */
export async function* hfSearchPages(ctx: FetchContext, query: string): AsyncGenerator<SourcePage> {
  const url = hfSearchUrl(ctx.baseUrls.huggingFace, query)
  yield await fetchHfSearch(ctx, url)
}

/** Fetches and parses one search. */
export async function fetchHfSearch(ctx: FetchContext, url: string): Promise<SourcePage> {
  const answer = await fetchConditional(ctx, url, 'json')
  if (answer.notModified) return unchangedPage(url, answer.validators)
  const drafts = await ctx.parse('hf-search', { body: answer.bytes, url }, url)
  return parsedPage(url, answer.validators, { drafts, skipped: [] })
}
