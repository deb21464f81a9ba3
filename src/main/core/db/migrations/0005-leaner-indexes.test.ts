import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import type { WritableDb } from '../open-database'
import { reindexPapers } from '../papers-index'
import { MIGRATIONS, migrate } from './index'

describe('migrations/0005-leaner-indexes', () => {
  const tempDir = useTempDir()

  it('drops the index copy of the texts and indexes every paper again, tags and notes included', () => {
    const db = new Database(join(tempDir(), 'library.sqlite')) as WritableDb
    migrate(db, MIGRATIONS.slice(0, 4))
    db.exec(`
      INSERT INTO papers (id, title, abstract, note, added_at, modified_at)
        VALUES (1, 'Sparse attention', 'Renormalization of lattices', 'read twice', 'x', 'x'),
               (2, 'Dense retrieval', 'Passage ranking', NULL, 'x', 'x');
      INSERT INTO paper_authors (paper_id, position, name) VALUES (1, 0, 'Ada Lovelace');
      INSERT INTO tags (id, name, created_at) VALUES (1, 'physics', 'x');
      INSERT INTO paper_tags (paper_id, tag_id, added_at) VALUES (1, 1, 'x');
    `)
    const contentTables = () =>
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'papers_fts_content'")
        .pluck()
        .get()
    expect(contentTables()).toBe(1)

    migrate(db, MIGRATIONS.slice(0, 5))

    expect(contentTables()).toBe(0)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'papers_title'").pluck().get(),
    ).toBe(0)
    const match = (query: string) =>
      db
        .prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid')
        .pluck()
        .all(query)
    expect(match('renormalization')).toEqual([1])
    expect(match('authors:lovelace')).toEqual([1])
    expect(match('tags:physics')).toEqual([1])
    expect(match('note:twice')).toEqual([1])
    expect(match('passage')).toEqual([2])
    // Rows can still be replaced one by one (contentless_delete), by today's indexing code.
    migrate(db)
    db.prepare("UPDATE papers SET abstract = 'Quantum chromodynamics' WHERE id = 1").run()
    reindexPapers(db, [1])
    expect(match('renormalization')).toEqual([])
    expect(match('chromodynamics')).toEqual([1])
    db.close()
  })
})
