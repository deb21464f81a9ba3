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
import { reindexPapers } from '../db/papers-index'
import { applyKeywordTags } from './keywords-as-tags'

/** One import request: text from a file, stdin or the clipboard. */
export type ImportTextRequest = {
  text: string
  format: ImportFormat
  sourceName: string
  tags: ReadonlyArray<string>
  /** Also tag each paper with the keywords the file gives it. */
  keywordsAsTags?: boolean
  now: Date
}

/** A concrete import format. */
export type FileFormat = Exclude<ImportFormat, 'auto'>
/** What a parser may need besides the text. */
export type ParseContext = { now: Date; sourceName: string }

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

/** What parsing an import text gave: its format (detected when asked) and the drafts. */
export type ParsedImport = { format: FileFormat; parsed: ParsedList }

/**
 * Parses a text in the given (or detected) format. Errors name the source and the line at fault.
 * Pure: it runs in the parse thread (see `parse/parse-jobs.ts`), so a big BibTeX file never holds
 * the thread that answers the UI.
 */
export function parseImportText(
  text: string,
  format: ImportFormat,
  context: ParseContext,
): ParsedImport {
  const { sourceName } = context
  try {
    const detected = format === 'auto' ? detectFormat(text) : format
    return { format: detected, parsed: PARSERS[detected](text, context) }
  } catch (error) {
    if (error instanceof ParseError) throw error.in(sourceName)
    if (error instanceof AppError) throw new AppError(error.code, `${sourceName}: ${error.message}`)
    throw error
  }
}

/** Writes a parsed import in one transaction: a failure changes nothing. */
export function applyImport(
  db: WritableDb,
  request: Omit<ImportTextRequest, 'text'>,
  { format, parsed }: ParsedImport,
): ImportReport {
  const { sourceName, now } = request
  const result = db
    .transaction(() => {
      const applied = applyDrafts(db, parsed.drafts, {
        source: { kind: `file:${format}`, key: sourceName, name: sourceName },
        metadataRank: METADATA_RANK[ORIGIN[format]],
        tags: request.tags,
        now: now.toISOString(),
      })
      if (request.keywordsAsTags) reindexPapers(db, applyKeywordTags(db, applied.paperIds, now.toISOString()))
      return applied
    })
    .immediate()
  return {
    ...result,
    sourceName,
    format,
    refused: [...parsed.skipped, ...result.refused],
  }
}
