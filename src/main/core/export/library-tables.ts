import type Database from 'better-sqlite3'

/** Tables a paper's rows hang off, by the key they take in the document. */
export const PAPER_CHILDREN = {
  authors: { table: 'paper_authors', order: 'position' },
  categories: { table: 'paper_categories', order: 'origin, label' },
  sources: { table: 'paper_sources', order: 'source_id' },
  files: { table: 'paper_files', order: 'sha256' },
} as const

/** Tables the document holds in its own shape; every other table goes under `tables`. */
export const SHAPED_TABLES = new Set([
  'papers',
  'paper_authors',
  'paper_categories',
  'paper_tags',
  'paper_sources',
  'paper_files',
  'tags',
  'sources',
  'lists',
  'list_papers',
])

/** The real column names of a table (the only names ever put into SQL). */
export function columnsOf(db: Database.Database, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]
}

/**
 * Plain tables other than the shaped ones, in creation order (parents before children): no
 * virtual tables (full-text indexes are rebuilt from the data) and none of their shadow tables.
 */
export function otherTables(db: Database.Database): string[] {
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .all() as Array<{ name: string; sql: string | null }>
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name)
  return rows
    .map((r) => r.name)
    .filter((name) => !SHAPED_TABLES.has(name))
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)))
}

/** A double-quoted SQL identifier. */
export function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
