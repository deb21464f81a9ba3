import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

/** A note's Markdown as a syntax tree (GitHub flavour); raw HTML stays an `html` node, shown as text. */
export function parseNote(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/** Whether a link in a note may be followed: only absolute http(s) addresses. */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === ''
  } catch {
    return false
  }
}
