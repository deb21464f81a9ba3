import type { PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { assertTextInput, quoteLine, splitLines } from './text-input'
import type { CalendarDay, PageDate } from './hf-page-dates'
import {
  DATE_PATTERN,
  dateFromMatch,
  isoDay,
  parseDateLine,
  resolveDate,
  utcDay,
} from './hf-page-dates'

type Paragraph = { index: number; lines: string[] }
type Meta = { authorCount: number | null; organization: PaperDraft['organization'] }
type Anchor = { sep: number; dateAt: number; date: PageDate; inline: Meta | null }

const SEPARATOR = /^[·•]$/
const INLINE_ANCHOR = new RegExp(`^(.*?)\\s*[·•]\\s*${DATE_PATTERN}$`)
const AUTHORS_LINE = /^[•·]?\s*(\d+)\s+authors?$/i
const ORG_LINE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*(?:\s+[^\s.!?;:,][^.!?;:,]*)?$/u
const WEEK_LABEL = /^(?:week\s+\d+(?:,?\s+\d{4})?|\d{4}-w\d{1,2})$/i
const MONTH_LABEL = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}$/i
const BOILERPLATE = new Set([
  'new',
  'subscribe',
  'daily papers',
  'weekly papers',
  'monthly papers',
  'trending papers',
  'get trending papers in your email inbox!',
  'byak and the research community',
  'by ak and the research community',
  'previous',
  'next',
])
// Used only when the header has no recognisable line: a title is short, an abstract is not.
const LONG_PARAGRAPH = 250
const CUT_REASON =
  "incomplete entry at the end of the copy (no '·' and date line): the selection may have been cut"

/** A later part of a long copy, cut after an entry: the page's date line from its header. */
export type HfPageContinuation = { pageDate: string | null }

/**
 * Parses text copied from a Hugging Face papers page into drafts, one per complete entry. A part
 * after the first (`continues`) has no header: its entries are dated against the page's date.
 */
export function parseHfPageCopy(
  text: string,
  options: { now: Date; continues?: HfPageContinuation | undefined },
): ParsedList {
  assertTextInput(text)
  const raw = splitLines(text)
  const lines = raw.map(normaliseLine)
  const anchors = findAnchors(lines, true)
  const drafts: PaperDraft[] = []
  const skipped: Array<{ line: number | null; entry: string; reason: string }> = []
  const today = utcDay(options.now)
  const { continues } = options
  const continuedDate = continues?.pageDate ? parseDateLine(continues.pageDate) : null
  let pageDay: CalendarDay | null = continuedDate ? resolveDate(continuedDate, today, 1) : null
  let start = 0
  for (const [position, anchor] of anchors.entries()) {
    let paragraphs = paragraphsOf(lines, start, anchor.sep)
    start = anchor.dateAt + 1
    if (position === 0 && !continues) {
      const header = splitHeader(paragraphs)
      paragraphs = header.rest
      if (header.pageDate) pageDay = resolveDate(header.pageDate.date, today, header.pageDate.line)
      const first = paragraphs[0]
      if (first && first.lines.join(' ').length > LONG_PARAGRAPH) {
        const reason = 'incomplete entry at the start of the copy: it begins inside an abstract'
        skipped.push({ line: first.index + 1, entry: first.lines[0] ?? '', reason })
        continue
      }
    }
    const meta = takeMeta(paragraphs, anchor.inline)
    const titleParagraph = paragraphs[0]
    if (!titleParagraph) {
      const reason = 'entry without a title'
      skipped.push({ line: anchor.sep + 1, entry: lines[anchor.dateAt]?.trim() ?? '', reason })
      continue
    }
    const abstract = paragraphs
      .slice(1)
      .map((paragraph) => paragraph.lines.join(' '))
      .join('\n\n')
    const day = resolveDate(anchor.date, pageDay ?? today, anchor.dateAt + 1)
    drafts.push({
      title: titleParagraph.lines.join(' '),
      abstract: abstract === '' ? null : abstract,
      authorCount: meta.authorCount,
      organization: meta.organization,
      publishedAt: isoDay(day),
      upvotes: anchor.date.upvotes,
      authors: [],
      provenance: {
        line: titleParagraph.index + 1,
        rank: drafts.length + 1,
        section: null,
        raw: raw.slice(titleParagraph.index, anchor.dateAt + 1).join('\n'),
      },
    })
  }
  const rest = lines.findIndex((line, index) => index >= start && line.trim() !== '')
  if (drafts.length === 0 && !continues) {
    const last = lines.findLastIndex((line) => line.trim() !== '')
    throw new ParseError(
      "no complete entry found (a title, an abstract, then a '·' line and a date line such as " +
        "'May 19'): the copy seems cut off",
      last + 1,
    )
  }
  if (rest >= 0) {
    skipped.push({ line: rest + 1, entry: lines[rest]?.trim() ?? '', reason: CUT_REASON })
  }
  return { drafts, skipped }
}

