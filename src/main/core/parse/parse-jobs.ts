import type { ImportFormat } from '@shared/api/inputs'
import {
  closeImportStream,
  nextImportPart,
  type ImportStreamRequest,
} from '../import/import-stream'
import { parseImportText, type PartOfFile } from '../import/parse-import'
import { parseArxivFeed } from '../sources/arxiv-feed'
import { parseAwesomeList } from '../sources/awesome-list'
import { parseFeed } from '../sources/feed'
import { parseHfDailyPage } from '../sources/hf-daily'
import { parseHfSearch } from '../sources/hf-search'
import { ParseError } from '../sources/parse-error'

/** A response body as fetched: bytes (the parse thread decodes them, not the caller). */
type Body = { body: Uint8Array; url: string }

/**
 * Every parse the parse thread runs: text or bytes in, plain data out. Errors already name the
 * file or URL at fault, so they read the same whichever thread ran the job.
 */
export const PARSE_JOBS = {
  import: (job: {
    text: string
    format: ImportFormat
    sourceName: string
    now: string
    part?: PartOfFile
  }) =>
    parseImportText(
      job.text,
      job.format,
      { now: new Date(job.now), sourceName: job.sourceName },
      job.part,
    ),
  /** The next chunk of a streamed file, read and parsed here: its text never leaves the thread. */
  'import-stream': (job: ImportStreamRequest) => nextImportPart(job),
  'import-stream-close': (job: { stream: number }) => closeImportStream(job.stream),
  'hf-daily': (job: Body & { rankOffset: number }) =>
    parseHfDailyPage(utf8(job.body), job.url, job.rankOffset),
  'hf-search': (job: Body) => parseHfSearch(utf8(job.body), job.url),
  'arxiv-feed': (job: Body & { arxivBase: string; rankOffset: number }) =>
    locatedIn(job.url, () =>
      parseArxivFeed(utf8(job.body), { arxivBase: job.arxivBase, rankOffset: job.rankOffset }),
    ),
  feed: (job: Body) =>
    locatedIn(job.url, () => parseFeed(strictUtf8(job.body), { sourceUrl: job.url })),
  awesome: (job: Body) =>
    locatedIn(job.url, () => parseAwesomeList(strictUtf8(job.body), { sourceUrl: job.url })),
}

/** The name of a parse job. */
export type ParseJob = keyof typeof PARSE_JOBS
/** What a job takes. */
export type ParseArgs<J extends ParseJob> = Parameters<(typeof PARSE_JOBS)[J]>[0]
/** What a job gives. */
export type ParseResult<J extends ParseJob> = ReturnType<(typeof PARSE_JOBS)[J]>

/** Runs a job on this thread. */
export function runParseJob<J extends ParseJob>(job: J, args: ParseArgs<J>): ParseResult<J> {
  const run = PARSE_JOBS[job] as (args: ParseArgs<J>) => ParseResult<J>
  return run(args)
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ParseError('the response is not valid UTF-8 text')
  }
}

function locatedIn<T>(url: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof ParseError) throw error.in(url)
    throw error
  }
}
