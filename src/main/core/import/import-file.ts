import { open, stat } from 'node:fs/promises'
import { AppError } from '@shared/api/errors'
import { MAX_IMPORT_CHARS, type ImportFormat } from '@shared/api/inputs'
import type { ImportReport } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import type { ParseThread } from '../parse/parse-thread'
import { detectFormat } from '../sources/detect-format'
import type { ParsedList } from '../sources/paper-draft'
import { ParseError } from '../sources/parse-error'
import { applyImport, writeRequestFor, type ImportContext } from './apply-import'
import type { FileFormat } from './parse-import'
import { STREAMED_FORMATS, type StreamedFormat } from './record-boundaries'
import type { ChunkSizes } from './record-chunks'
import { startImportWriter } from './write-import'

/** Enough of a file to tell its format. */
const HEAD_BYTES = 64 * 1024

/**
 * What importing a file needs: the parse thread for files read whole, the one that reads
 * streamed files (tests shrink the chunks to see several in a small file).
 */
export type ImportFileDeps = {
  db: WritableDb
  parse: ParseThread
  streams: ParseThread
  sizes?: ChunkSizes | undefined
}

/** Numbers the streamed files of this process, so a thread can read several at once. */
let lastStream = 0

/**
 * Imports a file of any size. Ids, RIS, BibTeX, CSL-JSON and copied pages are streamed: the
 * streamed-parse thread reads the file half a megabyte at a time and parses a chunk of whole
 * records while the one before is written, so memory stays flat and the file's text never
 * reaches this thread; `import.progress` counts bytes of the file. Feeds and lists are read
 * whole, up to MAX_IMPORT_CHARS. All or nothing either way: an error in the last chunk undoes
 * the first.
 */
export async function importFile(
  deps: ImportFileDeps,
  path: string,
  format: ImportFormat,
  context: ImportContext,
): Promise<ImportReport> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) throw new AppError('not-found', `${path}: no such file.`)
  const head = await readHead(path, info.size)
  const detected = located(path, () => (format === 'auto' ? detectFormat(head) : format))
  if (!isStreamed(detected)) return importWhole(deps, path, info.size, detected, context)
  const stream = (lastStream += 1)
  const now = context.now().toISOString()
  const nextPart = (first: boolean) => {
    const request = { stream, first, path, format: detected, now, sizes: deps.sizes }
    const part = deps.streams.run('import-stream', request, path)
    // awaited in turn; this only keeps a failure during the write before from going unheard
    part.catch(() => undefined)
    return part
  }
  let bytesRead = 0
  const writer = startImportWriter(deps.db, writeRequestFor(detected, context), () => ({
    done: bytesRead,
    total: info.size,
  }))
  const skipped: Array<ParsedList['skipped'][number]> = []
  try {
    let next = nextPart(true)
    for (;;) {
      const part = await next
      // the thread reads and parses the next chunk while this one is written
      if (!part.done) next = nextPart(false)
      skipped.push(...part.parsed.skipped)
      bytesRead = part.bytesRead
      await writer.write(part.parsed.drafts, part.done)
      if (part.done) break
    }
  } catch (error) {
    writer.abandon()
    deps.streams.run('import-stream-close', { stream }, path).catch(() => undefined)
    throw error
  }
  const written = writer.report()
  return {
    ...written,
    sourceName: path,
    format: detected,
    refused: [...skipped, ...written.refused],
  }
}

function isStreamed(format: FileFormat): format is StreamedFormat {
  return (STREAMED_FORMATS as ReadonlyArray<string>).includes(format)
}

/** A format that cannot be streamed (a feed, a markdown list) is read whole. */
async function importWhole(
  deps: ImportFileDeps,
  path: string,
  size: number,
  format: FileFormat,
  context: ImportContext,
): Promise<ImportReport> {
  if (size > MAX_IMPORT_CHARS) {
    throw new AppError(
      'too-large',
      `${path}: ${size} bytes is more than a ${format} import takes (${MAX_IMPORT_CHARS}); id lists, RIS, BibTeX, CSL-JSON and copied pages have no limit.`,
    )
  }
  const handle = await open(path)
  const text = await handle.readFile().finally(() => handle.close())
  const decoded = located(path, () => strictUtf8(text))
  const parsed = await deps.parse.run(
    'import',
    { text: decoded, format, sourceName: path, now: context.now().toISOString() },
    path,
  )
  return applyImport(deps.db, context, parsed)
}

/** The file's first bytes as text, ending on a whole line when the file goes on. */
async function readHead(path: string, size: number): Promise<string> {
  const handle = await open(path)
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    const text = new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead))
    return bytesRead < size ? text.slice(0, text.lastIndexOf('\n') + 1) || text : text
  } finally {
    await handle.close()
  }
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ParseError('this is not a text file (it is not valid UTF-8)')
  }
}

function located<T>(path: string, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ParseError) throw error.in(path)
    if (error instanceof AppError) throw new AppError(error.code, `${path}: ${error.message}`)
    throw error
  }
}
