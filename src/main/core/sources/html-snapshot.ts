import type { PageSnapshot } from '@shared/pages/page-snapshot'
import { MAX_SNAPSHOT_LINKS, MAX_SNAPSHOT_META } from '@shared/pages/page-snapshot'

/**
 * Reads the parts of an HTML page that page extraction uses (title, meta tags, links) without a
 * DOM: the CLI's `add <url>` fetches HTML, the extension reads the live DOM into the same shape.
 * A scanner, not a parser: scripts, styles and comments are dropped first so their text cannot
 * pose as tags.
 */
export function snapshotFromHtml(html: string, url: string): PageSnapshot {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
  const base = baseHref(cleaned, url)
  const meta: Array<{ name: string; content: string }> = []
  for (const match of cleaned.matchAll(/<meta\b([^>]*)>/gi)) {
    if (meta.length >= MAX_SNAPSHOT_META) break
    const attributes = readAttributes(match[1] ?? '')
    const name = attributes.get('name') ?? attributes.get('property')
    const content = attributes.get('content')
    if (name !== undefined && content !== undefined) {
      meta.push({ name: name.toLowerCase(), content })
    }
  }
  const links: Array<{ href: string; text: string }> = []
  for (const match of cleaned.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    if (links.length >= MAX_SNAPSHOT_LINKS) break
    const href = readAttributes(match[1] ?? '').get('href')
    const absolute = href === undefined ? null : resolveHref(href, base)
    if (absolute) links.push({ href: absolute, text: textOf(match[2] ?? '') })
  }
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(cleaned)?.[1] ?? ''
  return { url, title: textOf(title), meta, links }
}

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase()
    if (attributes.has(name)) continue
    attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''))
  }
  return attributes
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? parseInt(entity.slice(2), 16)
          : Number(entity.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[entity.toLowerCase()] ?? whole
  })
}

function baseHref(html: string, url: string): string {
  const tag = /<base\b([^>]*)>/i.exec(html)
  const href = tag ? readAttributes(tag[1] ?? '').get('href') : undefined
  return (href && resolveHref(href, url)) ?? url
}

function resolveHref(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
