import type { ExportFormat, ExportResult, ExportScope } from '@shared/api/curation-api'
import type { WritableDb } from '../db/open-database'
import type { FilterContext } from '../search/filter-sql'
import { writeAwesome, type SectionedRecord } from './awesome-writer'
import { toCslItem, type RecordOptions } from './csl-items'
import { loadExportRecords, type ExportRecord } from './export-records'
import { resolveScope } from './export-scope'
import type { FormatWriters } from './load-format-writers'

const FILE_KINDS: Record<ExportFormat, { extension: string; mediaType: string }> = {
  bibtex: { extension: '.bib', mediaType: 'application/x-bibtex' },
  biblatex: { extension: '.bib', mediaType: 'application/x-bibtex' },
  'csl-json': { extension: '.json', mediaType: 'application/vnd.citationstyles.csl+json' },
  ris: { extension: '.ris', mediaType: 'application/x-research-info-systems' },
  awesome: { extension: '.md', mediaType: 'text/markdown' },
}

/** The papers of a scope with their citation keys (given now to those without one). */
export function scopeRecords(
  db: WritableDb,
  scope: ExportScope,
  context: FilterContext,
  options: { abstracts: boolean } = { abstracts: false },
): ExportRecord[] {
  return loadExportRecords(db, resolveScope(db, scope, context), options)
}

/** The papers of a scope as one file's text in `format`. */
export function exportPapers(
  db: WritableDb,
  request: { scope: ExportScope; format: ExportFormat; options: RecordOptions },
  context: FilterContext,
  writers: FormatWriters,
): ExportResult {
  const records = scopeRecords(db, request.scope, context, request.options)
  return {
    format: request.format,
    count: records.length,
    text: formatRecords(db, request, records, writers),
    ...FILE_KINDS[request.format],
  }
}

function formatRecords(
  db: WritableDb,
  { scope, format, options }: { scope: ExportScope; format: ExportFormat; options: RecordOptions },
  records: ReadonlyArray<ExportRecord>,
  writers: FormatWriters,
): string {
  if (format === 'awesome') {
    return writeAwesome(awesomeTitle(db, scope), sectioned(db, scope, records))
  }
  const items = records.map((record) => toCslItem(record, options))
  switch (format) {
    case 'bibtex':
    case 'biblatex':
      return writers.writeBibtex(format, records, items)
    case 'ris':
      return writers.writeRis(items)
    case 'csl-json':
      return `${JSON.stringify(items, null, 2)}\n`
  }
}

/** The list's heading: the name of the list or saved search; tags and sources head their own sections. */
function awesomeTitle(db: WritableDb, scope: ExportScope): string | null {
  switch (scope.kind) {
    case 'list':
      return db.prepare('SELECT name FROM lists WHERE id = ?').pluck().get(scope.listId) as string
    case 'savedSearch':
      return db
        .prepare('SELECT name FROM saved_searches WHERE id = ?')
        .pluck()
        .get(scope.id) as string
    case 'tag':
    case 'source':
      return null
    case 'papers':
    case 'library':
      return 'Papers'
  }
}

/**
 * Each paper's heading path: under a tag, the tag and the deepest of its sub-tags the paper has
 * (`llm/decoding/speculative` → llm › decoding › speculative); from a source, the section the
 * source listed it under; elsewhere none (the title heads the list).
 */
function sectioned(
  db: WritableDb,
  scope: ExportScope,
  records: ReadonlyArray<ExportRecord>,
): SectionedRecord[] {
  if (scope.kind === 'tag') {
    const prefix = `${scope.tag.toLowerCase()}/`
    return records.map((record) => {
      const deepest = record.tags
        .filter(
          (t) => t.toLowerCase().startsWith(prefix) || t.toLowerCase() === scope.tag.toLowerCase(),
        )
        .sort((a, b) => b.split('/').length - a.split('/').length)[0]
      return { record, section: (deepest ?? scope.tag).split('/') }
    })
  }
  if (scope.kind === 'source') {
    const sections = new Map(
      (
        db
          .prepare('SELECT paper_id, section FROM paper_sources WHERE source_id = ?')
          .all(scope.sourceId) as Array<{ paper_id: number; section: string | null }>
      ).map((row) => [row.paper_id, row.section]),
    )
    return records.map((record) => {
      const section = sections.get(record.id) ?? null
      return { record, section: section === null ? null : section.split(' / ') }
    })
  }
  return records.map((record) => ({ record, section: null }))
}
