import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import type { WritableDb } from '../open-database'
import { MIGRATIONS, migrate } from './index'

describe('migrations/0016-list-order', () => {
  const tempDir = useTempDir()

  it('renumbers each list 0…n−1 in its order, then by when papers were added, and indexes it', () => {
    const db = new Database(join(tempDir(), 'library.sqlite')) as WritableDb
    migrate(db, MIGRATIONS.slice(0, 15))
    db.exec(`
      INSERT INTO papers (id, title, added_at, modified_at)
        VALUES (1, 'A', 'x', 'x'), (2, 'B', 'x', 'x'), (3, 'C', 'x', 'x'), (4, 'D', 'x', 'x');
      INSERT INTO lists (id, name, created_at) VALUES (1, 'reading group', 'x'), (2, 'survey', 'x');
      -- a gap left by a removal, and two papers sharing a position (a merge)
      INSERT INTO list_papers (list_id, paper_id, position, added_at) VALUES
        (1, 3, 0, '2026-01-01T00:00:00.000Z'),
        (1, 1, 4, '2026-01-03T00:00:00.000Z'),
        (1, 4, 4, '2026-01-02T00:00:00.000Z'),
        (1, 2, 9, '2026-01-04T00:00:00.000Z'),
        (2, 2, 5, '2026-01-01T00:00:00.000Z'),
        (2, 1, 7, '2026-01-01T00:00:00.000Z');
    `)

    migrate(db, MIGRATIONS.slice(0, 16))

    const order = (listId: number) =>
      db
        .prepare('SELECT paper_id, position FROM list_papers WHERE list_id = ? ORDER BY position')
        .all(listId)
    expect(order(1)).toEqual([
      { paper_id: 3, position: 0 },
      { paper_id: 4, position: 1 },
      { paper_id: 1, position: 2 },
      { paper_id: 2, position: 3 },
    ])
    expect(order(2)).toEqual([
      { paper_id: 2, position: 0 },
      { paper_id: 1, position: 1 },
    ])
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT paper_id FROM list_papers WHERE list_id = 1 ORDER BY position, paper_id',
      )
      .all() as Array<{ detail: string }>
    expect(plan.map((step) => step.detail).join(' | ')).toMatch(
      /SEARCH list_papers USING (COVERING )?INDEX list_papers_position \(list_id=\?\)/,
    )
    expect(plan.map((step) => step.detail).join(' | ')).not.toMatch(/TEMP B-TREE/)
    db.close()
  })
})
