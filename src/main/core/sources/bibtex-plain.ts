import type { BibName } from '@citation-js/plugin-bibtex/lib/input/value.js'
import {
  getStringCase,
  orderNamePieces,
  type BibNamePart,
} from '@citation-js/plugin-bibtex/lib/input/name.js'

// Field values without TeX groups, commands or math, read exactly as citation-js's field reader
// reads them (`lib/input/value.js`) but without running its lexer and grammar over every
// character: a reference file's abstracts are most of its text, and few hold any TeX. Each
// reader returns undefined for a value it does not cover; the caller then runs the field reader.

// Braces, commands and math are TeX to decode; `=` starts a BibLaTeX name part (`family=Doe`).
const TEX = /[\\{}$]/
const NAME_TEX = /[\\{}$=~]/
// The field reader's ligatures, applied to its text tokens.
const LIGATURES = /---?|''|``/g
const LIGATURE: Readonly<Record<string, string>> = {
  '--': '\u2013',
  '---': '\u2014',
  '``': '\u201C',
  "''": '\u201D',
}
const LIGATURE_MARK = /--|''|``/
// Whitespace the reader changes: anything but a lone space.
const SPACING = /[^\S ]| {2}/
// Between two names: the field reader's `and` token.
const AND = /\s+[aA][nN][dD]\s+/
// One name as its parts (words joined by single hyphens, parts by whitespace), in comma-separated
// pieces (`von Last, Jr, First`): what the reader splits without surprises.
const WORD = '[^\\s{}\\\\$=~,-]+'
const PART = `${WORD}(?:-${WORD})*`
const PIECE = `${PART}(?:\\s+${PART})*`
const SIMPLE_NAME = new RegExp(`^${PIECE}(?:,\\s*${PIECE})*$`)

/**
 * A literal or title field (`title`, `abstract`, `journal`, `note`…) as the field reader gives it:
 * every run of whitespace one space, `~` a no-break space, `--`, `---`, ``` `` ``` and `''` their
 * typographic characters; undefined when the value holds TeX.
 */
export function readPlainText(value: string): string | undefined {
  if (TEX.test(value)) return undefined
  return text(value)
}

function text(value: string): string {
  // most values have none of these: a test is cheaper than a replace that rebuilds the string
  let read = SPACING.test(value) ? value.replace(/\s+/g, ' ') : value
  if (read.includes('~')) read = read.replace(/~/g, '\u00A0')
  return LIGATURE_MARK.test(read)
    ? read.replace(LIGATURES, (ligature) => LIGATURE[ligature] ?? ligature)
    : read
}

/**
 * A comma-separated field (`keywords`) as the field reader splits it: each item read as text and
 * trimmed, a trailing comma ending the list; undefined when the value holds TeX or a `~`.
 */
export function readPlainList(value: string): string[] | undefined {
  if (TEX.test(value) || value.includes('~')) return undefined
  const items: string[] = []
  let at = 0
  while (at < value.length) {
    const comma = value.indexOf(',', at)
    const end = comma < 0 ? value.length : comma
    items.push(text(value.slice(at, end)).trim())
    at = end
    if (comma >= 0) {
      at += 1
      // the reader skips one whitespace token after the comma
      while (at < value.length && /\s/.test(value.charAt(at))) at += 1
    }
  }
  return items
}

/**
 * A name list (`author`) as the field reader splits it: names between `and`s, each ordered into
 * given name, prefix, family name and suffix by citation-js's own rules (`Last, First`, lowercase
 * prefixes, hyphenated given names); undefined for TeX, labelled parts or unusual spacing.
 */
export function readPlainNames(value: string): BibName[] | undefined {
  if (NAME_TEX.test(value)) return undefined
  const names = value.split(AND)
  if (!names.every((name) => SIMPLE_NAME.test(name))) return undefined
  return names.map((name) => orderNamePieces(name.split(/,\s*/).map(nameParts)))
}

/** One comma-separated piece of a name as the reader's parts: words, each with its case. */
function nameParts(piece: string): BibNamePart[] {
  const parts: BibNamePart[] = []
  for (const part of piece.split(/\s+/)) {
    const words = part.split('-')
    words.forEach((word, index) => {
      const upperCase = getStringCase(word)
      parts.push(
        index < words.length - 1
          ? { value: word, upperCase, hyphenated: true }
          : { value: word, upperCase },
      )
    })
  }
  return parts
}
