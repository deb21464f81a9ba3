import { parse, type Creator } from '@retorquere/bibtex-parser'
import { parseArxivId, type ArxivRef } from '@shared/model/ids'
import type { SuggestedTag } from '@shared/model/paper'
import { assertMaxChars, assertMaxLineLength } from './input-limits'
import { BIBTEX_OPTIONS } from './latex-text'
import { richTextToPlain } from './markup-text'
import type { DraftAuthor, PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { findArxivId, partialDate, partialDateFromText, readDoi } from './reference-ids'
import { assertTextInput, lineLocator } from './text-input'
import { readBibtexQuickly, type BibEntry } from './bibtex-quick'

/** The largest BibTeX file read (a 20,000-entry Zotero library with abstracts is about 30 MB). */
export const MAX_BIBTEX_CHARS = 48 * 1024 * 1024
/** No field of a real reference fills a line this long. */
const MAX_LINE_CHARS = 1024 * 1024
// Reported by the parser but harmless: the value is kept as written.
const HARMLESS = /^Unresolved @string reference/
// Errors of the file's structure carry a position; errors inside one entry's TeX do not.
const STRUCTURAL = / at line \d+, column \d+/

/**
 * Parses a BibTeX or BibLaTeX file (Zotero, Better BibTeX, JabRef, Mendeley, Google Scholar): TeX accents and commands become Unicode, authors come in order as
 * `First Last`, and the arXiv id is found in `eprint` (with `archiveprefix`/`eprinttype` arXiv),
 * `number`, `note`, `url`, `journal`, `howpublished` or an arXiv DOI. `publishedAt` is the most
 * precise date known (`date`, else `year` and `month`): `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 * A syntax error fails the whole file with a ParseError naming the entry's key and line; an
 * entry whose TeX cannot be read (an unclosed `$`) is skipped with the reason.
 */
export function parseBibtex(text: string, _options: { sourceUrl: string }): ParsedList {
  assertMaxChars(text, MAX_BIBTEX_CHARS, 'a BibTeX file')
  assertMaxLineLength(text, MAX_LINE_CHARS, 'a BibTeX file')
  assertTextInput(text)
  // citation-js's readers are fast and linear; a file they cannot read is read again by
  // @retorquere/bibtex-parser, whose errors name the entry and what is wrong with it.
  const quick = readBibtexQuickly(text)
  if (quick === null) return readCarefully(text)
  if (quick.length === 0) throw noEntries()
  return toDrafts(text, quick, [])
}

/** Reads with @retorquere/bibtex-parser (slow: about 3 ms an entry, quadratic in a field's length). */
export function readCarefully(text: string): ParsedList {
  const library = parse(text, BIBTEX_OPTIONS)
  const errors = library.errors.filter((e) => !HARMLESS.test(e.error))
  const structural = errors.find((e) => STRUCTURAL.test(e.error))
  const lineAt = lineLocator(text)
  const located = { text, lineAt }
  if (structural) throw syntaxError(located, structural.error, structural.input ?? '')
  // The file's structure is sound but one entry's TeX is not (`$x` never closed): the parser
  // leaves that entry out, and so does the import, saying which and why.
  const skipped = errors.map((e) => unreadableEntry(located, e.error, e.input ?? ''))
  if (library.entries.length === 0 && skipped.length === 0) throw noEntries()
  return toDrafts(text, library.entries, skipped)
}

function noEntries(): ParseError {
  return new ParseError(`no BibTeX entries were found (an entry starts '@type{key,')`)
}

/** Drafts from read entries, each with its line; `skipped` already holds the unreadable ones. */
function toDrafts(
  text: string,
  entries: ReadonlyArray<BibEntry>,
  unreadable: ParsedList['skipped'],
): ParsedList {
  const lineAt = lineLocator(text)
  const skipped = [...unreadable]
  const drafts: PaperDraft[] = []
  let cursor = 0
  for (const entry of entries) {
    const at = entry.input === '' ? -1 : text.indexOf(entry.input, cursor)
    if (at >= 0) cursor = at + entry.input.length
    const line = at >= 0 ? lineAt(at) : null
    const draft = toDraft(entry, { line, rank: drafts.length + 1, section: null, raw: entry.input })
    if (draft) drafts.push(draft)
    else {
      skipped.push({
        line,
        entry: `@${entry.type}{${entry.key}}`,
        reason: 'neither a title nor an arXiv id or DOI',
      })
    }
  }
  return { drafts, skipped: skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) }
}

