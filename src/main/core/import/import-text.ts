import { AppError } from '@shared/api/errors'
import type { ImportFormat } from '@shared/api/inputs'
import type { ImportReport } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import { detectFormat } from '../sources/detect-format'
import { parseHfPageCopy } from '../sources/hf-page-copy'
import { parseIdList } from '../sources/id-list'
import type { ParsedList } from '../sources/paper-draft'
import { ParseError } from '../sources/parse-error'
import { applyDrafts } from '../sync/apply-drafts'
import { METADATA_RANK } from '../sync/metadata-rank'

/** One import request: text from a file, stdin or the clipboard. */
export type ImportTextRequest = {
  text: string
  format: ImportFormat
  sourceName: string
  tags: ReadonlyArray<string>
  now: Date
}

const PARSERS: Record<Exclude<ImportFormat, 'auto'>, (text: string, now: Date) => ParsedList> = {
  'hf-page': (text, now) => parseHfPageCopy(text, { now }),
  ids: (text) => parseIdList(text),
}

/**
 * Parses a text in the given (or detected) format and writes it in one transaction: a malformed
 * input changes nothing, and the error names the source and the line at fault.
 */
export function importText(db: WritableDb, request: ImportTextRequest): ImportReport {
  const { text, sourceName, now } = request
  let format: Exclude<ImportFormat, 'auto'> = 'ids'
  let parsed: ParsedList
  try {
    format = request.format === 'auto' ? detectFormat(text) : request.format
    parsed = PARSERS[format](text, now)
  } catch (error) {
    if (error instanceof ParseError) throw error.in(sourceName)
    if (error instanceof AppError) throw new AppError(error.code, `${sourceName}: ${error.message}`)
    throw error
  }
  const result = db
    .transaction(() =>
      applyDrafts(db, parsed.drafts, {
        source: { kind: `file:${format}`, key: sourceName, name: sourceName },
        metadataRank: METADATA_RANK[format],
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