/**
 * Where the last complete entry of `text` ends (after its date line and line break; 0: none yet),
 * so a long copy can be read in parts that each parse as the whole would. Only whole lines count:
 * a date line cut short could read as another date.
 */
export function hfPageEntriesEnd(text: string): number {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1)
  const lines: string[] = []
  const ends: number[] = []
  const breaks = /\r\n|\r|\n/g
  let start = 0
  for (let found = breaks.exec(complete); found; found = breaks.exec(complete)) {
    lines.push(normaliseLine(complete.slice(start, found.index)))
    start = breaks.lastIndex
    ends.push(start)
  }
  const last = findAnchors(lines, false).at(-1)
  return last ? (ends[last.dateAt] ?? 0) : 0
}

/** The page's own date line in the header before the first entry of `text`, if it has one. */
export function hfPageDateLine(text: string): string | null {
  const lines = splitLines(text).map(normaliseLine)
  const first = findAnchors(lines, false)[0]
  if (!first) return null
  const { pageDate } = splitHeader(paragraphsOf(lines, 0, first.sep))
  return pageDate ? (lines[pageDate.line - 1]?.trim() ?? null) : null
}

/** True when the text has at least one entry end: a `·` line followed by a date line. */
export function isHfPageCopy(text: string): boolean {
  return findAnchors(splitLines(text).map(normaliseLine), false).length > 0
}

function normaliseLine(line: string): string {
  return line
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .trimEnd()
    .normalize('NFC')
}

/** Finds every entry end; a separator without a date throws when `strict`, else is passed over. */
function findAnchors(lines: ReadonlyArray<string>, strict: boolean): Anchor[] {
  const anchors: Anchor[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim()
    if (SEPARATOR.test(line)) {
      let next = index + 1
      while (next < lines.length && lines[next]?.trim() === '') next++
      // A separator on the last line is a cut selection, reported with the trailing entry.
      if (next >= lines.length) break
      const date = parseDateLine(lines[next] ?? '')
      if (!date && !strict) continue
      if (!date) {
        throw new ParseError(
          `a separator without a date: the line after '${line}' should be a date such as ` +
            `'May 19' or 'Dec 8, 2024', not '${quoteLine(lines[next] ?? '')}'`,
          index + 1,
        )
      }
      anchors.push({ sep: index, dateAt: next, date, inline: null })
      index = next
      continue
    }
    const match = INLINE_ANCHOR.exec(line)
    const inline = match ? parseMetaText(match[1] ?? '') : null
    if (match && inline) {
      anchors.push({ sep: index, dateAt: index, date: dateFromMatch(match, 2), inline })
    }
  }
  return anchors
}

function paragraphsOf(lines: ReadonlyArray<string>, from: number, to: number): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let current: Paragraph | null = null
  for (let index = from; index < to; index++) {
    const line = lines[index]?.trim() ?? ''
    if (line === '') {
      current = null
    } else if (current) {
      current.lines.push(line)
    } else {
      current = { index, lines: [line] }
      paragraphs.push(current)
    }
  }
  return paragraphs
}

