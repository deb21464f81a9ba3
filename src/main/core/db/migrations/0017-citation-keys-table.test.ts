import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import type { WritableDb } from '../open-database'
import { MIGRATIONS, migrate } from './index'

describe('migrations/0017-citation-keys-table', () => {
  const tempDir = useTempDir()

  it('moves every stored key into citation_keys and drops the papers column', () => {
    const db = new Database(join(tempDir(), 'library.sqlite')) as WritableDb
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.slice(0, 16))
    db.exec(`
      INSERT INTO papers (id, title, citation_key, added_at, modified_at)
        VALUES (1, 'Attention', 'vaswani2017attention', 'x', 'x'),
               (2, 'Unkeyed', NULL, 'x', 'x'),
               (3, 'Edited by hand', 'MyKey', 'x', 'x');
    `)

    migrate(db, MIGRATIONS.slice(0, 17))

    expect(
      db.prepare('SELECT paper_id, key FROM citation_keys ORDER BY paper_id').raw().all(),
    ).toEqual([
      [1, 'vaswani2017attention'],
      [3, 'MyKey'],
    ])
    const columns = db.prepare("SELECT name FROM pragma_table_info('papers')").pluck().all()
    expect(columns).not.toContain('citation_key')
    // Still unique regardless of case, and gone with its paper.
    expect(() =>
      db.prepare("INSERT INTO citation_keys (paper_id, key) VALUES (2, 'mykey')").run(),
    ).toThrow(/UNIQUE/)
    db.prepare('DELETE FROM papers WHERE id = 1').run()
    expect(db.prepare('SELECT count(*) FROM citation_keys').pluck().get()).toBe(1)
    db.close()
  })
})
