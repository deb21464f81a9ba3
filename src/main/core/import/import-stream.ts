import type { ParsedList } from '../sources/paper-draft'
import { parseImportText } from './parse-import'
import { openRecordChunks, type ChunkSizes, type RecordChunkReader } from './record-chunks'
import type { StreamedFormat } from './record-boundaries'

/** A request for the next part of a streamed file (the first one opens it). */
export type ImportStreamRequest = {
  /** Chosen by the caller, unique among its open streams. */
  stream: number
  /** The stream's first request: it opens the file. */
  first: boolean
  path: string
  format: StreamedFormat
  now: string
  sizes?: ChunkSizes | undefined
}

/** One parsed chunk of a streamed file, lines and ranks as in the whole file. */
export type ImportStreamPart = {
  parsed: ParsedList
  /** Bytes of the file read so far. */
  bytesRead: number
  /** No part follows. */
  done: boolean
}

type OpenStream = {
  chunks: RecordChunkReader
  rankOffset: number
  itemsBefore: number
  bytesRead: number
}

/** Files being read, by stream number: they live in the thread that reads them. */
const streams = new Map<number, OpenStream>()

/**
 * Reads and parses the next chunk of a file (see `openRecordChunks`), opening it on the first
 * request. The file is closed after its last part or its first error; a stream unknown after its
 * first request means the thread was restarted (a stuck or dying thread), and fails.
 */
export function nextImportPart(request: ImportStreamRequest): ImportStreamPart {
  const { stream, path, format } = request
  let open = streams.get(stream)
  if (!open) {
    if (!request.first) {
      throw new Error(`${path}: the parse thread was restarted while it read the file.`)
    }
    open = {
      chunks: openRecordChunks(path, format, request.sizes),
      rankOffset: 0,
      itemsBefore: 0,
      bytesRead: 0,
    }
    streams.set(stream, open)
  }
  try {
    const chunk = open.chunks.next()
    if (chunk === null) {
      closeImportStream(stream)
      return { parsed: { drafts: [], skipped: [] }, bytesRead: open.bytesRead, done: true }
    }
    const { lineOffset, continues } = chunk
    const { parsed } = parseImportText(
      chunk.text,
      format,
      { now: new Date(request.now), sourceName: path },
      { lineOffset, rankOffset: open.rankOffset, itemsBefore: open.itemsBefore, continues },
    )
    open.rankOffset += parsed.drafts.length
    // every record becomes a draft or a skipped entry
    open.itemsBefore += parsed.drafts.length + parsed.skipped.length
    open.bytesRead = chunk.bytesRead
    const done = open.chunks.done
    if (done) closeImportStream(stream)
    return { parsed, bytesRead: chunk.bytesRead, done }
  } catch (error) {
    closeImportStream(stream)
    throw error
  }
}

/** Closes a streamed file early (the import failed elsewhere). */
export function closeImportStream(stream: number): null {
  const open = streams.get(stream)
  streams.delete(stream)
  open?.chunks.close()
  return null
}
