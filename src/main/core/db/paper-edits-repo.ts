import { AppError } from '@shared/api/errors'
import { EDITABLE_FIELDS, type EditableField, type MetadataEdit } from '@shared/api/curation-api'
import { normaliseDoi, parseArxivId } from '@shared/model/ids'
import { titleKey } from '@shared/model/title-key'
import type { RemoteFields } from '../sync/merge-drafts'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'
import { reindexPapers } from './papers-index'
import { prepared } from './prepared'
import { noSuchPaper } from './require-paper'

/** The stored name of each editable field (a `papers` column, or `authors`). */
const COLUMN_OF = {
  title: 'title',
  authors: 'authors',
  publishedAt: 'published_at',
  venue: 'journal_ref',
  doi: 'doi',
  arxivId: 'arxiv_id',
  abstract: 'abstract',
} as const satisfies Record<EditableField, string>
type EditColumn = (typeof COLUMN_OF)[EditableField]
const FIELD_OF = Object.fromEntries(
  Object.entries(COLUMN_OF).map(([field, column]) => [column, field]),
) as Record<EditColumn, EditableField>

/** One edited field: the user's value and what the sources say, as stored (JSON-decoded). */
export type FieldEdit = { column: EditColumn; value: unknown; sourceValue: unknown }

/** The edits of papers, by paper id (papers without edits are absent). */
export function readEdits(db: WritableDb, ids: ReadonlyArray<number>): Map<number, FieldEdit[]> {
  const edits = new Map<number, FieldEdit[]>()
  if (ids.length === 0) return edits
  const rows = prepared(
    db,
    `SELECT paper_id, field, value, source_value FROM paper_edits
     WHERE paper_id IN (SELECT value FROM json_each(?))`,
  ).all(jsonIds(ids)) as Array<{
    paper_id: number
    field: EditColumn
    value: string
    source_value: string
  }>
  for (const row of rows) {
    const edit: FieldEdit = {
      column: row.field,
      value: JSON.parse(row.value) as unknown,
      sourceValue: JSON.parse(row.source_value) as unknown,
    }
    const list = edits.get(row.paper_id)
    if (list) list.push(edit)
    else edits.set(row.paper_id, [edit])
  }
  return edits
}

/** The fields with either the user's values or the sources' values of the edited ones. */
export function withEdits(
  fields: RemoteFields,
  edits: ReadonlyArray<FieldEdit>,
  side: 'value' | 'sourceValue',
): RemoteFields {
  const out: RemoteFields = { ...fields }
  for (const edit of edits) {
    const value = edit[side]
    if (edit.column === 'authors') {
      out.authors = value as RemoteFields['authors']
      out.author_count = out.authors.length > 0 ? out.authors.length : fields.author_count
    } else {
      out[edit.column] = (value ?? null) as string | null
      if (edit.column === 'title') out.title_key = titleKey(out.title)
    }
  }
  return out
}

/** Keeps what the sources now say for the edited fields (a sync writes the user's values). */
export function keepSourceValues(
  db: WritableDb,
  id: number,
  fields: RemoteFields,
  edits: ReadonlyArray<FieldEdit>,
): void {
  const update = prepared(
    db,
    'UPDATE paper_edits SET source_value = ? WHERE paper_id = ? AND field = ?',
  )
  for (const edit of edits) {
    update.run(JSON.stringify(storedValue(fields, edit.column)), id, edit.column)
  }
}

/** The fields the user edited on a paper, by their API names. */
export function editedFields(db: WritableDb, id: number): EditableField[] {
  const columns = prepared(db, 'SELECT field FROM paper_edits WHERE paper_id = ?')
    .pluck()
    .all(id) as EditColumn[]
  const fields = new Set(columns.map((column) => FIELD_OF[column]))
  return EDITABLE_FIELDS.filter((field) => fields.has(field))
}

/**
 * Applies the user's corrections to a paper (call inside a transaction): the paper row shows them
 * at once, and each field keeps what the sources said so a sync can go on merging theirs and
 * "revert" can put it back. A value equal to the sources' is no longer an edit.
 */
export function editMetadata(db: WritableDb, id: number, patch: MetadataEdit, now: string): void {
  const current = readShown(db, id)
  const edits = new Map((readEdits(db, [id]).get(id) ?? []).map((e) => [e.column, e]))
  const wanted = normalisedPatch(patch)
  for (const [field, value] of Object.entries(wanted) as Array<[EditableField, unknown]>) {
    const column = COLUMN_OF[field]
    const sourceValue = edits.get(column)?.sourceValue ?? storedValue(current, column)
    if (JSON.stringify(value) === JSON.stringify(sourceValue)) {
      prepared(db, 'DELETE FROM paper_edits WHERE paper_id = ? AND field = ?').run(id, column)
      edits.delete(column)
    } else {
      prepared(
        db,
        `INSERT INTO paper_edits (paper_id, field, value, source_value, edited_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (paper_id, field) DO UPDATE SET value = excluded.value, edited_at = excluded.edited_at`,
      ).run(id, column, JSON.stringify(value), JSON.stringify(sourceValue), now)
    }
    edits.set(column, { column, value, sourceValue })
  }
  const shown = withEdits(current, [...edits.values()], 'value')
  writeShown(db, id, current, shown, now)
}

