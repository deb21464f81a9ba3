import type { Nodes, Parent, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import {
  isCodeLink,
  isGenericLinkText,
  isProjectLink,
  paperLink,
  repositoryUrl,
  type ListLink,
  type PaperLink,
} from './awesome-links'
import { assertMaxChars } from './input-limits'
import type { PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { assertTextInput } from './text-input'

/** The largest list read: the biggest awesome lists are a few hundred KB of markdown. */
export const MAX_LIST_CHARS = 8 * 1024 * 1024

/** One table row or list item: its words, its links in order, where it stands. */
type ListEntry = {
  text: string
  firstCellLinks: ListLink[]
  links: ListLink[]
  line: number
  raw: string
  inTable: boolean
}

/**
 * Parses a GitHub "awesome" README (GFM): every table row and list item that links a paper
 * becomes a draft in document order, ranked by that order, with its heading path as the section
 * (`Methodology / AR-Based`) and as a suggested tag. arXiv, Hugging Face and DOI links give the
 * identity; OpenReview, ACL Anthology and publisher links a paper known by its title. A paper
 * listed twice is emitted twice with its line, so the writer reports the repeat.
 */
export function parseAwesomeList(markdown: string, _options: { sourceUrl: string }): ParsedList {
  assertMaxChars(markdown, MAX_LIST_CHARS, 'a list')
  assertTextInput(markdown)
  assertShallow(markdown)
  try {
    return readList(markdown)
  } catch (error) {
    // Markdown nested thousands of levels deep (quotes, lists) exhausts the stack of any reader.
    if (error instanceof RangeError) {
      throw new ParseError(
        'the markdown is nested too deeply to read (thousands of quote or list levels)',
      )
    }
    throw error
  }
}

/** Deepest block-quote nesting a list may use; real lists use one or two. */
const MAX_QUOTE_DEPTH = 32
/** Widest indentation before a list marker (about 40 nested levels); real lists use a few. */
const MAX_LIST_INDENT = 160
/** Most '[' one line may hold (each may open a link the reader must try to close). */
const MAX_LINE_BRACKETS = 2_000

/**
 * Refuses markdown nested so deep that reading it would take the markdown reader seconds or its
 * whole stack (it slows down with the square of the depth): checked line by line, before parsing.
 */
function assertShallow(markdown: string): void {
  let start = 0
  let line = 1
  while (start < markdown.length) {
    let end = markdown.indexOf('\n', start)
    if (end < 0) end = markdown.length
    let quotes = 0
    let columns = 0
    let at = start
    for (; at < end; at++) {
      const char = markdown[at]
      if (char === '>') quotes++
      else if (char === ' ') columns++
      else if (char === '\t') columns += 4
      else break
    }
    if (quotes > MAX_QUOTE_DEPTH) {
      throw new ParseError(
        `block quotes nested ${quotes} levels deep: too deep to be a paper list`,
        line,
      )
    }
    if (
      columns > MAX_LIST_INDENT &&
      /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(markdown.slice(at, at + 12))
    ) {
      throw new ParseError(
        `a list item indented ${columns} columns: lists nested too deep to be a paper list`,
        line,
      )
    }
    let brackets = 0
    for (let i = at; i < end; i++) if (markdown.charCodeAt(i) === 91) brackets++
    if (brackets > MAX_LINE_BRACKETS) {
      throw new ParseError(`${brackets} '[' on one line: too many links to be a paper list`, line)
    }
    start = end + 1
    line++
  }
}

function readList(markdown: string): ParsedList {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const definitions = linkDefinitions(tree)
  const titleHeading = listTitleHeading(tree)
  const headings: Array<{ depth: number; text: string }> = []
  const drafts: PaperDraft[] = []
  const skipped: Array<{ line: number | null; entry: string; reason: string }> = []

  const take = (entry: ListEntry): void => {
    const section = headings.map((h) => h.text).join(' / ') || null
    const result = toDraft(entry, section, drafts.length + 1)
    if (result === 'no-paper') return
    if (typeof result === 'string') {
      skipped.push({ line: entry.line, entry: entry.raw.trim(), reason: result })
    } else drafts.push(result)
  }
  const walk = (nodes: ReadonlyArray<RootContent>): void => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        if (node === titleHeading) continue
        while ((headings.at(-1)?.depth ?? 0) >= node.depth) headings.pop()
        const text = plainText(node, definitions).text.trim()
        if (text !== '') headings.push({ depth: node.depth, text })
      } else if (node.type === 'table') {
        for (const row of node.children.slice(1)) {
          const cells = row.children.map((cell) => plainText(cell, definitions))
          take({
            text: cells[0]?.text ?? '',
            firstCellLinks: cells.find((cell) => cell.links.length > 0)?.links ?? [],
            links: cells.flatMap((cell) => cell.links),
            line: row.position?.start.line ?? 0,
            raw: slice(markdown, row),
            inTable: true,
          })
        }
      } else if (node.type === 'list') {
        for (const item of node.children) {
          const own = item.children.filter((child) => child.type !== 'list')
          const content = plainText({ type: 'paragraph', children: [] }, definitions, own)
          take({
            ...content,
            firstCellLinks: content.links,
            line: item.position?.start.line ?? 0,
            raw: slice(markdown, item),
            inTable: false,
          })
          walk(item.children.filter((child) => child.type === 'list'))
        }
      } else if ('children' in node && node.type !== 'paragraph') {
        walk(node.children)
      } else if (node.type === 'paragraph') {
        const content = plainText(node, definitions)
        // A paragraph that is one paper link (a list's header block) is an entry too.
        const named = content.links.some(
          (link) => paperLink(link.url) !== null && !isGenericLinkText(link.text),
        )
        if (named) {
          take({
            ...content,
            firstCellLinks: content.links,
            line: node.position?.start.line ?? 0,
            raw: slice(markdown, node),
            inTable: false,
          })
        }
      }
    }
  }
  walk(tree.children)
  return { drafts, skipped }
}

