import { describe, expect, it } from 'vitest'
import { snapshotLibrary } from '../../../../test/helpers/db-snapshot'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../../test/helpers/fixtures'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'

const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8' }
const JSON_HEADERS = { 'content-type': 'application/json' }
const AWESOME = readFixture('awesome-lists/Awesome-Parallel-Text-Generation_README.md')

function papersOnly(dataDir: string) {
  const { sources: _s, sync_runs: _r, source_http_cache: _c, ...rest } = snapshotLibrary(dataDir)
  return rest
}

describe('sync/run-sync (arXiv, Hugging Face search, feeds, awesome lists)', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('pages an arXiv query with start and max_results, spacing the requests politely', async () => {
    const server = await serve({
      'GET /api/query?search_query=testing&start=0&max_results=20': {
        headers: ATOM,
        body: readFixture('arxiv-api/search_query-testing-start0-max10.xml'),
      },
      'GET /api/query?search_query=testing&start=10&max_results=10': {
        headers: ATOM,
        body: readFixture('arxiv-api/search_query-testing-start10-max10.xml'),
      },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url, { arxivDelayMs: 200 })
    const source = await api.addSource({ kind: 'arxiv', params: { query: 'testing', max: 20 } })
    const run = await api.syncSource({ id: source.id })
    expect(run).toMatchObject({ status: 'ok', pages: 2, added: 20, failed: 0 })
    const [first, second] = server.requests
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(190)
    const before = papersOnly(dataDir)
    expect(await api.syncSource({ id: source.id })).toMatchObject({
      status: 'ok',
      added: 0,
      updated: 0,
      unchanged: 20,
    })
    expect(papersOnly(dataDir)).toEqual(before)
  })

  it("looks up an id list and records arXiv's refusal of a malformed id in the run", async () => {
    const server = await serve({
      'GET /api/query?search_query=&id_list=0808.05394%2C1707.08567&start=0&max_results=2': {
        headers: ATOM,
        body: readFixture('arxiv-api/id_list-0808.05394_1707.08567-one-missing.xml'),
      },
      'GET /api/query?search_query=&id_list=abc&start=0&max_results=1': {
        status: 400,
        headers: ATOM,
        body: readFixture('arxiv-api/id_list-abc-error-http400.xml'),
      },
    })
    const { api } = open(tempDir(), server.url)
    const ok = await api.syncOnce({ kind: 'arxiv', params: { ids: ['0808.05394', '1707.08567'] } })
    expect(ok).toMatchObject({ status: 'ok', added: 1 })
    expect(await api.findPaper({ ref: '1707.08567' })).toMatchObject({ arxivId: '1707.08567' })
    const bad = await api.syncOnce({ kind: 'arxiv', params: { ids: ['abc'] } })
    expect(bad).toMatchObject({ status: 'failed', added: 0 })
    expect(bad.error).toMatch(/answered HTTP 400: incorrect id format for abc/)
  })

  it('imports a Hugging Face search with its ranks', async () => {
    const server = await serve({
      'GET /api/papers/search': {
        headers: JSON_HEADERS,
        body: readFixture('hf-paper-search/search_q-llama-3-herd.json'),
      },
    })
    const { api } = open(tempDir(), server.url)
    const run = await api.syncOnce({ kind: 'hf-search', params: { query: 'llama 3 herd' } })
    expect(run).toMatchObject({ status: 'ok', added: 11 })
    expect(server.requests[0]?.url).toBe('/api/papers/search?q=llama+3+herd&limit=120')
    const herd = await api.findPaper({ ref: '2407.21783' })
    expect(herd?.authors).toHaveLength(533)
    expect(herd?.provenance[0]).toMatchObject({
      sourceKind: 'hf-search',
      rank: expect.any(Number) as unknown,
    })
  })

  it('syncs an arXiv listing feed, and an empty weekend feed is not an error', async () => {
    let body = readFixture('arxiv-rss/assembled-from-spec_rss2_math.OC.xml')
    const server = await serve({
      'GET /rss/math.OC': () => ({ headers: { 'content-type': 'application/rss+xml' }, body }),
    })
    const { api } = open(tempDir(), server.url)
    const source = await api.addSource({
      kind: 'feed',
      params: { url: `${server.url}/rss/math.OC` },
    })
    expect(await api.syncSource({ id: source.id })).toMatchObject({ status: 'ok', added: 1 })
    expect(await api.findPaper({ ref: '2203.01250' })).toMatchObject({ doi: '10.5802/jep.257' })
    body = body.replace(/<item>[\s\S]*<\/item>/, '')
    expect(await api.syncSource({ id: source.id })).toMatchObject({
      status: 'ok',
      added: 0,
      error: null,
    })
  })

  it('imports the awesome list from its repository address with every arXiv paper it links, each once', async () => {
    const server = await serve({
      'GET /zhanglingzhe0820/Awesome-Parallel-Text-Generation/HEAD/README.md': {
        headers: { 'content-type': 'text/plain; charset=utf-8', etag: '"readme-1"' },
        body: AWESOME,
      },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const source = await api.addSource({
      kind: 'awesome',
      params: { url: `${server.url}/gh/zhanglingzhe0820/Awesome-Parallel-Text-Generation` },
      tags: ['parallel-decoding'],
    })
    const run = await api.syncSource({ id: source.id })
    expect(run.status).toBe('ok')
    const linked = new Set(
      [...AWESOME.matchAll(/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/g)].map((m) => m[1]),
    )
    for (const id of linked) {
      expect(await api.findPaper({ ref: id! }), `arXiv:${id}`).toMatchObject({
        arxivId: id,
        tags: ['parallel-decoding'],
      })
    }
    // Six arXiv ids are listed twice: reported, not imported twice.
    expect(run.failed).toBeGreaterThanOrEqual(6)
    const medusa = await api.findPaper({ ref: '2401.10774' })
    expect(medusa?.provenance).toHaveLength(1)
    expect(medusa?.suggestedTags.some((t) => t.origin === 'list-section')).toBe(true)
    const before = papersOnly(dataDir)
    expect(await api.syncSource({ id: source.id })).toMatchObject({
      status: 'ok',
      added: 0,
      updated: 0,
    })
    expect(server.requests[1]?.headers['if-none-match']).toBe('"readme-1"')
    expect(papersOnly(dataDir)).toEqual(before)
  })

  it('records a malformed feed as a failed run that names the address', async () => {
    const server = await serve({
      'GET /feed': {
        headers: { 'content-type': 'application/rss+xml' },
        body: '<rss><channel><item></channel></rss>',
      },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const before = papersOnly(dataDir)
    const run = await api.syncOnce({ kind: 'feed', params: { url: `${server.url}/feed` } })
    expect(run.status).toBe('failed')
    expect(run.error).toContain(`${server.url}/feed`)
    expect(papersOnly(dataDir)).toEqual(before)
  })
})
