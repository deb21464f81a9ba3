import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW, useTestCore } from '../../../../test/helpers/test-core'
import { DATABASE_FILE } from '../create-core'
import { resolveScope } from '../curation/export-scope'
import { selectPapers } from '../pdf/pdf-service'
import { openDatabase, type WritableDb } from './open-database'

const OLD = '2026-01-01T00:00:00.000Z'

/**
 * One library read by every consumer of a view: browsing (rows, ids, counts), search operators,
 * downloads of a view and export scopes must all name the same papers.
 */
async function library(api: LibraryApi, dir: string) {
  const first = await api.importText({
    text: ['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005'].join('\n'),
    format: 'ids',
    sourceName: 'first',
  })
  const [a, b, c, d, e] = first.paperIds as [PaperId, PaperId, PaperId, PaperId, PaperId]
  await api.updatePapers({ ids: [a], addTags: ['llm'] })
  await api.updatePapers({ ids: [b], addTags: ['LLM/decoding'] })
  await api.updatePapers({ ids: [c], addTags: ['llmx'] })
  await api.updatePapers({ ids: [d], addTags: ['other'] })
  const list = await api.createList({ name: 'Group' })
  await api.addToList({ listId: list.id, ids: [e, a] })
  // The first five arrived long ago; the later import arrives now.
  withLibraryDb(dir, (db) => db.prepare('UPDATE papers SET added_at = ?').run(OLD))
  const later = await api.importText({ text: '2402.00001', format: 'ids', sourceName: 'later' })
  const [f] = later.paperIds as [PaperId]
  return { a, b, c, d, e, f, listId: list.id, sourceId: later.sourceId }
}

const sorted = (ids: ReadonlyArray<number>) => [...ids].sort((x, y) => x - y)

describe('core/db/view-filter', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  const open = async () => {
    const dir = tempDir()
    let now = TEST_NOW
    const { api } = openCore(dir, () => now)
    const papers = await library(api, dir)
    const withDb = <T>(run: (db: WritableDb) => T): T => {
      const db = openDatabase(join(dir, DATABASE_FILE))
      try {
        return run(db)
      } finally {
        db.close()
      }
    }
    const context = { newCutoff: () => ({ previousVisit: null, now }) }
    /** The papers a view holds, as each consumer reads them. */
    const views = {
      rows: async (filter: Parameters<LibraryApi['listPaperRows']>[0]) =>
        sorted((await api.listPaperRows({ ...filter, limit: 100 })).rows.map((r) => r.id)),
      ids: async (filter: Parameters<LibraryApi['listPaperIds']>[0]) =>
        sorted(await api.listPaperIds(filter)),
      search: async (query: string) =>
        sorted((await api.searchLibrary({ query, limit: 100 })).hits.map((h) => h.id)),
      downloads: (input: Parameters<typeof selectPapers>[1]) =>
        sorted(withDb((db) => selectPapers(db, input))),
      export: (scope: Parameters<typeof resolveScope>[1]) =>
        withDb((db) => resolveScope(db, scope, context)),
    }
    return { api, papers, views, later: (ms: number) => (now = new Date(TEST_NOW.getTime() + ms)) }
  }

  it('a tag holds its sub-tags (any case) and not a longer name, for every consumer', async () => {
    const { papers, views } = await open()
    const expected = sorted([papers.a, papers.b])
    expect(await views.rows({ tag: 'llm' })).toEqual(expected)
    expect(await views.ids({ view: 'all', tag: 'llm' })).toEqual(expected)
    expect(await views.search('tag:llm')).toEqual(expected)
    expect(views.downloads({ tag: 'llm' })).toEqual(expected)
    expect(sorted(views.export({ kind: 'tag', tag: 'llm' }))).toEqual(expected)
    expect(await views.rows({ tag: 'llm/decoding' })).toEqual([papers.b])
    expect(views.downloads({ tag: 'LLM/Decoding' })).toEqual([papers.b])
  })

  it('a list and a source hold the same papers for browsing, search, downloads and exports', async () => {
    const { papers, views } = await open()
    const inList = sorted([papers.a, papers.e])
    expect(await views.rows({ listId: papers.listId })).toEqual(inList)
    expect(await views.ids({ view: 'all', listId: papers.listId })).toEqual(inList)
    expect(views.downloads({ listId: papers.listId })).toEqual(inList)
    // an export keeps the list's own order
    expect(views.export({ kind: 'list', listId: papers.listId })).toEqual([papers.e, papers.a])
    expect(await views.rows({ sourceId: papers.sourceId })).toEqual([papers.f])
    expect(await views.search('source:later')).toEqual([papers.f])
    expect(views.downloads({ sourceId: papers.sourceId })).toEqual([papers.f])
    expect(views.export({ kind: 'source', sourceId: papers.sourceId })).toEqual([papers.f])
  })

  it('"new" is one cutoff: the last 24 hours before a previous visit, then after it began', async () => {
    const { api, papers, views, later } = await open()
    expect((await api.libraryCounts({})).new).toBe(1)
    expect(await views.rows({ view: 'new' })).toEqual([papers.f])
    expect(await views.search('is:new')).toEqual([papers.f])
    expect(await views.search('-is:new tag:llm')).toEqual(sorted([papers.a, papers.b]))
    expect(await api.beginVisit({})).toEqual({ newSince: null })
    later(5 * 3600_000)
    // the previous visit began at TEST_NOW, when the later paper arrived: not after it
    expect(await api.beginVisit({})).toEqual({ newSince: TEST_NOW.toISOString() })
    expect((await api.libraryCounts({})).new).toBe(0)
    expect(await views.rows({ view: 'new' })).toEqual([])
    expect(await views.search('is:new')).toEqual([])
    await api.importText({ text: '2403.00001', format: 'ids', sourceName: 'latest' })
    expect((await api.libraryCounts({})).new).toBe(1)
    expect(await views.rows({ view: 'new' })).toHaveLength(1)
    expect(await views.search('is:new')).toHaveLength(1)
  })
})
