import type { ImportReport } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import { METADATA_RANK, type MetadataOrigin } from '../sync/metadata-rank'
import type { FileFormat, ParsedImport } from './parse-import'
import { writeImport, type BatchTuning, type WriteImportRequest } from './write-import'

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

/** Who imports, and how: what writing any import needs besides its drafts. */
export type ImportContext = {
  sourceName: string
  tags: ReadonlyArray<string>
  now: () => Date
  events: EventHub
  tuning?: BatchTuning | undefined
  /** Where new papers go (the library unless the user asks for the inbox). */
  arrival?: 'inbox' | 'library' | undefined
}

/** How the drafts of a file in `format` are written (its source and its trust). */
export function writeRequestFor(format: FileFormat, context: ImportContext): WriteImportRequest {
  const { sourceName } = context
  return {
    source: { kind: `file:${format}`, key: sourceName, name: sourceName },
    metadataRank: METADATA_RANK[ORIGIN[format]],
    tags: context.tags,
    now: context.now().toISOString(),
    sourceName,
    events: context.events,
    clock: context.now,
    tuning: context.tuning,
    arrival: context.arrival,
  }
}

/**
 * Writes a parsed import in short batches, all or nothing (see `write-import.ts`); when it
 * returns, every paper is searchable.
 */
export async function applyImport(
  db: WritableDb,
  context: ImportContext,
  { format, parsed }: ParsedImport,
): Promise<ImportReport> {
  const result = await writeImport(db, parsed.drafts, writeRequestFor(format, context))
  return {
    ...result,
    sourceName: context.sourceName,
    format,
    refused: [...parsed.skipped, ...result.refused],
  }
}
