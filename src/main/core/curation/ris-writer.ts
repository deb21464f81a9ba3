import { plugins } from '@citation-js/core'
import '@citation-js/plugin-ris'
import type { CslOutItem } from './csl-items'

// A line that starts a RIS field (`TI  - `); any other line start is a break citation-js inserted.
const WRAPPED = /\n(?![A-Z][A-Z0-9] {2}- )/g

/**
 * RIS records (Zotero, EndNote, Mendeley) mapped from the CSL items by citation-js, one line per
 * field: citation-js breaks values every 70 characters, inside words, which readers join with a
 * space, so the breaks are taken out again (values hold no newlines of their own: they are
 * flattened first).
 */
export function writeRis(items: ReadonlyArray<CslOutItem>): string {
  if (items.length === 0) return ''
  const text = plugins.output.format('ris', items.map(oneLine), { format: 'text' }) as string
  const joined = text.replace(WRAPPED, '')
  return joined.endsWith('\n') ? joined : `${joined}\n`
}

function oneLine(item: CslOutItem): CslOutItem {
  const flat = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ')
  return {
    ...item,
    ...(item.title !== undefined ? { title: flat(item.title) } : {}),
    ...(item.abstract !== undefined ? { abstract: flat(item.abstract) } : {}),
    ...(item['container-title'] !== undefined
      ? { 'container-title': flat(item['container-title']) }
      : {}),
  }
}
