// The inline tags reference managers put in rich text (Zotero, Better BibTeX, citeproc) and the
// ones @retorquere/bibtex-parser emits. Only these are removed, so a literal `a<b` survives.
const INLINE_TAG =
  /<\/?(?:i|b|em|strong|sc|u|code|nocase|span|a|font)(?:\s+[a-z-]+="[^"]*")*\s*>|<br\s*\/?>/gi
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|blockquote|h[1-6])(?:\s+[a-z-]+="[^"]*")*\s*>/gi
const SUP = /<sup>([^<]*)<\/sup>/gi
const SUB = /<sub>([^<]*)<\/sub>/gi
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/**
 * Turns rich-text markup (`<i>`, `<b>`, `<sup>`, `<span class="nocase">`…) into plain text:
 * super- and subscripts keep a TeX-like `^{…}`/`_{…}`, paragraphs a blank line. Text stays text.
 */
export function richTextToPlain(text: string): string {
  const plain = text.includes('<')
    ? text
        .replace(SUP, (_m, inner: string) => scripted('^', inner))
        .replace(SUB, (_m, inner: string) => scripted('_', inner))
        .replace(BLOCK_TAG, '\n\n')
        .replace(INLINE_TAG, '')
    : text
  // TeX accents come out as combining marks; stored text is composed (NFC).
  return plain.normalize('NFC')
}

/**
 * Turns an HTML fragment from a feed into plain text: every tag is dropped and the entities
 * are decoded once. The result is shown as text, never interpreted as HTML.
 */
export function htmlToPlain(html: string): string {
  const withoutTags = html
    .replace(/<(?:script|style)\b[\s\S]*?<\/(?:script|style)\s*>/gi, '')
    .replace(/<\/?(?:p|div|br|li|ul|ol|blockquote|h[1-6])\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(withoutTags)
}

/** Decodes numeric and the common named character references, once. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

function scripted(mark: '^' | '_', inner: string): string {
  return inner.length === 1 ? `${mark}${inner}` : `${mark}{${inner}}`
}
