import { describe, expect, it } from 'vitest'
import type { AppEvents } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW, useTestCore } from '../../../../test/helpers/test-core'
import { nextBatchSize, type BatchTuning } from './write-import'

/** Three drafts per transaction: a test sees several batches. */
const SMALL_BATCHES: BatchTuning = { targetMs: 10_000, firstBatch: 3, maxBatch: 3 }

/** A CSL-JSON file of `count` papers with distinct titles, DOIs and words. */
function cslFile(count: number, options: { start?: number; abstracts?: boolean } = {}): string {
  const start = options.start ?? 0
  const items = Array.from({ length: count }, (_, i) => {
    const n = start + i
    return {
      id: `item${n}`,
      type: 'article-journal',
      title: `Paper ${n} on ${WORDS[n % WORDS.length]} ${WORDS[(n * 7 + 3) % WORDS.length]}`,
      DOI: `10.5555/batch.${n}`,
      author: [{ given: 'Ada', family: `Writer${n}` }],
      issued: { 'date-parts': [[2024, 1 + (n % 12)]] },
      ...(options.abstracts ? { abstract: `Abstract ${n}: zanzibarite${n} measurements.` } : {}),
    }
  })
  return JSON.stringify(items)
}
const WORDS = ['lattice', 'gradient', 'sparse', 'kernel', 'quantum', 'ocean', 'graph', 'tensor']

function importCsl(api: LibraryApi, text: string, sourceName: string, tags: string[] = []) {
  return api.importText({ text, format: 'csl-json', sourceName, tags })
}

describe('import/write-import', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  const openBatched = () => openCore(tempDir(), () => TEST_NOW, { importBatches: SMALL_BATCHES })

  it('commits in batches, reports progress after each, and every paper is found by search when it returns', async () => {
    const { core, api } = openBatched()
    const progress: Array<AppEvents['import.progress']> = []
    core.events.subscribe((event) => {
      if (event.type === 'import.progress') progress.push(event.payload)
    })
    const report = await importCsl(api, cslFile(10, { abstracts: true }), 'refs.json')
    expect(report).toMatchObject({ added: 10, updated: 0, refused: [] })
    expect(progress).toEqual(
      [3, 6, 9, 10].map((done) => ({ source: 'refs.json', done, total: 10 })),
    )
    for (let n = 0; n < 10; n += 1) {
      const hits = await api.search({ query: `zanzibarite${n}`, limit: 5 })
      expect(
        hits.map((h) => h.title),
        `paper ${n}`,
      ).toEqual([expect.stringMatching(`^Paper ${n} on`)])
    }
    expect(
      withLibraryDb(core.dataDir, (db) =>
        db.prepare('SELECT count(*) FROM search_pending').pluck().get(),
      ),
    ).toBe(0)
    expect(
      withLibraryDb(core.dataDir, (db) =>
        db.prepare('SELECT count(*) FROM import_undo').pluck().get(),
      ),
    ).toBe(0)
  })

  it('still finds a paper listed twice in different batches a repeat', async () => {
    const { api } = openBatched()
    const items = JSON.parse(cslFile(5)) as unknown[]
    const report = await importCsl(api, JSON.stringify([...items, items[0]]), 'refs.json')
    expect(report.added).toBe(5)
    expect(report.refused).toHaveLength(1)
    expect(report.refused[0]?.reason).toMatch(/^the same paper as the entry/)
  })

  it('undoes every batch of an import that fails in a later batch: inserts, updates, labels, tags, source', async () => {
    const { core, api } = openBatched()
    // Four papers known from an earlier import without abstracts, tagged by the user.
    const first = await importCsl(api, cslFile(4), 'refs.json', ['earlier'])
    await api.tagPapers({ ids: first.paperIds.slice(0, 2), tags: ['mine'] })
    await api.setNote({ id: first.paperIds[0]!, note: 'kept' })
    const before = snapshotLibrary(core.dataDir)
    // The second import updates those four (abstracts), adds six more and tags all ten; the
    // ninth paper's insert fails, in the third batch.
    withLibraryDb(core.dataDir, (db) =>
      db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON papers
               WHEN (SELECT count(*) FROM papers) >= 8 BEGIN SELECT RAISE(ABORT, 'disk full'); END`),
    )
    const progress: number[] = []
    core.events.subscribe((event) => {
      if (event.type === 'import.progress') progress.push(event.payload.done)
    })
    await expect(
      importCsl(api, cslFile(10, { abstracts: true }), 'refs.json', ['new-tag', 'earlier']),
    ).rejects.toThrow('disk full')
    expect(progress.length, 'batches committed before the failure').toBeGreaterThanOrEqual(2)
    withLibraryDb(core.dataDir, (db) => db.exec('DROP TRIGGER fail_late'))
    expect(snapshotLibrary(core.dataDir)).toEqual(before)
    expect(await api.search({ query: 'zanzibarite1', limit: 5 })).toEqual([])
    expect((await api.search({ query: 'Writer2', limit: 5 })).map((h) => h.id)).toEqual([
      first.paperIds[2],
    ])
  })

  it('lets an edit from the UI commit between the batches of a running import', async () => {
    const { api } = openBatched()
    const seed = await importCsl(api, cslFile(1, { start: 500 }), 'seed.json')
    const running = importCsl(api, cslFile(30, { abstracts: true }), 'big.json')
    const edited = api.setNote({ id: seed.paperIds[0]!, note: 'written mid-import' })
    const order: string[] = []
    await Promise.all([
      running.then(() => order.push('import')),
      edited.then(() => order.push('edit')),
    ])
    expect(order).toEqual(['edit', 'import'])
    expect((await api.getPaper({ id: seed.paperIds[0]! })).note).toBe('written mid-import')
  })

  it('paces batches to the target time, growing at most twofold', () => {
    const tuning: BatchTuning = { targetMs: 50, firstBatch: 100, maxBatch: 1000 }
    expect(nextBatchSize(100, 10, tuning)).toBe(200)
    expect(nextBatchSize(100, 100, tuning)).toBe(50)
    expect(nextBatchSize(800, 20, tuning)).toBe(1000)
    expect(nextBatchSize(100, 100_000, tuning)).toBe(10)
  })
})