/** Puts back the sources' values of edited fields (every one when `fields` is absent). */
export function revertMetadata(
  db: WritableDb,
  id: number,
  fields: ReadonlyArray<EditableField> | undefined,
  now: string,
): void {
  const current = readShown(db, id)
  const columns = new Set(fields?.map((field) => COLUMN_OF[field]))
  const reverted = (readEdits(db, [id]).get(id) ?? []).filter(
    (edit) => fields === undefined || columns.has(edit.column),
  )
  if (reverted.length === 0) return
  for (const edit of reverted) {
    prepared(db, 'DELETE FROM paper_edits WHERE paper_id = ? AND field = ?').run(id, edit.column)
  }
  writeShown(db, id, current, withEdits(current, reverted, 'sourceValue'), now)
}

/** A field as `paper_edits` stores it. */
function storedValue(fields: RemoteFields, column: EditColumn): unknown {
  if (column === 'authors') {
    return fields.authors.map((a) => ({ name: a.name, affiliation: a.affiliation }))
  }
  return fields[column]
}

/** Normalises identifiers and turns author names into stored authors. */
function normalisedPatch(patch: MetadataEdit): Partial<Record<EditableField, unknown>> {
  const out: Partial<Record<EditableField, unknown>> = {}
  for (const [field, value] of Object.entries(patch) as Array<[EditableField, unknown]>) {
    if (value === undefined) continue
    if (field === 'authors') {
      out.authors = (value as string[]).map((name) => ({ name, affiliation: null }))
    } else if (field === 'doi' && typeof value === 'string') {
      const doi = normaliseDoi(value)
      if (!doi) throw new AppError('invalid-input', `"${value}" is not a DOI (10.NNNN/…).`)
      out.doi = doi
    } else if (field === 'arxivId' && typeof value === 'string') {
      const ref = parseArxivId(value)
      if (!ref) throw new AppError('invalid-input', `"${value}" is not an arXiv id.`)
      out.arxivId = ref.id
    } else {
      out[field] = value
    }
  }
  return out
}

function readShown(db: WritableDb, id: number): RemoteFields {
  const row = db.prepare('SELECT * FROM papers WHERE id = ?').get(id) as RemoteFields | undefined
  if (!row) throw noSuchPaper(id)
  const authors = db
    .prepare('SELECT name, affiliation FROM paper_authors WHERE paper_id = ? ORDER BY position')
    .all(id) as RemoteFields['authors']
  return { ...row, authors }
}

/** Writes the shown values of the editable fields, checks identifiers, refreshes the index. */
function writeShown(
  db: WritableDb,
  id: number,
  before: RemoteFields,
  shown: RemoteFields,
  now: string,
): void {
  for (const column of ['arxiv_id', 'doi'] as const) {
    const value = shown[column]
    if (value === null || value === before[column]) continue
    const holder = db
      .prepare(`SELECT id FROM papers WHERE ${column} = ? AND id <> ?`)
      .pluck()
      .get(value, id) as number | undefined
    if (holder !== undefined) {
      const name = column === 'doi' ? `doi:${value}` : `arXiv:${value}`
      throw new AppError(
        'invalid-input',
        `${name} is paper ${holder} already; merge the two papers instead.`,
      )
    }
  }
  db.prepare(
    `UPDATE papers SET title = @title, title_key = @title_key, abstract = @abstract,
       published_at = @published_at, journal_ref = @journal_ref, doi = @doi, arxiv_id = @arxiv_id,
       author_count = @author_count, modified_at = @now
     WHERE id = @id`,
  ).run({
    title: shown.title,
    title_key: shown.title_key,
    abstract: shown.abstract,
    published_at: shown.published_at,
    journal_ref: shown.journal_ref,
    doi: shown.doi,
    arxiv_id: shown.arxiv_id,
    author_count: shown.author_count,
    now,
    id,
  })
  if (JSON.stringify(before.authors) !== JSON.stringify(shown.authors)) {
    db.prepare('DELETE FROM paper_authors WHERE paper_id = ?').run(id)
    db.prepare(
      `INSERT INTO paper_authors (paper_id, position, name, affiliation)
       SELECT ?, key, value ->> 'name', value ->> 'affiliation' FROM json_each(?)`,
    ).run(id, JSON.stringify(shown.authors))
  }
  reindexPapers(db, [id])
}
