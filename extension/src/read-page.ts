import type { PageSnapshot } from '@shared/pages/page-snapshot'
import { MAX_SNAPSHOT_LINKS, MAX_SNAPSHOT_META } from '@shared/pages/page-snapshot'

/** The page as extraction reads it: its address, title, meta tags and links, from the live DOM. */
export function readPage(doc: Document, url: string): PageSnapshot {
  const meta: Array<{ name: string; content: string }> = []
  for (const tag of Array.from(doc.querySelectorAll('meta[content]')).slice(0, MAX_SNAPSHOT_META)) {
    const name = tag.getAttribute('name') ?? tag.getAttribute('property')
    const content = tag.getAttribute('content')
    if (name !== null && content !== null) meta.push({ name: name.toLowerCase(), content })
  }
  const links: Array<{ href: string; text: string }> = []
  for (const anchor of Array.from(doc.querySelectorAll('a[href]')).slice(0, MAX_SNAPSHOT_LINKS)) {
    const href = (anchor as HTMLAnchorElement).href
    if (/^https?:/i.test(href)) {
      links.push({
        href,
        text: (anchor.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
      })
    }
  }
  return { url, title: doc.title, meta, links }
}