function toDraft(entry: BibEntry, provenance: PaperDraft['provenance']): PaperDraft | null {
  const fields = entry.fields
  const text = (name: string): string | null => {
    const value: unknown = fields[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
  }
  const doi = readDoi(text('doi'))
  const arxiv =
    eprintId(text('eprint'), text('archiveprefix') ?? text('eprinttype')) ??
    doi.arxiv ??
    firstFound([
      text('number'),
      text('note'),
      text('url'),
      text('journal'),
      text('journaltitle'),
      text('howpublished'),
      text('annote'),
    ])
  const title = text('title') ? richTextToPlain(text('title') ?? '') : null
  if (!title && !arxiv && !doi.doi) return null
  const classes = (text('primaryclass') ?? text('eprintclass') ?? '')
    .split(/[,\s]+/)
    .filter((c) => /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(c))
  const keywords = Array.isArray(fields.keywords) ? fields.keywords : []
  const suggestedTags: SuggestedTag[] = [
    ...(arxiv ? classes.map((label) => ({ label, origin: 'arxiv-category' as const })) : []),
    ...keywords
      .map((label) => richTextToPlain(label).trim())
      .filter((l) => l !== '')
      .map((label) => ({ label, origin: 'keyword' as const })),
  ]
  const abstract = text('abstract')
  return {
    arxivId: arxiv?.id ?? null,
    arxivVersion: arxiv?.version ?? null,
    doi: doi.doi,
    title,
    abstract: abstract ? richTextToPlain(abstract) : null,
    authors: (fields.author ?? []).map(toAuthor).filter((a) => a.name !== ''),
    publishedAt: partialDateFromText(text('date')) ?? partialDate(text('year'), text('month')),
    suggestedTags,
    provenance,
  }
}

function eprintId(eprint: string | null, prefix: string | null): ArxivRef | null {
  if (!eprint) return null
  // An eprint of another archive (JSTOR, PubMed) is not an arXiv id, whatever it looks like.
  if (prefix !== null && !/^arxiv$/i.test(prefix)) return null
  return parseArxivId(eprint)
}

function firstFound(texts: ReadonlyArray<string | null>): ArxivRef | null {
  for (const text of texts) {
    const ref = findArxivId(text)
    if (ref) return ref
  }
  return null
}

function toAuthor(creator: Creator): DraftAuthor {
  const name =
    creator.name ??
    [creator.firstName, creator.prefix, creator.lastName]
      .filter((part) => part && part.trim() !== '')
      .join(' ') + (creator.suffix ? ` ${creator.suffix}` : '')
  return { name: richTextToPlain(name).replace(/\s+/g, ' ').trim(), affiliation: null }
}

function syntaxError(source: Located, message: string, input: string): ParseError {
  const { key, line } = locate(source, input)
  const fallbackLine = Number(/at line (\d+)/.exec(message)?.[1] ?? 0) || null
  const detail = firstLine(message)
    .replace(/ at line \d+, column \d+/, '')
    .replace(/ in "\w+"$/, '')
  const entry = key === '' ? 'an entry' : `entry '${key}'`
  return new ParseError(`${entry} is not valid BibTeX: ${detail}`, line ?? fallbackLine)
}

function unreadableEntry(source: Located, message: string, input: string) {
  const { key, type, line } = locate(source, input)
  const detail = firstLine(message).replace(/ @ \{.*$/, '')
  return { line, entry: `@${type}{${key}}`, reason: `its TeX could not be read: ${detail}` }
}

/** The file's text and its line numbers. */
type Located = { text: string; lineAt: (index: number) => number }

function locate(
  { text, lineAt }: Located,
  input: string,
): { key: string; type: string; line: number | null } {
  const head = /^@\s*(\w+)\s*[{(]\s*([^,\s]*)/.exec(input)
  const at = input === '' ? -1 : text.indexOf(input)
  return {
    type: head?.[1] ?? '',
    key: head?.[2] ?? '',
    line: at >= 0 ? lineAt(at) : null,
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
