import { AppError } from '@shared/api/errors'
import { LATEST_VERSION } from '../db/migrations'
import type { WritableDb } from '../db/open-database'
import { reindexPapers } from '../db/papers-index'
import { libraryDocumentSchema, type LibraryDocument, type Row } from '@shared/api/library-document'
import { validateDocumentFields } from './document-fields'
import { columnsOf, otherTables, PAPER_CHILDREN, quoted } from './library-tables'

/** What importing a library document recreated. */
export type LibraryImportReport = { papers: number; tags: number; sources: number; lists: number }

/**
 * Parses and validates a library document field by field, naming the first problem (`parse-error`) and
 * refusing one from a newer schema (`db-from-future`).
 */
export function parseLibraryDocument(text: string, name: string): LibraryDocument {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new AppError(
      'parse-error',
      `${name}: this is not valid JSON (${(error as Error).message}).`,
    )
  }
  const parsed = libraryDocumentSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'the document'
    throw new AppError(
      'parse-error',
      `${name}: not a Papershelf library document: ${where}: ${issue?.message ?? 'invalid'}.`,
    )
  }
  if (parsed.data.schemaVersion > LATEST_VERSION) {
    throw new AppError(
      'db-from-future',
      `${name} was exported by a newer Papershelf (schema ${parsed.data.schemaVersion}; this version knows up to ${LATEST_VERSION}).`,
    )
  }
  validateDocumentFields(parsed.data, name)
  return parsed.data
}

/**
 * Recreates a library from its document in one transaction, ids included, then rebuilds the
 * full-text index. Only an empty library takes it (no merging with what is there); any bad row
 * rolls the whole import back.
 */
export function importLibraryDocument(
  db: WritableDb,
  doc: LibraryDocument,
  name: string,
): LibraryImportReport {
  return db
    .transaction(() => {
      const papers = db.prepare('SELECT count(*) FROM papers').pluck().get() as number
      const tags = db.prepare('SELECT count(*) FROM tags').pluck().get() as number
      if (papers + tags > 0) {
        throw new AppError(
          'invalid-input',
          `${name}: a library document is imported into an empty library only (this one has ${papers} papers); use a new library folder (--library DIR).`,
        )
      }
      // Rows reference each other (sources of sync runs, tags of papers): check at commit.
      db.pragma('defer_foreign_keys = ON')
      const insert = inserter(db, name)
      doc.tags.forEach((row) => insert('tags', row))
      doc.sources.forEach((row) => insert('sources', row))
      const tagIds = new Map(
        (db.prepare('SELECT name, id FROM tags').all() as Array<{ name: string; id: number }>).map(
          (t) => [t.name, t.id],
        ),
      )
      for (const paper of doc.papers) {
        insert('papers', paper as Row)
        for (const [key, { table }] of Object.entries(PAPER_CHILDREN)) {
          for (const row of paper[key as keyof typeof PAPER_CHILDREN]) {
            insert(table, { ...row, paper_id: paper.id })
          }
        }
        for (const tag of paper.tags) {
          const tagId = tagIds.get(tag.name)
          if (tagId === undefined) {
            throw new AppError(
              'parse-error',
              `${name}: paper ${paper.id} has tag "${tag.name}", which the document does not list.`,
            )
          }
          insert('paper_tags', { paper_id: paper.id, tag_id: tagId, added_at: tag.added_at })
        }
      }
      for (const list of doc.lists) {
        insert('lists', list as Row)
        for (const row of list.papers) insert('list_papers', { ...row, list_id: list.id })
      }
      const known = new Set(otherTables(db))
      for (const [table, rows] of Object.entries(doc.tables)) {
        if (!known.has(table)) {
          throw new AppError('parse-error', `${name}: unknown table "${table}".`)
        }
        rows.forEach((row) => insert(table, row))
      }
      reindexPapers(
        db,
        doc.papers.map((p) => p.id),
      )
      return {
        papers: doc.papers.length,
        tags: doc.tags.length,
        sources: doc.sources.length,
        lists: doc.lists.length,
      }
    })
    .immediate()
}

/** Inserts a row into a table using only the table's real columns (other keys are ignored). */
function inserter(db: WritableDb, name: string) {
  const columns = new Map<string, string[]>()
  return (table: string, row: Row) => {
    let names = columns.get(table)
    if (!names) {
      names = columnsOf(db, table)
      columns.set(table, names)
    }
    const present = names.filter((column) => Object.hasOwn(row, column))
    const values = present.map((column) => {
      const value = row[column]
      return value === undefined || typeof value === 'object' ? null : value
    })
    try {
      db.prepare(
        `INSERT INTO ${quoted(table)} (${present.map(quoted).join(', ')}) VALUES (${present.map(() => '?').join(', ')})`,
      ).run(...values)
    } catch (error) {
      throw new AppError(
        'parse-error',
        `${name}: a row of ${table} cannot be stored: ${(error as Error).message}.`,
      )
    }
  }
}
