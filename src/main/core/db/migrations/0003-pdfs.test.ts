import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import type { WritableDb } from '../open-database'
import { MIGRATIONS, migrate } from './index'

describe('migrations/0003-pdfs', () => {
  const tempDir = useTempDir()

  it('adds the download queue and the page index, keeping papers and their files', () => {
    const db = new Database(join(tempDir(), 'library.sqlite')) as WritableDb
    migrate(db, MIGRATIONS.slice(0, 2))
    db.prepare(
      `INSERT INTO papers (id, arxiv_id, title, added_at, modified_at, status) VALUES (1, '2401.00001', 'A', 'x', 'x', 'reading')`,
    ).run()
    db.prepare(`INSERT INTO paper_files VALUES (1, ?, 10, 'download', 'x')`).run('a'.repeat(64))
    migrate(db, MIGRATIONS.slice(0, 3))
    expect(db.prepare('SELECT id, status FROM papers').all()).toEqual([
      { id: 1, status: 'reading' },
    ])
    expect(db.prepare('SELECT paper_id, size FROM paper_files').all()).toEqual([
      { paper_id: 1, size: 10 },
    ])
    db.prepare(
      `INSERT INTO pdf_pages_fts (text, sha256, page) VALUES ('lattice renormalization', ?, 3)`,
    ).run('a'.repeat(64))
    expect(
      db
        .prepare(`SELECT page FROM pdf_pages_fts WHERE pdf_pages_fts MATCH 'renormalization'`)
        .pluck()
        .all(),
    ).toEqual([3])
    db.prepare(
      `INSERT INTO pdf_downloads (paper_id, state, requested_at) VALUES (1, 'queued', 'x')`,
    ).run()
    db.prepare('DELETE FROM papers WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM pdf_downloads').pluck().get()).toBe(0)
    db.close()
  })
})
