import { join } from 'node:path'
import { titleKey } from '@shared/model/title-key'
import { DATABASE_FILE } from '../../src/main/core/create-core'
import { openDatabase } from '../../src/main/core/db/open-database'
import { rebuildSearchIndex } from '../../src/main/core/db/papers-index'

/** One generated paper: what a view or a search can tell apart. */
export type BulkPaper = {
  title: string
  abstract?: string
  /** Names in the first author position only. */
  author?: string
  tags?: ReadonlyArray<string>
  status?: 'unread' | 'reading' | 'read'
  starred?: boolean
  publishedAt?: string | null
  upvotes?: number | null
  addedAt?: string
  /** A stored PDF (a `paper_files` row; no file is written). */
  pdf?: boolean
  /** The name of the source (an imported file) that brought it. */
  source?: string
  /** The name of a user list holding it (in the order made). */
  list?: string
}

/**
 * Writes `count` papers straight into the library in `dataDir` (created and migrated if needed)
 * in one transaction, then builds the search index (unless `searchIndex: false`): tens of
 * thousands of papers in seconds, for tests and benchmarks at a realistic size. Returns the ids in the order made. Open the core after.
 */
export function insertPapers(
  dataDir: string,
  count: number,
  make: (index: number) => BulkPaper,
  options: { searchIndex?: boolean } = {},
): number[] {
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  try {
    const ids: number[] = []
    db.transaction(() => {
      const paper = db.prepare(
        `INSERT INTO papers (title, title_key, abstract, published_at, upvotes, status, starred,
                             added_at, modified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      const author = db.prepare(
        'INSERT INTO paper_authors (paper_id, position, name) VALUES (?, 0, ?)',
      )
      const tag = db.prepare(
        `INSERT INTO tags (name, created_at) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET name = name RETURNING id`,
      )
      const link = db.prepare(
        'INSERT INTO paper_tags (paper_id, tag_id, added_at) VALUES (?, ?, ?)',
      )
      const file = db.prepare(
        "INSERT INTO paper_files (paper_id, sha256, size, origin, added_at) VALUES (?, ?, 1, 'download', ?)",
      )
      const source = db.prepare(
        `INSERT INTO sources (kind, key, name, created_at) VALUES ('file:bulk', ?, ?, ?)
         ON CONFLICT (kind, key) DO UPDATE SET name = name RETURNING id`,
      )
      const seen = db.prepare(
        'INSERT INTO paper_sources (paper_id, source_id, first_seen_at, last_seen_at, rank) VALUES (?, ?, ?, ?, ?)',
      )
      const list = db.prepare(
        `INSERT INTO lists (name, created_at) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET name = name RETURNING id`,
      )
      const member = db.prepare(
        'INSERT INTO list_papers (list_id, paper_id, position, added_at) VALUES (?, ?, ?, ?)',
      )
      const named = new Map<string, number>()
      const idOf = (kind: string, name: string, create: () => number) => {
        const key = `${kind}:${name}`
        let id = named.get(key)
        if (id === undefined) {
          id = create()
          named.set(key, id)
        }
        return id
      }
      const tagIds = new Map<string, number>()
      for (let i = 0; i < count; i += 1) {
        const p = make(i)
        const added = p.addedAt ?? new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()
        const id = Number(
          paper.run(
            p.title,
            titleKey(p.title),
            p.abstract ?? null,
            p.publishedAt ?? null,
            p.upvotes ?? null,
            p.status ?? 'unread',
            p.starred ? 1 : 0,
            added,
            added,
          ).lastInsertRowid,
        )
        ids.push(id)
        if (p.author) author.run(id, p.author)
        for (const name of p.tags ?? []) {
          let tagId = tagIds.get(name)
          if (tagId === undefined) {
            tagId = (tag.get(name, added) as { id: number }).id
            tagIds.set(name, tagId)
          }
          link.run(id, tagId, added)
        }
        if (p.pdf) file.run(id, `sha-${id}`, added)
        if (p.source !== undefined) {
          const name = p.source
          const sourceId = idOf(
            'source',
            name,
            () => (source.get(name, name, added) as { id: number }).id,
          )
          seen.run(id, sourceId, added, added, i)
        }
        if (p.list !== undefined) {
          const name = p.list
          const listId = idOf('list', name, () => (list.get(name, added) as { id: number }).id)
          member.run(listId, id, i, added)
        }
      }
    })()
    if (options.searchIndex !== false) rebuildSearchIndex(db)
    return ids
  } finally {
    db.close()
  }
}
