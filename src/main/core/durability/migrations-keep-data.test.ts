import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { paperIdSchema } from '@shared/model/ids'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { listSnapshots } from '../backup/snapshot-files'
import { DATABASE_FILE } from '../create-core'
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../db/migrations'
import type { WritableDb } from '../db/open-database'

type Rows = Record<string, unknown[]>

/** Columns a later schema keeps in another table: how the migrated library reads each value. */
const MOVED_COLUMNS: Record<string, Record<string, string>> = {
  papers: { citation_key: '(SELECT key FROM citation_keys k WHERE k.paper_id = "papers".id)' },
}

/** The user's data as the first schema stores it; later schemas must keep every value of it. */
function putUserData(db: Database.Database): void {
  db.exec(`
    INSERT INTO papers (id, arxiv_id, doi, title, abstract, status, starred, note, last_read_page, view_state, added_at, modified_at)
    VALUES (1, '2401.00001', NULL, 'Zebrafish attention', 'An abstract.', 'reading', 1, 'my zebrafish note', 7, '{"page":7}', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'),
           (2, 'astro-ph/0601001', '10.1000/xyz', 'Old style id', NULL, 'read', 0, NULL, NULL, NULL, '2024-01-03T00:00:00Z', '2024-01-03T00:00:00Z'),
           (3, NULL, NULL, 'Title only', NULL, 'unread', 0, 'x', NULL, NULL, '2024-01-04T00:00:00Z', '2024-01-04T00:00:00Z');
    INSERT INTO paper_authors (paper_id, position, name, affiliation) VALUES (1, 0, 'Ann Author', 'Uni'), (1, 1, 'Bo B', NULL), (2, 0, 'C D', NULL);
    INSERT INTO paper_categories (paper_id, label, origin) VALUES (1, 'cs.CL', 'arxiv');
    INSERT INTO tags (id, name, color, created_at) VALUES (1, 'to-read', '#aa3300', '2024-01-01T00:00:00Z'), (2, 'llm/decoding', NULL, '2024-01-01T00:00:00Z');
    INSERT INTO paper_tags (paper_id, tag_id, added_at) VALUES (1, 1, '2024-01-05T00:00:00Z'), (1, 2, '2024-01-05T00:00:00Z'), (2, 1, '2024-01-05T00:00:00Z');
    INSERT INTO lists (id, name, created_at) VALUES (1, 'Group', '2024-01-01T00:00:00Z');
    INSERT INTO list_papers (list_id, paper_id, position, added_at) VALUES (1, 2, 0, 'x'), (1, 1, 1, 'x');
    INSERT INTO sources (id, kind, key, name, created_at, last_synced_at) VALUES (1, 'file:ids', '/tmp/ids.txt', 'ids.txt', 'x', 'y');
    INSERT INTO paper_sources (paper_id, source_id, first_seen_at, last_seen_at, rank, section, raw) VALUES (1, 1, 'a', 'b', 1, NULL, '2401.00001'), (2, 1, 'a', 'b', 2, NULL, 'astro-ph/0601001');
    INSERT INTO paper_files (paper_id, sha256, size, origin, added_at) VALUES (1, '${'ab'.repeat(32)}', 1234, 'download', 'x');
  `)
  const columns = db.prepare("SELECT name FROM pragma_table_info('papers')").pluck().all()
  if (columns.includes('citation_key')) {
    db.exec("UPDATE papers SET citation_key = 'author2024zebrafish' WHERE id = 1")
  }
  const fts = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'papers_fts'").get()
  if (fts) {
    db.exec(`INSERT INTO papers_fts (rowid, title, authors, abstract, tags, note)
             SELECT id, coalesce(title, ''), '', coalesce(abstract, ''), '', coalesce(note, '') FROM papers`)
  }
}

/** Every row of every plain table, each with the columns it had at the old version only. */
function rowsByColumns(
  db: Database.Database,
  columns?: Record<string, string[]>,
): { rows: Rows; columns: Record<string, string[]> } {
  const tables = (
    db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as Array<{ name: string; sql: string }>
  )
    .filter((t) => !/VIRTUAL/i.test(t.sql) && !t.name.startsWith('papers_fts'))
    .map((t) => t.name)
  const cols =
    columns ??
    Object.fromEntries(
      tables.map((t) => [
        t,
        db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[],
      ]),
    )
  const rows = Object.fromEntries(
    Object.entries(cols).map(([table, names]) => {
      const present = new Set(
        db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[],
      )
      const read = (n: string) => {
        const moved = MOVED_COLUMNS[table]?.[n]
        return !present.has(n) && moved ? `${moved} AS "${n}"` : `"${n}"`
      }
      return [
        table,
        db
          .prepare(
            `SELECT ${names.map(read).join(', ')} FROM "${table}" ORDER BY ${names.map((_, i) => i + 1).join(', ')}`,
          )
          .all(),
      ]
    }),
  )
  return { rows, columns: cols }
}

describe('durability/migrations-keep-data', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  const earlier = MIGRATIONS.slice(0, -1).map((m) => m.version)

  it('has an earlier version to test once a second migration exists', () => {
    expect(earlier).toEqual(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1))
  })

  it.each(earlier)(
    'migrates a library with user data from schema %i to the latest, losing nothing',
    async (version) => {
      const dir = tempDir()
      const file = join(dir, DATABASE_FILE)
      const old = new Database(file) as WritableDb
      migrate(old, MIGRATIONS.slice(0, version))
      putUserData(old)
      const before = rowsByColumns(old)
      old.close()

      const { api } = openCore(dir)
      const migrated = new Database(file, { readonly: true }) as WritableDb
      expect(schemaVersion(migrated)).toBe(LATEST_VERSION)
      expect(migrated.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(migrated.pragma('foreign_key_check')).toEqual([])
      expect(rowsByColumns(migrated, before.columns).rows).toEqual(before.rows)
      migrated.close()

      const paper = await api.getPaper({ id: paperIdSchema.parse(1) })
      expect(paper).toMatchObject({ status: 'reading', starred: true, note: 'my zebrafish note' })
      expect([...paper.tags].sort()).toEqual(['llm/decoding', 'to-read'])
      expect((await api.search({ query: 'zebrafish', limit: 5 })).map((h) => h.id)).toContain(1)
      const snapshot = listSnapshots(dir).find((s) => s.reason === 'pre-migration')
      const copy = new Database(snapshot?.file ?? '', { readonly: true })
      expect(copy.pragma('user_version', { simple: true })).toBe(version)
      expect(rowsByColumns(copy, before.columns).rows).toEqual(before.rows)
      copy.close()
    },
  )
})
