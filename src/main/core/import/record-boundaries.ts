import { hfPageEntriesEnd } from '../sources/hf-page-copy'

/** Formats read as a stream of records, a few hundred kilobytes at a time. */
export const STREAMED_FORMATS = ['ids', 'ris', 'bibtex', 'csl-json', 'hf-page'] as const
export type StreamedFormat = (typeof STREAMED_FORMATS)[number]

/**
 * Finds where whole records end in a text that grows at its end and is cut at its start. For
 * CSL-JSON a boundary is the comma between two elements of the top-level array; for the other
 * formats it is where the next chunk begins.
 */
export type BoundaryScanner = {
  /**
   * The last boundary in the first `limit` characters of `text`, else the first one after them
   * (0: none yet). `text` is the previous text, grown.
   */
  scan(text: string, limit: number): number
  /** The first `cut` characters were taken off the text. */
  shift(cut: number): void
  /**
   * The file ended with `text` left: where a record that is still open starts in it (a file cut
   * short), or null when every record is closed.
   */
  openRecordAt(text: string): number | null
}

/** A scanner for `format`. */
export function boundaryScanner(format: StreamedFormat): BoundaryScanner {
  if (format === 'csl-json') return jsonArrayScanner()
  if (format === 'bibtex') return bibtexScanner()
  return searchingScanner(SEARCHES[format])
}

/** Line-based formats: a search of the whole text, repeated only once it has doubled. */
const SEARCHES: Record<'ids' | 'ris' | 'hf-page', (text: string) => number> = {
  ids: (text) => text.lastIndexOf('\n') + 1,
  ris: (text) => {
    let end = 0
    for (const match of text.matchAll(/^ER {2}-[^\n]*\n/gm)) end = match.index + match[0].length
    return end
  },
  'hf-page': hfPageEntriesEnd,
}

function searchingScanner(search: (text: string) => number): BoundaryScanner {
  // A long record would otherwise be searched again after every read: quadratic time.
  let searchAt = 0
  return {
    scan(text, limit) {
      const within = search(text.slice(0, limit))
      if (within > 0 || text.length <= limit) return within
      if (text.length < searchAt) return 0
      const found = search(text)
      searchAt = found > 0 ? 0 : text.length * 2
      return found
    },
    shift: () => {
      searchAt = 0
    },
    openRecordAt: () => null,
  }
}

const QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const OPEN_BRACE = 123
const CLOSE_BRACE = 125

