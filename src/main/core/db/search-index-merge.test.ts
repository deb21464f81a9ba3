import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { insertPapers } from '../../../../test/helpers/bulk-papers'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { createCore, DATABASE_FILE } from '../create-core'
import { openDatabase, type WritableDb } from './open-database'
import { catchUpSearchIndex, queueForSearchIndex, reindexPapers } from './papers-index'
import {
  FRAGMENTED,
  indexSegments,
  mergeSearchIndexStep,
  unmergedCount,
} from './search-index-merge'

const WORDS = ['graph', 'neural', 'diffusion', 'language', 'retrieval', 'protein', 'vision']
const EXPRESSIONS = ['"graph"', '"neural" AND "language"', '"diff"*', '"protein" OR "vision"']

/** Papers written without an index, then indexed the way a big import is: queued, caught up. */
function importedLibrary(dir: string, count: number): { db: WritableDb; ids: number[] } {
  const ids = insertPapers(
    dir,
    count,
    (i) => ({
      title: `${WORDS[i % 7]} ${WORDS[(i * 3) % 7]} study ${i}`,
      abstract: `we study ${WORDS[(i * 5) % 7]} models number ${i}`,
    }),
    { searchIndex: false },
  )
  const db = openDatabase(join(dir, DATABASE_FILE))
  db.transaction(() => queueForSearchIndex(db, ids))()
  return { db, ids }
}

const matches = (db: WritableDb) =>
  EXPRESSIONS.map((m) =>
    db
      .prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid')
      .pluck()
      .all(m),
  )
const segments = indexSegments

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('search index merge', () => {
  const tempDir = useTempDir()

  it('merges the index in background steps once a big catch-up is done, finding the same papers', async () => {
    const { db } = importedLibrary(tempDir(), 3_000)
    try {
      // the catch-up indexes in several transactions: several segments, one count
      expect(catchUpSearchIndex(db)).toBe(0)
      expect(unmergedCount(db)).toBe(3_000)
      const before = matches(db)
      expect(segments(db)).toBeGreaterThan(1)
      expect(before.every((ids) => ids.length > 0)).toBe(true)

      await until(() => unmergedCount(db) === 0)

      expect(matches(db)).toEqual(before)
      expect(segments(db)).toBe(1)
      expect(() =>
        db.prepare("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')").run(),
      ).not.toThrow()
      expect(mergeSearchIndexStep(db)).toBe(false)
    } finally {
      db.close()
    }
  }, 30_000)

  it('puts the merge off while papers are still being indexed', async () => {
    const { db, ids } = importedLibrary(tempDir(), 2_500)
    try {
      catchUpSearchIndex(db)
      const segmentsAfterImport = segments(db)
      // an edit every 300 ms for 3 s: never the quiet spell a merge waits for
      for (let i = 0; i < 10; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300))
        db.transaction(() => reindexPapers(db, [ids[i] as number]))()
      }
      expect(unmergedCount(db)).toBe(2_510)
      expect(segments(db)).toBeGreaterThanOrEqual(segmentsAfterImport)
      await until(() => unmergedCount(db) === 0)
      expect(segments(db)).toBe(1)
    } finally {
      db.close()
    }
  }, 30_000)

  it('leaves the index alone after a few edits', async () => {
    const { db, ids } = importedLibrary(tempDir(), 50)
    try {
      catchUpSearchIndex(db)
      db.transaction(() => reindexPapers(db, ids.slice(0, 10)))()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unmergedCount(db)).toBe(60)
    } finally {
      db.close()
    }
  })

  it('is merged when a long-running door opens a library a one-shot import left fragmented', async () => {
    const dir = tempDir()
    const { db } = importedLibrary(dir, 7_000)
    // indexed in one process that closes before any background step runs (a CLI import)
    catchUpSearchIndex(db)
    db.close()
    const reader = openDatabase(join(dir, DATABASE_FILE))
    expect(segments(reader)).toBeGreaterThanOrEqual(FRAGMENTED)
    const core = createCore({ dataDir: dir, upkeep: true })
    try {
      await core.upkeep
      await until(() => segments(reader) === 1)
    } finally {
      reader.close()
      await core.stopSyncs()
      core.close()
    }
  }, 60_000)
})
