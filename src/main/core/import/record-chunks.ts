import { closeSync, openSync, readSync } from 'node:fs'
import { hfPageDateLine, type HfPageContinuation } from '../sources/hf-page-copy'
import { ParseError } from '../sources/parse-error'
import { boundaryScanner, type StreamedFormat } from './record-boundaries'

export { STREAMED_FORMATS, type StreamedFormat } from './record-boundaries'

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

/** How a file is cut: bytes per read, about this much text per chunk, no record longer. */
export type ChunkSizes = {
  readBytes?: number | undefined
  chunkChars?: number | undefined
  maxRecordChars?: number | undefined
}

/** Bytes read from the file at a time. */
export const READ_BYTES = 512 * 1024
/**
 * About this much text is parsed at a time: a chunk's drafts wait in the writing thread while the
 * chunk before is written, and half a megabyte keeps that thread's heap (and the process) small.
 */
export const CHUNK_CHARS = 512 * 1024
/** The longest record read (a BibTeX entry with a book-length abstract is far below it). */
export const MAX_RECORD_CHARS = 48 * 1024 * 1024

/** What one record is called in each format's messages. */
const RECORD_NOUN: Record<StreamedFormat, [string, string]> = {
  ids: ['a', 'line'],
  ris: ['a', 'record'],
  bibtex: ['an', 'entry'],
  'csl-json': ['an', 'item'],
  'hf-page': ['an', 'entry'],
}

/** A file being read chunk by chunk. */
export type RecordChunkReader = {
  /** The next chunk (null after the last); throws a ParseError naming the line at fault. */
  next(): RecordChunk | null
  /** The last chunk was handed out. */
  readonly done: boolean
  close(): void
}

/**
 * Reads a file as strict UTF-8, `readBytes` at a time, and hands it out in chunks of whole
 * records (a line, an RIS record, a BibTeX entry, an element of a CSL-JSON array, an entry of a
 * copied Hugging Face page), so memory stays flat whatever the file's size. BibTeX `@string`
 * macros are put before every later chunk, and a copied page's later parts carry its date, so
 * entries read as in the whole file. A record longer than `maxRecordChars`, or one the file ends
 * inside (a file cut short), fails with its line. Synchronous: it runs in the parse thread.
 */
export function openRecordChunks(
  path: string,
  format: StreamedFormat,
  sizes: ChunkSizes = {},
): RecordChunkReader {
  const readBytes = sizes.readBytes ?? READ_BYTES
  const chunkChars = sizes.chunkChars ?? CHUNK_CHARS
  const maxRecordChars = sizes.maxRecordChars ?? MAX_RECORD_CHARS
  const fd = openSync(path, 'r')
  const buffer = Buffer.alloc(readBytes)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const scanner = boundaryScanner(format)
  const [article, noun] = RECORD_NOUN[format]
  let pending = ''
  let linesBefore = 0
  let bytesRead = 0
  let macros = ''
  let continues: HfPageContinuation | undefined
  let ended = false
  let finished = false
  let emitted = 0

  const emit = (cut: number): RecordChunk => {
    const body = pending.slice(0, cut)
    const prefix = macros === '' ? '' : `${macros}\n`
    const whole = cut >= pending.length
    const chunk = {
      text: format === 'csl-json' ? (whole ? body : `${body}]`) : prefix + body,
      lineOffset: linesBefore - lineCount(prefix),
      bytesRead,
      ...(continues ? { continues } : {}),
    }
    if (format === 'hf-page') continues ??= { pageDate: hfPageDateLine(body) }
    linesBefore += lineCount(body)
    // a CSL-JSON chunk's comma becomes the next one's opening bracket, on the same line
    pending = format === 'csl-json' && !whole ? `[${pending.slice(cut + 1)}` : pending.slice(cut)
    scanner.shift(cut)
    if (format === 'bibtex') {
      macros = [macros, stringMacros(body)].filter((m) => m !== '').join('\n')
    }
    emitted += 1
    return chunk
  }
  const lineOf = (index: number) => linesBefore + 1 + lineCount(pending.slice(0, index))
  const fail = (detail: string, index: number) => new ParseError(detail, lineOf(index), path)
  const tooLong = () => {
    const start = pending.search(/[^\s\uFEFF,[]/)
    return fail(
      `${article} ${noun} longer than ${sizeText(maxRecordChars)} starts here; no ${noun} is read past that size`,
      Math.max(0, start),
    )
  }
  const read = () => {
    let count: number
    try {
      count = readSync(fd, buffer, 0, buffer.length, null)
    } catch (error) {
      throw new ParseError(
        `the file could not be read (${error instanceof Error ? error.message : String(error)})`,
        null,
        path,
      )
    }
    bytesRead += count
    try {
      pending +=
        count > 0 ? decoder.decode(buffer.subarray(0, count), { stream: true }) : decoder.decode()
    } catch {
      throw new ParseError('this is not a text file (it is not valid UTF-8)', null, path)
    }
    if (count === 0) ended = true
  }
  const last = (): RecordChunk | null => {
    finished = true
    const open = scanner.openRecordAt(pending)
    if (open !== null) {
      throw fail(`the file ends inside the ${noun} that starts here; it looks cut short`, open)
    }
    if (pending.length > maxRecordChars) throw tooLong()
    return pending.trim() !== '' || emitted === 0 ? emit(pending.length) : null
  }

  return {
    next() {
      if (finished) return null
      for (;;) {
        if (ended || pending.length >= chunkChars) {
          const cut = scanner.scan(pending, chunkChars)
          if (cut > 0) {
            const chunk = emit(cut)
            // a run of blank lines is no chunk of its own (a parser refuses empty text)
            if (chunk.text.trim() !== '') return chunk
            continue
          }
          if (ended) return last()
          if (pending.length > maxRecordChars) throw tooLong()
        }
        read()
      }
    },
    get done() {
      return finished
    },
    close: () => closeSync(fd),
  }
}

function sizeText(chars: number): string {
  return chars >= 2 ** 20 ? `${Math.round(chars / 2 ** 20)} MB` : `${Math.round(chars / 1024)} KB`
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