/** What matters inside a JSON string, and outside one. */
const IN_STRING = /["\\]/g
const IN_STRUCTURE = /["[\]{},]/g
/** What matters inside a BibTeX entry: its braces (and, in `@type(…)`, quotes and the close). */
const IN_BRACE_ENTRY = /[{}]/g
const IN_PAREN_ENTRY = /[{}")]/g

/** The index of `pattern`'s next match in `text` from `from`, or the text's length. */
function nextMatch(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from
  return pattern.exec(text)?.index ?? text.length
}

/**
 * A top-level JSON array, element by element: strings (with their escapes) and nesting are
 * followed across reads, so brackets, braces and commas inside strings never cut. A text that is
 * not an array (one CSL item) has no boundary: it is read whole.
 */
function jsonArrayScanner(): BoundaryScanner {
  let mode: 'unknown' | 'array' | 'other' = 'unknown'
  let at = 0
  let depth = 0
  let inString = false
  let escaped = false
  let lastComma = 0
  let elementStart = 0
  return {
    scan(text, limit) {
      let i = at
      if (mode === 'unknown') {
        while (i < text.length && /[\s\uFEFF]/.test(text[i] ?? '')) i += 1
        if (i === text.length) {
          at = i
          return 0
        }
        mode = text.charCodeAt(i) === OPEN_BRACKET ? 'array' : 'other'
      }
      if (mode === 'other') {
        at = text.length
        return 0
      }
      while (i < text.length && (i < limit || lastComma === 0)) {
        if (escaped) {
          escaped = false
          i += 1
          continue
        }
        // straight to the next character that matters, in native code
        const next = nextMatch(inString ? IN_STRING : IN_STRUCTURE, text, i)
        if (next >= limit && lastComma > 0) {
          i = limit
          break
        }
        i = next + 1
        if (next === text.length) break
        const c = text.charCodeAt(next)
        if (inString) {
          if (c === BACKSLASH) escaped = true
          else inString = false
        } else if (c === QUOTE) {
          inString = true
          if (depth === 1) elementStart = next
        } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
          if (depth === 1) elementStart = next
          depth += 1
        } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth -= 1
        else if (depth === 1) lastComma = next
      }
      at = Math.min(i, text.length)
      return lastComma
    },
    shift(cut) {
      at -= cut
      elementStart = Math.max(0, elementStart - cut)
      lastComma = 0
    },
    openRecordAt(text) {
      this.scan(text, text.length)
      if (mode !== 'array' || (depth === 0 && !inString)) return null
      return depth > 1 || inString ? elementStart : 0
    },
  }
}

/** BibTeX entry types that are no reference: a chunk of only these would hold no entry. */
const NOT_ENTRIES = /^(?:string|preamble|comment)$/i
/** An entry's head: `@type{` or `@type(`. */
const ENTRY_HEAD = /@[ \t\r\n]*([A-Za-z][^\s{(,=#"%'}]*)[ \t\r\n]*([{(])/y
/** A head longer than this is no head (an `@` in the text between entries). */
const LONGEST_HEAD = 256

/**
 * BibTeX entries, followed brace by brace (as BibTeX itself counts them), so an `@` inside a
 * field (an e-mail address, a line of an abstract) never cuts. A boundary is the start of the
 * line of a reference entry that follows another one: every chunk holds an entry, and `@string`,
 * `@preamble` and `@comment` stay with the entries around them.
 */
function bibtexScanner(): BoundaryScanner {
  let at = 0
  let inEntry = false
  let byParen = false
  let depth = 0
  let inQuote = false
  let entryStart = 0
  let sawEntry = false
  let last = 0
  return {
    scan(text, limit) {
      let i = at
      while (i < text.length && (i < limit || last === 0)) {
        if (!inEntry) {
          const next = text.indexOf('@', i)
          if (next < 0) {
            i = text.length
            break
          }
          if (next >= limit && last > 0) {
            i = limit
            break
          }
          ENTRY_HEAD.lastIndex = next
          const head = ENTRY_HEAD.exec(text)
          if (!head) {
            // the head may still be arriving
            if (text.length - next < LONGEST_HEAD && !/[{(]/.test(text.slice(next + 1))) {
              i = next
              break
            }
            i = next + 1
            continue
          }
          inEntry = true
          byParen = head[2] === '('
          depth = 0
          inQuote = false
          entryStart = next
          if (!NOT_ENTRIES.test(head[1] ?? '')) {
            if (sawEntry) last = lineStart(text, next)
            sawEntry = true
          }
          i = ENTRY_HEAD.lastIndex
          continue
        }
        const next = nextMatch(byParen ? IN_PAREN_ENTRY : IN_BRACE_ENTRY, text, i)
        i = next + 1
        if (next === text.length) break
        const c = text.charCodeAt(next)
        if (c === OPEN_BRACE) depth += 1
        else if (c === CLOSE_BRACE) {
          if (depth === 0 && !byParen) inEntry = false
          else depth -= 1
        } else if (depth === 0) {
          if (c === QUOTE) inQuote = !inQuote
          else if (!inQuote) inEntry = false
        }
      }
      i = Math.min(i, text.length)
      at = i
      return last
    },
    shift(cut) {
      at -= cut
      entryStart = Math.max(0, entryStart - cut)
      last = 0
    },
    openRecordAt(text) {
      this.scan(text, text.length)
      return inEntry ? entryStart : null
    },
  }
}

/** Where the line of `index` starts, when only blanks stand before it on that line. */
function lineStart(text: string, index: number): number {
  const start = text.lastIndexOf('\n', index - 1) + 1
  return /^[ \t]*$/.test(text.slice(start, index)) ? start : index
}
