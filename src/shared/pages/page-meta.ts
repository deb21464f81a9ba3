import { normaliseDoi } from '../model/ids'
import type { PageSnapshot } from './page-snapshot'

/** Reading a snapshot's meta tags: first value, all values, and the normalised forms pages use. */
export type MetaReader = {
  first(...names: string[]): string | null
  all(name: string): string[]
}

export function metaReader(snapshot: PageSnapshot): MetaReader {
  const values = new Map<string, string[]>()
  for (const { name, content } of snapshot.meta) {
    const value = content.replace(/\s+/g, ' ').trim()
    if (value === '') continue
    const key = name.toLowerCase()
    values.set(key, [...(values.get(key) ?? []), value])
  }
  return {
    first: (...names) => {
      for (const name of names) {
        const found = values.get(name)?.[0]
        if (found !== undefined) return found
      }
      return null
    },
    all: (name) => values.get(name) ?? [],
  }
}

/** "Vaswani, Ashish" (how citation meta tags name people) → "Ashish Vaswani"; other forms unchanged. */
export function personName(text: string): string {
  const parts = text.split(',').map((part) => part.trim())
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return text.trim()
  return `${parts[1]} ${parts[0]}`
}

/** `2016/05/26`, `2016-05-26T…`, `2023/7`, `2021` → `YYYY[-MM[-DD]]`; null when not a date. */
export function metaDate(text: string | null): string | null {
  if (!text) return null
  const match = /^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?/.exec(text.trim())
  if (!match) return null
  const [, year, month, day] = match as unknown as [string, string, string?, string?]
  const pad = (part: string) => part.padStart(2, '0')
  if (!month || Number(month) < 1 || Number(month) > 12) return year
  if (!day || Number(day) < 1 || Number(day) > 31) return `${year}-${pad(month)}`
  return `${year}-${pad(month)}-${pad(day)}`
}

/** The DOI a page declares in its meta tags (citation, Dublin Core, PRISM), or null. */
export function metaDoi(meta: MetaReader): string | null {
  for (const name of [
    'citation_doi',
    'prism.doi',
    'dc.identifier',
    'dc.identifier.doi',
    'bepress_citation_doi',
  ]) {
    for (const value of meta.all(name)) {
      const doi = normaliseDoi(value)
      if (doi) return doi
    }
  }
  return null
}

/** An http(s) address resolved against the page, or null. */
export function absoluteHttpUrl(href: string | null, base: string): string | null {
  if (!href) return null
  try {
    const url = new URL(href, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
