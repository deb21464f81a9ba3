import type { SourceSummary } from '@shared/model/sync-source'

/**
 * A source's counts in words, for its tooltip in the sidebar: the number shown beside it is its
 * papers in the library (what its view lists); its inbox is counted apart.
 */
export function sourceCountsText(source: Pick<SourceSummary, 'paperCount' | 'inboxCount'>): string {
  const papers =
    source.paperCount === 1 ? '1 paper' : `${source.paperCount.toLocaleString()} papers`
  return `${papers} in the library, ${source.inboxCount.toLocaleString()} in the inbox`
}
