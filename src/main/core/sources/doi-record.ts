import { AppError } from '@shared/api/errors'
import { parseCrossrefWork } from './crossref-work'
import { parseDataciteDoi } from './datacite-doi'
import { endpoint, type FetchContext } from './fetch-context'
import type { PaperDraft } from './paper-draft'

/** Where a DOI's record was found. */
export type DoiRegistry = 'crossref' | 'datacite'

/**
 * Looks a DOI up at Crossref (`/works/{doi}`), then, when Crossref does not know it (404: most
 * dataset and software DOIs, and arXiv's own, are DataCite's), at DataCite (`/dois/{doi}`).
 * Null when neither knows it.
 */
export async function fetchDoiRecord(
  ctx: FetchContext,
  doi: string,
): Promise<{ draft: PaperDraft; registry: DoiRegistry } | null> {
  // DOIs hold slashes; each segment is escaped and the slashes kept, as both APIs document.
  const path = doi.split('/').map(encodeURIComponent).join('/')
  const crossref = await getOrNull(ctx, endpoint(ctx.baseUrls.crossref, `/works/${path}`))
  if (crossref) {
    const draft = parseCrossrefWork(crossref.body, crossref.url)
    return draft ? { draft, registry: 'crossref' } : null
  }
  const datacite = await getOrNull(ctx, endpoint(ctx.baseUrls.datacite, `/dois/${path}`))
  if (datacite) {
    const draft = parseDataciteDoi(datacite.body, datacite.url)
    return draft ? { draft, registry: 'datacite' } : null
  }
  return null
}

async function getOrNull(
  ctx: FetchContext,
  url: string,
): Promise<{ body: string; url: string } | null> {
  try {
    const response = await ctx.http.get(url, {
      expect: 'json',
      maxBytes: ctx.maxBytes,
      timeoutMs: ctx.timeoutMs,
      signal: ctx.signal,
    })
    return { body: response.bytes.toString('utf8'), url }
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') return null
    throw error
  }
}
