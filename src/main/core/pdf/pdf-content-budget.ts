import { constants, createInflate, inflateSync } from 'node:zlib'
import { AppError } from '@shared/api/errors'

/** What the streams of one PDF may hold: bytes once decoded, and text-showing operators. */
export type PdfContentLimits = { decodedBytes: number; textOperators: number }

const MB = 2 ** 20
/** How far before a `stream` keyword its dictionary is looked for. */
const DICT_WINDOW = 64 * 1024
const IMAGE = /\/Subtype\s*\/Image\b/
/** Streams this small are inflated at once (deflate expands at most ~1,032 times: 16 MB). */
const SMALL_STREAM = 16 * 1024

/**
 * Refuses a PDF whose compressed streams decode to more than the limits, before pdf.js opens it.
 * pdf.js keeps a whole decoded stream in one buffer outside the heap caps, and gathers a page's
 * text before handing any of it over, so a small file of gigabytes of drawing commands (or of
 * zeros) would take the machine. Here every stream is inflated with counters only (constant
 * memory): its bytes, and its `Tj`/`TJ` operators; counting stops at a limit. A stream without
 * a filter is counted as it is.
 *
 * Images are skipped: text extraction never decodes them, and scans hold hundreds of megabytes of
 * them. Any other stream whose bytes inflate is counted whatever its filter says (a filter given
 * by reference still decodes). Streams zlib cannot read (other filters, encryption) are not
 * counted: the thread's heap caps and the resident-memory watch stay behind this check.
 */
export async function assertContentWithin(
  data: Uint8Array,
  limits: PdfContentLimits,
): Promise<void> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const count: ContentCount = { bytes: 0, textOperators: 0 }
  let from = 0
  for (;;) {
    const at = bytes.indexOf('stream', from, 'latin1')
    if (at < 0) return
    from = at + 'stream'.length
    if (at >= 3 && bytes.toString('latin1', at - 3, at) === 'end') continue
    const start = streamDataStart(bytes, from)
    if (start === null) continue
    const head = bytes.toString('latin1', Math.max(0, at - DICT_WINDOW), at)
    const dictionary = head.slice(head.lastIndexOf('obj') + 1)
    const end = bytes.indexOf('endstream', start, 'latin1')
    const stop = end < 0 ? bytes.length : end
    from = stop
    if (IMAGE.test(dictionary)) continue
    const content = bytes.subarray(start, stop)
    if (dictionary.includes('/Filter')) {
      await countInflated(content, count, limits)
    } else {
      const counter = createContentCounter(count)
      counter.feed(content)
      counter.end()
    }
    if (count.bytes > limits.decodedBytes) {
      throw new AppError(
        'too-large',
        `The PDF's streams decode to more than ${Math.round(limits.decodedBytes / MB)} MB, more than one PDF may use; its text is not read.`,
      )
    }
    if (count.textOperators > limits.textOperators) {
      throw new AppError(
        'too-large',
        `The PDF draws text more than ${limits.textOperators} times, more than one PDF may; its text is not read.`,
      )
    }
  }
}

type ContentCount = { bytes: number; textOperators: number }

/** Where a stream's data begins: after `stream` and its end of line; null when it is not a stream keyword. */
function streamDataStart(bytes: Buffer, after: number): number | null {
  let at = after
  if (bytes[at] === 0x0d) at += 1
  if (bytes[at] === 0x0a) at += 1
  return at === after ? null : at
}

/**
 * Adds what `input` inflates to into `count`, keeping none of it, and stops once past a limit.
 * Data zlib cannot read counts what it gave before the error.
 */
function countInflated(
  input: Buffer,
  count: ContentCount,
  limits: PdfContentLimits,
): Promise<void> {
  if (input.length < 2 || (input[0] ?? 0) % 16 !== 8) return Promise.resolve()
  const counter = createContentCounter(count)
  if (input.length <= SMALL_STREAM) {
    try {
      counter.feed(inflateSync(input, { finishFlush: constants.Z_SYNC_FLUSH }))
      counter.end()
    } catch {
      // not a zlib stream after all, or damaged: pdf.js reads no more of it either
    }
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 256 * 1024, finishFlush: constants.Z_SYNC_FLUSH })
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      inflate.removeAllListeners('data')
      inflate.destroy()
      counter.end()
      resolve()
    }
    inflate.on('data', (chunk: Buffer) => {
      counter.feed(chunk)
      if (count.bytes > limits.decodedBytes || count.textOperators > limits.textOperators) finish()
    })
    inflate.on('error', finish)
    inflate.on('end', finish)
    inflate.end(input)
  })
}

const T = 0x54
const SPACE = Buffer.from(' ')
/** PDF whitespace and the delimiters that may stand right before or after an operator. */
const SEPARATORS = new Set([
  0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x2f, 0x25,
])

/**
 * Counts one stream's decoded bytes and its `Tj` and `TJ` operators (a bound, not a parse: the
 * same letters standing alone inside a string count too) as it arrives in pieces; an operator cut
 * between two pieces is counted once.
 */
function createContentCounter(count: ContentCount): { feed(piece: Buffer): void; end(): void } {
  // The last three bytes seen: an operator is counted once the byte after it is known.
  let carry = SPACE
  const scan = (piece: Buffer) => {
    const text = Buffer.concat([carry, piece])
    for (
      let at = text.indexOf(T, 1);
      at >= 0 && at + 2 < text.length;
      at = text.indexOf(T, at + 1)
    ) {
      const next = text[at + 1]
      if (next !== 0x6a && next !== 0x4a) continue
      const alone = SEPARATORS.has(text[at - 1] ?? 0) && SEPARATORS.has(text[at + 2] ?? 0)
      if (alone) count.textOperators += 1
    }
    carry = text.subarray(Math.max(0, text.length - 3))
  }
  return {
    feed: (piece) => {
      count.bytes += piece.length
      scan(piece)
    },
    end: () => scan(SPACE),
  }
}
