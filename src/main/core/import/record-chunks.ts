import { createReadStream } from 'node:fs'
import { hfPageDateLine, hfPageEntriesEnd, type HfPageContinuation } from '../sources/hf-page-copy'
import { ParseError } from '../sources/parse-error'

/** Formats read as a stream of records, a few megabytes at a time. */
export const STREAMED_FORMATS = ['ids', 'ris', 'bibtex', 'csl-json', 'hf-page'] as const
export type StreamedFormat = (typeof STREAMED_FORMATS)[number]

/** Whole records of a file, parseable on their own, and where they stand in it. */
export type RecordChunk = {
  text: string
  /** The file's line number of the chunk's first line, less any lines put before it. */
  lineOffset: number
  /** Bytes of the file read so far. */
  bytesRead: number
  /** A copied page's part after the first: what its entries need of the page's header. */
  continues?: HfPageContinuation
}

/** About this much text is parsed at a time. */
export const CHUNK_CHARS = 4 * 1024 * 1024

/**
 * Reads a file as strict UTF-8 and yields it in chunks that end on a record boundary (a line, an
 * RIS `ER` line, the start of a BibTeX entry, an element of a CSL-JSON array, the date line
 * ending an entry of a copied Hugging Face page), so memory stays flat whatever the file's size.
 * BibTeX `@string` macros are put before every later chunk, and a copied page's later parts
 * carry its date, so entries read as in the whole file.
 */
export async function* recordChunks(
  path: string,
  format: StreamedFormat,
  chunkChars = CHUNK_CHARS,
): AsyncGenerator<RecordChunk> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let pending = ''
  let linesBefore = 0
  let bytesRead = 0
  let macros = ''
  let continues: HfPageContinuation | undefined
  const emit = (cut: number): RecordChunk => {
    const body = pending.slice(0, cut)
    const prefix = macros === '' ? '' : `${macros}\n`
    const chunk = {
      text: format === 'csl-json' ? cslChunk(body, pending, cut) : prefix + body,
      lineOffset: linesBefore - lineCount(prefix),
      bytesRead,
      ...(continues ? { continues } : {}),
    }
    if (format === 'hf-page') continues ??= { pageDate: hfPageDateLine(body) }
    linesBefore += lineCount(body)
    pending =
      format === 'csl-json' && cut < pending.length
        ? `[${pending.slice(cut + 1)}`
        : pending.slice(cut)
    if (format === 'bibtex') {
      macros = [macros, stringMacros(body)].filter((m) => m !== '').join('\n')
    }
    return chunk
  }
  for await (const bytes of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    bytesRead += (bytes as Buffer).length
    pending += decode(path, decoder, bytes as Buffer)
    while (pending.length >= chunkChars) {
      // the last boundary within a chunk's length, else (one long record) the last one read
      const cut =
        recordBoundary(pending.slice(0, chunkChars), format) || recordBoundary(pending, format)
      if (cut <= 0) break
      const chunk = emit(cut)
      // a run of blank lines is no chunk of its own (a parser refuses empty text)
      if (chunk.text.trim() !== '') yield chunk
    }
  }
  pending += decode(path, decoder)
  if (pending.trim() !== '' || linesBefore === 0) yield emit(pending.length)
}

function decode(path: string, decoder: TextDecoder, bytes?: Buffer): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode()
  } catch {
    throw new ParseError('this is not a text file (it is not valid UTF-8)', null, path)
  }
}

/** Where the last complete record of `text` ends (0: none yet). */
function recordBoundary(text: string, format: StreamedFormat): number {
  if (format === 'ids') return text.lastIndexOf('\n') + 1
  if (format === 'ris') {
    let end = 0
    for (const match of text.matchAll(/^ER {2}-[^\n]*\n/gm)) end = match.index + match[0].length
    return end
  }
  if (format === 'bibtex') {
    // before an entry, never before a trailing @comment: every chunk holds an entry
    let start = 0
    for (const match of text.matchAll(/\n[ \t]*@\s*([A-Za-z]+)/g)) {
      if (!/^(?:string|preamble|comment)$/i.test(match[1] ?? '')) start = match.index + 1
    }
    return start
  }
  if (format === 'hf-page') return hfPageEntriesEnd(text)
  return lastTopLevelComma(text)
}

/** The index of the last comma between two elements of the top-level JSON array (0: none). */
function lastTopLevelComma(text: string): number {
  // A single object (or anything else) is read whole.
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (!start.startsWith('[')) return 0
  let depth = 0
  let inString = false
  let last = 0
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i += 1
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '[' || char === '{') depth += 1
    else if (char === ']' || char === '}') depth -= 1
    else if (char === ',' && depth === 1) last = i
  }
  return last
}

/** A CSL-JSON chunk: the elements before the cut, closed as an array of their own. */
function cslChunk(body: string, whole: string, cut: number): string {
  return cut < whole.length ? `${body}]` : body
}

function lineCount(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1
  return count
}

/** The `@string` definitions of a piece of BibTeX, each whole (braces matched). */
function stringMacros(text: string): string {
  const found: string[] = []
  for (const match of text.matchAll(/^[ \t]*@\s*string\s*([{(])/gim)) {
    const close = match[1] === '{' ? '}' : ')'
    let depth = 0
    for (let i = match.index + match[0].length - 1; i < text.length; i += 1) {
      const char = text[i]
      if (char === match[1]) depth += 1
      else if (char === close && --depth === 0) {
        // one line each, so the lines put before a chunk are easy to count
        found.push(
          text
            .slice(match.index, i + 1)
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        )
        break
      }
    }
  }
  return found.join('\n')
}
