import { AppError } from '@shared/api/errors'
import type { ImportFormat } from '@shared/api/inputs'
import type { ImportReport } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import { parseAwesomeList } from '../sources/awesome-list'
import { parseBibtex } from '../sources/bibtex'
import { parseCslJson } from '../sources/csl-json'
import { detectFormat } from '../sources/detect-format'
import { parseFeed } from '../sources/feed'
import { parseHfPageCopy } from '../sources/hf-page-copy'
import { parseIdList } from '../sources/id-list'
import type { ParsedList } from '../sources/paper-draft'
import { ParseError } from '../sources/parse-error'
import { parseRis } from '../sources/ris'
import { applyDrafts } from '../sync/apply-drafts'
import { METADATA_RANK, type MetadataOrigin } from '../sync/metadata-rank'

/** One import request: text from a file, stdin or the clipboard. */
export type ImportTextRequest = {
  text: string
  format: ImportFormat
  sourceName: string
  tags: ReadonlyArray<string>
  now: Date
}

type FileFormat = Exclude<ImportFormat, 'auto'>
type ParseContext = { now: Date; sourceName: string }

const PARSERS: Record<FileFormat, (text: string, context: ParseContext) => ParsedList> = {
  'hf-page': (text, { now }) => parseHfPageCopy(text, { now }),
  ids: (text) => parseIdList(text),
  bibtex: (text, { sourceName }) => parseBibtex(text, { sourceUrl: sourceName }),
  ris: (text, { sourceName }) => parseRis(text, { sourceUrl: sourceName }),
  'csl-json': (text, { sourceName }) => parseCslJson(text, { sourceUrl: sourceName }),
  feed: (text, { sourceName }) => parseFeed(text, { sourceUrl: sourceName }),
  awesome: (text, { sourceName }) => parseAwesomeList(text, { sourceUrl: sourceName }),
}

/** How far each format is trusted for descriptive metadata. */
const ORIGIN: Record<FileFormat, MetadataOrigin> = {
  'hf-page': 'hf-page',
  ids: 'ids',
  bibtex: 'reference-file',
  ris: 'reference-file',
  'csl-json': 'reference-file',
  feed: 'feed',
  awesome: 'awesome-list',
}

/**
 * Parses a text in the given (or detected) format and writes it in one transaction: a malformed
 * input changes nothing, and the error names the source and the line at fault.
 */
export function importText(db: WritableDb, request: ImportTextRequest): ImportReport {
  const { text, sourceName, now } = request
  let format: FileFormat = 'ids'
  let parsed: ParsedList
  try {
    format = request.format === 'auto' ? detectFormat(text) : request.format
    parsed = PARSERS[format](text, { now, sourceName })
  } catch (error) {
    if (error instanceof ParseError) throw error.in(sourceName)
    if (error instanceof AppError) throw new AppError(error.code, `${sourceName}: ${error.message}`)
    throw error
  }
  const result = db
    .transaction(() =>
      applyDrafts(db, parsed.drafts, {
        source: { kind: `file:${format}`, key: sourceName, name: sourceName },
        metadataRank: METADATA_RANK[ORIGIN[format]],
        tags: request.tags,
        now: now.toISOString(),
      }),
    )
    .immediate()
  return {
    ...result,
    sourceName,
    format,
    refused: [...parsed.skipped, ...result.refused],
  }
}
