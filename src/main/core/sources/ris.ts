import { plugins } from '@citation-js/core'
import '@citation-js/plugin-ris'
import { cslItemSchema, cslItemToDraft } from './csl-item'
import { assertMaxChars, assertMaxLineLength } from './input-limits'
import { htmlToPlain } from './markup-text'
import type { PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { assertTextInput, splitLines } from './text-input'

/** The largest RIS file read. */
export const MAX_RIS_CHARS = 48 * 1024 * 1024
const MAX_LINE_CHARS = 1024 * 1024
// The plugin's own line rule (on the trimmed line): a tag, two spaces, a dash, a space or the end.
const TAG_LINE = /^[A-Z][A-Z0-9] {2}-(?: |$)/
const RECORD_START = /^TY {2}-(?: |$)/
const AUTHOR_TAGS = ['A1', 'AU'] as const

type RisRecord = Record<string, string | string[] | undefined>

/**
 * Parses an RIS file (Zotero, EndNote, Scopus, publishers) with @citation-js/plugin-ris: LF or
 * CRLF, a BOM, continuation lines, `ER  -` with or without its space. Authors from `A1` and `AU`
 * are kept together, `A1` first (the plugin alone keeps only one of the two tags); `N1` notes are
 * HTML in Zotero exports and are read as text. Mapped to drafts as CSL-JSON items are.
 */
export function parseRis(
  text: string,
  options: { sourceUrl: string; itemsBefore?: number },
): ParsedList {
  assertMaxChars(text, MAX_RIS_CHARS, 'an RIS file')
  assertMaxLineLength(text, MAX_LINE_CHARS, 'an RIS file')
  assertTextInput(text)
  const lines = splitLines(text.replace(/^\uFEFF/, ''))
  const starts = lines.flatMap((line, index) => (RECORD_START.test(line.trim()) ? [index + 1] : []))
  const firstTag = lines.findIndex((line) => TAG_LINE.test(line.trim()))
  if (starts.length === 0 || firstTag < 0) {
    throw new ParseError("no RIS records were found (a record starts with 'TY  - ')")
  }
  if (!RECORD_START.test((lines[firstTag] ?? '').trim())) {
    throw new ParseError(
      `a tag before the first 'TY  - ' line: '${(lines[firstTag] ?? '').trim()}'`,
      firstTag + 1,
    )
  }
  let records: RisRecord[]
  try {
    records = plugins.input.data(lines.join('\n'), '@ris/file') as RisRecord[]
  } catch (error) {
    throw new ParseError(
      `the RIS file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (!Array.isArray(records) || records.length !== starts.length) {
    throw new ParseError(`the RIS records could not be told apart (${starts.length} 'TY' lines)`)
  }
  const drafts: PaperDraft[] = []
  const skipped: Array<{ line: number | null; entry: string; reason: string }> = []
  records.forEach((record, index) => {
    const line = starts[index] ?? null
    const item = toCslItem(record, line)
    const draft = cslItemToDraft(item, {
      line,
      rank: drafts.length + 1,
      section: null,
      raw: JSON.stringify(record),
    })
    if (draft) drafts.push(draft)
    else {
      skipped.push({
        line,
        entry: `record ${(options.itemsBefore ?? 0) + index + 1} (TY ${String(record.TY ?? '?')})`,
        reason: 'neither a title nor an arXiv id or DOI',
      })
    }
  })
  return { drafts, skipped }
}

function toCslItem(record: RisRecord, line: number | null) {
  let converted: unknown
  try {
    // One step (the plugin's record translator) instead of a full chain: the same CSL, 3x faster.
    converted = plugins.input.data(record, '@ris/record')
  } catch (error) {
    throw new ParseError(
      `an RIS record could not be read: ${error instanceof Error ? error.message : String(error)}`,
      line,
    )
  }
  const csl: unknown = Array.isArray(converted) ? converted[0] : converted
  const parsed = cslItemSchema.safeParse(csl ?? {})
  if (!parsed.success) {
    throw new ParseError(
      `an RIS record has an unexpected field: ${parsed.error.issues[0]?.message ?? ''}`,
      line,
    )
  }
  const authors = AUTHOR_TAGS.flatMap((tag) => values(record[tag])).map(risName)
  const notes = values(record.N1).map((note) => htmlToPlain(note).trim())
  return {
    ...parsed.data,
    ...(authors.length > 0 ? { author: authors } : {}),
    ...(notes.length > 0 ? { note: notes.join('\n') } : {}),
  }
}

function values(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '')
}

/** `Last, First[, Suffix]` → CSL name; a name without a comma is kept whole. */
function risName(text: string): {
  family?: string
  given?: string
  suffix?: string
  literal?: string
} {
  const [family, given, suffix] = text.split(',').map((part) => part.trim())
  if (!family || given === undefined) return { literal: text }
  return { family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) }
}
