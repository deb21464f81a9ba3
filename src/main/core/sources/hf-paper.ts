import { AppError } from '@shared/api/errors'
import { endpoint, type FetchContext } from './fetch-context'
import { hfPaperSchema, hfPaperToDraft, parseJsonBody, validateBody } from './hf-schema'
import type { PaperDraft } from './paper-draft'

/** Parses a `/api/papers/{id}` response (a flat paper record) into a draft. */
export function parseHfPaper(body: string, url: string): PaperDraft | null {
  const paper = validateBody(hfPaperSchema, parseJsonBody(body, url), url)
  return hfPaperToDraft(paper, { rank: null, featured: Boolean(paper.submittedOnDailyAt) })
}

/** Fetches one paper from Hugging Face by arXiv id; null when Hugging Face has not indexed it (404). */
export async function fetchHfPaper(ctx: FetchContext, arxivId: string): Promise<PaperDraft | null> {
  const url = endpoint(ctx.baseUrls.huggingFace, `/api/papers/${encodeURIComponent(arxivId)}`)
  try {
    const response = await ctx.http.get(url, {
      expect: 'json',
      maxBytes: ctx.maxBytes,
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
    })
    return parseHfPaper(response.bytes.toString('utf8'), url)
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') return null
    throw error
  }
}
