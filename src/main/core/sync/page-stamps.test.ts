import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../../test/helpers/fixtures'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW } from '../../../../test/helpers/test-core'

const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8' }
const FIRST = readFixture('arxiv-api/search_query-testing-start0-max10.xml')
const SECOND = readFixture('arxiv-api/search_query-testing-start10-max10.xml')

/** The arXiv ids of a feed's entries, in the feed's order. */
const idsOf = (atom: string): string[] =>
  [...atom.matchAll(/<id>https?:\/\/arxiv\.org\/abs\/([0-9.]+)v\d+<\/id>/g)].map((m) => m[1] ?? '')

describe('sync/run-sync: each page stamps its own arrival', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('stamps a later page strictly later, so Date added follows arrival across pages', async () => {
    const server = await serve({
      'GET /api/query?search_query=testing&start=0&max_results=20': { headers: ATOM, body: FIRST },
      'GET /api/query?search_query=testing&start=10&max_results=10': {
        headers: ATOM,
        body: SECOND,
      },
    })
    // a clock that never moves: both pages land within one tick
    const { api } = open(tempDir(), server.url, { now: () => TEST_NOW })
    const source = await api.addSource({ kind: 'arxiv', params: { query: 'testing', max: 20 } })
    expect(await api.syncSource({ id: source.id })).toMatchObject({ pages: 2, added: 20 })

    const { papers } = await api.listPapers({ sort: 'added', order: 'desc', limit: 100 })
    const stamps = [...new Set(papers.map((paper) => paper.addedAt))]
    expect(stamps).toEqual([new Date(TEST_NOW.getTime() + 1).toISOString(), TEST_NOW.toISOString()])
    // newest first: the second page above the first, each page in the source's own order
    expect(papers.map((paper) => paper.arxivId)).toEqual([...idsOf(SECOND), ...idsOf(FIRST)])
    const oldest = await api.listPapers({ sort: 'added', order: 'asc', limit: 100 })
    expect(oldest.papers.map((paper) => paper.arxivId)).toEqual([...idsOf(FIRST), ...idsOf(SECOND)])
  })
})