/**
 * Splits the page header from the first entry: the header ends at its last recognisable line (the
 * page date, a week or month label, a known boilerplate line); without one, the title is the
 * paragraph before the first abstract-sized one.
 */
function splitHeader(paragraphs: Paragraph[]): {
  pageDate: { date: PageDate; line: number } | null
  rest: Paragraph[]
} {
  const firstLong = paragraphs.findIndex((p) => p.lines.join(' ').length > LONG_PARAGRAPH)
  const searchable = firstLong < 0 ? paragraphs : paragraphs.slice(0, firstLong)
  const lastMarker = searchable.findLastIndex((p) => p.lines.length === 1 && isHeaderLine(p))
  if (lastMarker < 0) {
    return { pageDate: null, rest: paragraphs.slice(Math.max(0, firstLong - 1)) }
  }
  let pageDate: { date: PageDate; line: number } | null = null
  for (const paragraph of paragraphs.slice(0, lastMarker + 1)) {
    const date = paragraph.lines.length === 1 ? parseDateLine(paragraph.lines[0] ?? '') : null
    if (date && date.upvotes === null) pageDate = { date, line: paragraph.index + 1 }
  }
  return { pageDate, rest: paragraphs.slice(lastMarker + 1) }
}

function isHeaderLine(paragraph: Paragraph): boolean {
  const line = paragraph.lines[0] ?? ''
  const date = parseDateLine(line)
  return (
    (date !== null && date.upvotes === null) ||
    WEEK_LABEL.test(line) ||
    MONTH_LABEL.test(line) ||
    BOILERPLATE.has(line.toLowerCase())
  )
}

/** Removes the metadata (authors count, organization) from the end of an entry and returns it. */
function takeMeta(paragraphs: Paragraph[], inline: Meta | null): Meta {
  let meta: Meta | null = null
  const last = paragraphs.at(-1)
  if (last && paragraphs.length > 1) {
    meta = parseMetaLines(last.lines)
    if (meta) paragraphs.pop()
  }
  if (!meta && last && last.lines.length > 1) {
    const count = AUTHORS_LINE.exec(last.lines.at(-1) ?? '')
    if (count) {
      last.lines.pop()
      meta = { authorCount: Number(count[1]), organization: null }
    }
  }
  return {
    authorCount: inline?.authorCount ?? meta?.authorCount ?? null,
    organization: inline?.organization ?? meta?.organization ?? null,
  }
}

/** Reads a metadata paragraph: at most one authors line and one organization line. */
function parseMetaLines(lines: ReadonlyArray<string>): Meta | null {
  const meta: Meta = { authorCount: null, organization: null }
  for (const line of lines) {
    const count = AUTHORS_LINE.exec(line)
    if (count && meta.authorCount === null) {
      meta.authorCount = Number(count[1])
    } else if (!count && meta.organization === null && isOrgLine(line)) {
      const [handle = line, ...name] = line.split(/\s+/)
      meta.organization = { handle, name: name.length > 0 ? name.join(' ') : handle }
    } else {
      return null
    }
  }
  return meta
}

/** Reads the metadata before `·` on a one-line entry end (`nvidia NVIDIA`, `• 7 authors`). */
function parseMetaText(text: string): Meta | null {
  const match = /^(.*?)\s*(?:([•·]?\s*\d+\s+authors?))?$/i.exec(text.trim())
  if (!match) return null
  const lines = [match[1], match[2]].filter((part): part is string => !!part)
  return lines.length === 0 ? { authorCount: null, organization: null } : parseMetaLines(lines)
}

function isOrgLine(line: string): boolean {
  return line.length <= 60 && line.split(/\s+/).length <= 8 && ORG_LINE.test(line)
}
