import type { Creator } from '@retorquere/bibtex-parser'
import { parse as parseBibFile } from '@citation-js/plugin-bibtex/lib/input/file.js'
import { parse as parseBibValue, type BibName } from '@citation-js/plugin-bibtex/lib/input/value.js'
import { readPlainList, readPlainNames, readPlainText } from './bibtex-plain'

/** One BibTeX entry with the fields a paper is drafted from, TeX already turned into text. */
export type BibEntry = {
  type: string
  key: string
  /** The entry as written (for provenance), '' when it could not be located. */
  input: string
  fields: { [name: string]: unknown; author?: Creator[]; keywords?: string[] }
}

/** The fields a draft reads; the others are never decoded. */
const READ_FIELDS = new Set([
  'title',
  'abstract',
  'author',
  'keywords',
  'doi',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'primaryclass',
  'eprintclass',
  'number',
  'note',
  'url',
  'journal',
  'journaltitle',
  'howpublished',
  'annote',
  'date',
  'year',
  'month',
])
const VERBATIM_FIELDS = new Set(['author', 'keywords', 'doi', 'eprint', 'url'])
// A value without any of these is plain text: decoding it would give it back unchanged.
const TEX_MARKS = /[\\{}$~^_%&#]|--|''|``|\s\s|\n/
// The fields the field reader reads as text (not names, lists, URLs or verbatim ids).
const TEXT_FIELDS = new Set([...READ_FIELDS].filter((f) => !VERBATIM_FIELDS.has(f)))
const SPECIAL_ENTRIES = /^(?:string|preamble|comment)$/i
// Definitions are not text; the careful parser reports the entry as unreadable.
const DEFINITION = /\\(?:(?:re)?newcommand|def)(?![A-Za-z])/

/**
 * Reads a BibTeX file with citation-js's readers, whose cost is linear in the file and in each
 * field (a 5 MB abstract takes seconds), decoding only the fields a draft reads and only those
 * with TeX in them. Returns null when the file or an entry's TeX is not readable that way: the
 * caller then reads it with the parser that names the entry and line at fault.
 */
export function readBibtexQuickly(text: string): BibEntry[] | null {
  let raw
  try {
    raw = parseBibFile(text)
  } catch {
    return null
  }
  const starts = entryStarts(text)
  const located = locateEntries(text, raw, starts)
  const entries: BibEntry[] = []
  for (const [index, entry] of raw.entries()) {
    const fields: BibEntry['fields'] = {}
    try {
      for (const [name, value] of Object.entries(entry.properties)) {
        const field = name.toLowerCase()
        if (READ_FIELDS.has(field)) fields[field] = decodeField(field, String(value))
      }
    } catch {
      return null
    }
    entries.push({ type: entry.type, key: entry.label, input: located[index] ?? '', fields })
  }
  return entries
}

function decodeField(field: string, value: string): unknown {
  if (DEFINITION.test(value)) throw new Error('a TeX definition in a field')
  if (field === 'author') {
    return (readPlainNames(value) ?? (parseBibValue(value, field) as BibName[])).map(toCreator)
  }
  if (field === 'keywords') {
    // in the careful parser's order; a tie (`~`) is a space in a tag
    return (readPlainList(value) ?? (parseBibValue(value, field) as string[]))
      .map((keyword) => keyword.replace(/\u00A0/g, ' '))
      .sort((a, b) => a.localeCompare(b))
  }
  if (!TEX_MARKS.test(value)) return value
  return (TEXT_FIELDS.has(field) ? readPlainText(value) : undefined) ?? parseBibValue(value, field)
}

function toCreator(name: BibName): Creator {
  if (name.literal !== undefined) return { name: name.literal }
  if (name.given === undefined && name.prefix === undefined && name.suffix === undefined) {
    return { name: name.family ?? '' }
  }
  const creator: Creator = { lastName: name.family ?? '' }
  if (name.given !== undefined) creator.firstName = name.given
  if (name.prefix !== undefined) creator.prefix = name.prefix
  if (name.suffix !== undefined) creator.suffix = name.suffix
  return creator
}

type Start = { at: number; type: string; key: string }

/** Where each `@type{key` of the file starts (also @string, @comment: they end the entry before). */
function entryStarts(text: string): Start[] {
  return [...text.matchAll(/^[ \t]*@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)/gm)].map((m) => ({
    at: m.index,
    type: m[1] ?? '',
    key: m[2] ?? '',
  }))
}

/** The text of each entry (from its `@` to the next one), found in order by type and key. */
function locateEntries(
  text: string,
  entries: ReadonlyArray<{ type: string; label: string }>,
  starts: ReadonlyArray<Start>,
): string[] {
  let next = 0
  return entries.map((entry) => {
    for (let i = next; i < starts.length; i += 1) {
      const start = starts[i]
      if (!start || SPECIAL_ENTRIES.test(start.type)) continue
      if (start.key !== entry.label || start.type.toLowerCase() !== entry.type.toLowerCase()) {
        continue
      }
      next = i + 1
      const end = starts[i + 1]?.at ?? text.length
      return text.slice(start.at, end).trim()
    }
    return ''
  })
}
