import { AppError } from '@shared/api/errors'
import type { ImportFormat } from '@shared/api/inputs'
import { parseAwesomeList } from '../sources/awesome-list'
import { parseBibtex } from '../sources/bibtex'
import { parseCslJson } from '../sources/csl-json'
import { detectFormat } from '../sources/detect-format'
import { parseFeed } from '../sources/feed'
import { parseHfPageCopy, type HfPageContinuation } from '../sources/hf-page-copy'
import { parseIdList } from '../sources/id-list'
import type { ParsedList } from '../sources/paper-draft'
import { ParseError } from '../sources/parse-error'
import { parseRis } from '../sources/ris'

/** A concrete import format. */
export type FileFormat = Exclude<ImportFormat, 'auto'>
/** What a parser may need besides the text. */
export type ParseContext = { now: Date; sourceName: string }

const PARSERS: Record<
  FileFormat,
  (text: string, context: ParseContext, part: PartOfFile) => ParsedList
> = {
  'hf-page': (text, { now }, { continues }) => parseHfPageCopy(text, { now, continues }),
  ids: (text) => parseIdList(text),
  bibtex: (text, { sourceName }) => parseBibtex(text, { sourceUrl: sourceName }),
  ris: (text, { sourceName }, { itemsBefore }) =>
    parseRis(text, { sourceUrl: sourceName, itemsBefore }),
  'csl-json': (text, { sourceName }, { itemsBefore }) =>
    parseCslJson(text, { sourceUrl: sourceName, itemsBefore }),
  feed: (text, { sourceName }) => parseFeed(text, { sourceUrl: sourceName }),
  awesome: (text, { sourceName }) => parseAwesomeList(text, { sourceUrl: sourceName }),
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
  part: PartOfFile = { lineOffset: 0, rankOffset: 0 },
): ParsedImport {
  const { sourceName } = context
  try {
    const detected = format === 'auto' ? detectFormat(text) : format
    return { format: detected, parsed: shifted(PARSERS[detected](text, context, part), part) }
  } catch (error) {
    if (error instanceof ParseError) {
      const line = error.line === null ? null : error.line + part.lineOffset
      throw new ParseError(error.detail, line, sourceName)
    }
    if (error instanceof AppError) throw new AppError(error.code, `${sourceName}: ${error.message}`)
    throw error
  }
}

/** Where a chunk of a streamed file stands: lines and entries before it (and a page's date). */
export type PartOfFile = {
  lineOffset: number
  rankOffset: number
  /** Records (CSL-JSON items, RIS records) before the chunk, so messages number them as the file does. */
  itemsBefore?: number | undefined
  continues?: HfPageContinuation | undefined
}

/** Lines and ranks of a chunk's drafts as they are in the whole file. */
function shifted(parsed: ParsedList, { lineOffset, rankOffset }: PartOfFile): ParsedList {
  if (lineOffset === 0 && rankOffset === 0) return parsed
  const line = (value: number | null) => (value === null ? null : value + lineOffset)
  return {
    drafts: parsed.drafts.map((draft) => ({
      ...draft,
      provenance: {
        ...draft.provenance,
        line: line(draft.provenance.line),
        rank: draft.provenance.rank === null ? null : draft.provenance.rank + rankOffset,
      },
    })),
    skipped: parsed.skipped.map((entry) => ({ ...entry, line: line(entry.line) })),
  }
}
