import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import { CITE_STYLE_ALIASES, type Citation } from '@shared/api/curation-api'
import type { CslOutItem } from './csl-items'

/**
 * Each item as a bibliography entry in a citation style (citeproc through citation-js; `apa`,
 * `vancouver` — also for `ieee` — and `harvard1`, also for `chicago`), as plain text.
 */
export function citeItems(
  items: ReadonlyArray<{ paperId: number; item: CslOutItem }>,
  style: string,
): Citation[] {
  const template = CITE_STYLE_ALIASES[style] ?? 'apa'
  return items.map(({ paperId, item }) => {
    const text = plugins.output.format('bibliography', [item], {
      format: 'text',
      template,
    }) as string
    // Numbered styles start every single entry with "1. ".
    return { paperId, key: item.id, text: text.trim().replace(/^1\.\s+/, '') }
  })
}
