import type Database from 'better-sqlite3'
import { schemaVersion } from '../db/migrations'
import type { WritableDb } from '../db/open-database'
import {
  LIBRARY_DOCUMENT_FORMAT,
  LIBRARY_DOCUMENT_VERSION,
  type LibraryDocument,
  type Row,
} from '@shared/api/library-document'
import { columnsOf, otherTables, PAPER_CHILDREN, quoted } from './library-tables'

/**
 * The whole library as one JSON-ready document: papers with their authors, categories, tags,
 * provenance and files; tags with colors; sources; lists; and every other table row by row.
 * Read in one transaction, so the document is one consistent state.
 */
export function exportLibrary(db: WritableDb, now: Date): LibraryDocument {
  return db.transaction(() => {
    const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[]
    const byPaper = (table: string, order: string) => groupByPaper(db, table, order)
    const children = Object.fromEntries(
      Object.entries(PAPER_CHILDREN).map(([key, { table, order }]) => [key, byPaper(table, order)]),
    ) as Record<keyof typeof PAPER_CHILDREN, Map<number, Row[]>>
    const tags = groupRows(
      all(
        `SELECT pt.paper_id, t.name, pt.added_at FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
         ORDER BY pt.paper_id, t.name`,
      ),
    )
    const listPapers = groupRows(
      all('SELECT * FROM list_papers ORDER BY list_id, position, paper_id'),
      'list_id',
    )
    const papers = all('SELECT * FROM papers ORDER BY id').map((row) => {
      const id = row['id'] as number
      return {
        ...row,
        id,
        authors: children.authors.get(id) ?? [],
        categories: children.categories.get(id) ?? [],
        tags: (tags.get(id) ?? []) as Array<{ name: string; added_at: string }>,
        sources: children.sources.get(id) ?? [],
        files: children.files.get(id) ?? [],
      }
    })
    const lists = all('SELECT * FROM lists ORDER BY id').map((row) => ({
      ...row,
      id: row['id'] as number,
      name: row['name'] as string,
      papers: listPapers.get(row['id'] as number) ?? [],
    }))
    const tables = Object.fromEntries(
      otherTables(db).map((table) => [
        table,
        all(`SELECT * FROM ${quoted(table)} ${orderByAll(db, table)}`),
      ]),
    )
    return {
      format: LIBRARY_DOCUMENT_FORMAT,
      formatVersion: LIBRARY_DOCUMENT_VERSION,
      schemaVersion: schemaVersion(db),
      exportedAt: now.toISOString(),
      tags: all('SELECT * FROM tags ORDER BY id'),
      sources: all('SELECT * FROM sources ORDER BY id'),
      lists,
      papers,
      tables,
    }
  })()
}

function groupByPaper(db: Database.Database, table: string, order: string): Map<number, Row[]> {
  return groupRows(
    db.prepare(`SELECT * FROM ${quoted(table)} ORDER BY paper_id, ${order}`).all() as Row[],
  )
}

/** Groups rows by a key column, dropping that column from each row. */
function groupRows(rows: ReadonlyArray<Row>, key = 'paper_id'): Map<number, Row[]> {
  const groups = new Map<number, Row[]>()
  for (const row of rows) {
    const { [key]: owner, ...rest } = row
    const list = groups.get(owner as number) ?? []
    list.push(rest)
    groups.set(owner as number, list)
  }
  return groups
}

/** Orders by every column, so the rows come out the same way from equal tables (with or without rowid). */
function orderByAll(db: Database.Database, table: string): string {
  const count = columnsOf(db, table).length
  return count === 0 ? '' : `ORDER BY ${Array.from({ length: count }, (_, i) => i + 1).join(', ')}`
}