function toDraft(entry: ListEntry, section: string | null, rank: number): PaperDraft | string {
  let paper: PaperLink | null = null
  let paperAnchor: ListLink | null = null
  for (const link of entry.links) {
    const found = paperLink(link.url)
    if (found && (paper === null || (paper.kind === 'page' && found.kind !== 'page'))) {
      paper = found
      paperAnchor = link
    }
  }
  if (paper === null && entry.inTable) {
    const first = entry.firstCellLinks.find(
      (link) => /^https?:\/\//i.test(link.url) && !isCodeLink(link),
    )
    if (first) {
      paper = {
        kind: 'page',
        pdfUrl: /\.pdf(?:[?#].*)?$/i.test(first.url) ? first.url : null,
        url: first.url,
      }
      paperAnchor = first
    }
  }
  if (paper === null || paperAnchor === null) return 'no-paper'
  const title = titleOf(entry, paperAnchor)
  if (paper.kind === 'page' && title === null) {
    return 'a paper link without a title to know the paper by'
  }
  const code = entry.links.find((link) => link !== paperAnchor && isCodeLink(link))
  const project = entry.links.find((link) => link !== paperAnchor && isProjectLink(link))
  return {
    arxivId: paper.kind === 'arxiv' ? paper.arxiv.id : null,
    arxivVersion: paper.kind === 'arxiv' ? paper.arxiv.version : null,
    doi: paper.kind === 'doi' ? paper.doi : null,
    title,
    pdfUrl: paper.kind === 'page' ? paper.pdfUrl : null,
    codeUrl: code ? repositoryUrl(code.url) : null,
    projectUrl: project?.url ?? null,
    suggestedTags: section
      ? [{ label: section.replace(/ \/ /g, '/'), origin: 'list-section' }]
      : [],
    provenance: { line: entry.line, rank, section, raw: entry.raw },
  }
}

/** The words of the paper link, or when they only say "paper"/"PDF", the entry's other words. */
function titleOf(entry: ListEntry, anchor: ListLink): string | null {
  const own = tidy(anchor.text)
  if (own !== '' && !isGenericLinkText(own)) return own
  let text = entry.text
  for (const link of entry.links) text = text.replace(link.text, ' ')
  const rest = tidy(text.replace(/^\s*(?:\[[^\]]*\]|\([^)]*\))\s*/, ''))
  return rest === '' ? null : rest
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|,.*•]+|[\s\-–—:|,*•]+$/g, '')
    .trim()
}

type Content = { text: string; links: ListLink[] }

/** The visible words of a node (images show nothing) and its links in order. */
function plainText(
  node: Nodes,
  definitions: ReadonlyMap<string, string>,
  children?: ReadonlyArray<Nodes>,
): Content {
  const links: ListLink[] = []
  const visit = (current: Nodes): string => {
    switch (current.type) {
      case 'text':
      case 'inlineCode':
        return current.value
      case 'image':
      case 'imageReference':
      case 'html':
      case 'definition':
        return ''
      case 'break':
        return ' '
      case 'link':
      case 'linkReference': {
        const text = current.children.map(visit).join('')
        const url =
          current.type === 'link' ? current.url : definitions.get(current.identifier.toLowerCase())
        if (url) links.push({ url: url.trim(), text: text.trim() })
        return text
      }
      default:
        return 'children' in current
          ? (current as Parent).children.map((c) => visit(c as Nodes)).join(' ')
          : ''
    }
  }
  const text = (children ?? ('children' in node ? (node as Parent).children : []))
    .map((c) => visit(c))
    .join(' ')
  return { text, links }
}

function linkDefinitions(tree: Root): Map<string, string> {
  const map = new Map<string, string>()
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') map.set(node.identifier.toLowerCase(), node.url)
    else if ('children' in node) {
      for (const child of (node as Parent).children) visit(child)
    }
  }
  visit(tree)
  return map
}

/** The list's own title (its only top-level heading, first in the file) is not a section. */
function listTitleHeading(tree: Root): RootContent | null {
  const topLevel = tree.children.filter((node) => node.type === 'heading' && node.depth === 1)
  const firstHeading = tree.children.find((node) => node.type === 'heading')
  return topLevel.length === 1 && firstHeading === topLevel[0] ? (firstHeading ?? null) : null
}

function slice(text: string, node: Nodes): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? '' : text.slice(start, end)
}
