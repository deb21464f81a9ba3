import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useFixtureServer, type FixtureReply } from '../../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../../test/helpers/fixtures'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'

const DAILY = readFixture('hf-daily-papers/daily_papers_2026-05-18_first3.json')
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }
type Item = { paper: { id: string; upvotes: number; title: string } }

/** The library tables a sync may write papers into (run records and validators aside). */
function papersOnly(dataDir: string) {
  const { sources: _s, sync_runs: _r, source_http_cache: _c, ...rest } = snapshotLibrary(dataDir)
  return rest
}

/** `count` items shaped like the recorded ones, with distinct ids. */
function generatedItems(count: number): Item[] {
  const [template] = JSON.parse(DAILY) as Item[]
  return Array.from({ length: count }, (_, i) => ({
    ...template!,
    paper: { ...template!.paper, id: `2605.${String(20000 + i)}`, title: `Generated paper ${i}` },
  }))
}

const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://x').searchParams

describe('sync/run-sync (Hugging Face daily papers)', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('imports a day with every field, provenance and a run record', async () => {
    const server = await serve({
      'GET /api/daily_papers': (req) =>
        query(req).get('date') === '2026-05-18' && query(req).get('p') === '0'
          ? { headers: JSON_HEADERS, body: DAILY }
          : { headers: JSON_HEADERS, body: '[]' },
    })
    const { api } = open(tempDir(), server.url)
    const run = await api.syncOnce({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    expect(run).toMatchObject({
      status: 'ok',
      pages: 1,
      added: 3,
      updated: 0,
      unchanged: 0,
      failed: 0,
      error: null,
    })
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/daily_papers?date=2026-05-18&p=0&limit=100',
    ])
    const paper = await api.findPaper({ ref: '2605.15963' })
    expect(paper).toMatchObject({
      arxivId: '2605.15963',
      title: 'PAGER: Bridging the Semantic-Execution Gap in Point-Precise Geometric GUI Control',
      publishedAt: '2026-05-15',
      upvotes: 2,
      organization: 'OpenDataLab',
      links: {
        code: 'https://github.com/OpenRaiser/Pager',
        project: 'https://openraiser.github.io/Pager-webpage/',
      },
      tags: [],
    })
    expect(paper?.suggestedTags).toContainEqual({ label: 'GUI agents', origin: 'hf-keyword' })
    expect(paper?.provenance).toEqual([
      expect.objectContaining({ sourceKind: 'hf-daily', rank: 2, section: '2026-05-18' }),
    ])
  })

  it('pages with p and limit until a page comes back short, asking ahead after full pages', async () => {
    const items = generatedItems(250)
    const server = await serve({
      'GET /api/daily_papers': (req) => {
        const p = Number(query(req).get('p'))
        return { headers: JSON_HEADERS, body: JSON.stringify(items.slice(p * 100, p * 100 + 100)) }
      },
    })
    const { api } = open(tempDir(), server.url)
    const run = await api.syncOnce({ kind: 'hf-daily', params: { week: '2026-W20' } })
    expect(run).toMatchObject({ status: 'ok', pages: 3, added: 250 })
    // p=2 is asked for when p=1 arrives (p=0 was full); p=3, asked for when p=2 arrived, is the
    // one request past the end asking ahead may cost (it is abandoned when the sync ends).
    const asked = server.requests.map((r) =>
      Number(new URL(r.url, 'http://x').searchParams.get('p')),
    )
    expect(asked.slice(0, 3)).toEqual([0, 1, 2])
    expect(asked.slice(3).every((p) => p === 3)).toBe(true)
    expect(asked.length).toBeLessThanOrEqual(4)
    expect(
      server.requests.every(
        (r) => r.url.includes('week=2026-W20&') && r.url.endsWith('&limit=100'),
      ),
    ).toBe(true)
  })

  it('backfills a date range day by day under a base URL with a path prefix', async () => {
    const server = await serve({
      'GET /mirror/api/daily_papers': { headers: JSON_HEADERS, body: '[]' },
    })
    const { api } = open(tempDir(), server.url, { prefix: '/mirror' })
    const run = await api.syncOnce({
      kind: 'hf-daily',
      params: { from: '2026-05-16', to: '2026-05-18' },
    })
    expect(run).toMatchObject({ status: 'ok', added: 0 })
    expect(
      server.requests.map((r) => query({ url: r.url } as IncomingMessage).get('date')),
    ).toEqual(['2026-05-16', '2026-05-17', '2026-05-18'])
  })

  it('follows since a date: backfills up to today, then asks again only for the unsettled days', async () => {
    const server = await serve({
      'GET /api/daily_papers': (req) =>
        query(req).get('date') === '2026-05-16'
          ? { headers: { ...JSON_HEADERS, etag: '"d16"' }, body: DAILY }
          : { headers: JSON_HEADERS, body: '[]' },
    })
    let now = new Date('2026-05-18T09:00:00Z')
    const { api } = open(tempDir(), server.url, { now: () => now })
    const source = await api.addSource({ kind: 'hf-daily', params: { since: '2026-05-15' } })
    const dates = () =>
      server.requests.map((r) => query({ url: r.url } as IncomingMessage).get('date'))
    expect(await api.syncSource({ id: source.id })).toMatchObject({ status: 'ok', added: 3 })
    expect(dates()).toEqual(['2026-05-15', '2026-05-16', '2026-05-17', '2026-05-18'])

    // Two days later: up to the 18th all is settled; yesterday and today are asked.
    server.requests.length = 0
    now = new Date('2026-05-20T09:00:00Z')
    const later = await api.syncSource({ id: source.id })
    expect(later).toMatchObject({ status: 'ok', added: 0, stale: false })
    expect(dates()).toEqual(['2026-05-19', '2026-05-20'])
  })

  it('refuses since together with another choice of days', async () => {
    const server = await serve({})
    const { api } = open(tempDir(), server.url)
    await expect(
      api.addSource({ kind: 'hf-daily', params: { since: '2026-05-15', date: '2026-05-16' } }),
    ).rejects.toThrow(/one of date, since, week, month or from\/to/)
  })

  it('writes nothing on a second sync of an unchanged list and keeps user data through a changed one', async () => {
    let body = DAILY
    const server = await serve({ 'GET /api/daily_papers': () => ({ headers: JSON_HEADERS, body }) })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const source = await api.addSource({
      kind: 'hf-daily',
      params: { date: '2026-05-18' },
      tags: ['daily'],
    })
    await api.syncSource({ id: source.id })
    const paper = await api.findPaper({ ref: '2605.15320' })
    await api.tagPapers({ ids: [paper!.id], tags: ['to-read'] })
    await api.setStatus({ ids: [paper!.id], status: 'reading' })
    await api.setNote({ id: paper!.id, note: 'my note' })
    const before = papersOnly(dataDir)

    const again = await api.syncSource({ id: source.id })
    expect(again).toMatchObject({ status: 'ok', added: 0, updated: 0, unchanged: 3 })
    expect(papersOnly(dataDir)).toEqual(before)

    const items = JSON.parse(DAILY) as Item[]
    items[0]!.paper.upvotes = 42
    body = JSON.stringify(items)
    const changed = await api.syncSource({ id: source.id })
    expect(changed).toMatchObject({ status: 'ok', added: 0, updated: 1, unchanged: 2 })
    const after = await api.getPaper({ id: paper!.id })
    expect(after).toMatchObject({
      upvotes: 42,
      status: 'reading',
      note: 'my note',
      tags: ['daily', 'to-read'],
    })
    const [summary] = await api.listSources({})
    expect(summary).toMatchObject({
      id: source.id,
      paperCount: 0,
      inboxCount: 3,
      lastGoodSyncAt: expect.any(String) as unknown,
    })
    expect(summary?.lastRun).toMatchObject({ status: 'ok', updated: 1 })
  })

  it('asks with the stored ETag and counts a 304 as unchanged', async () => {
    const server = await serve({
      'GET /api/daily_papers': (req) =>
        req.headers['if-none-match'] === '"d1"'
          ? { status: 304 }
          : { headers: { ...JSON_HEADERS, etag: '"d1"' }, body: DAILY },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const source = await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    await api.syncSource({ id: source.id })
    const before = papersOnly(dataDir)
    const second = await api.syncSource({ id: source.id })
    expect(second).toMatchObject({ status: 'ok', pages: 1, added: 0, unchanged: 3 })
    expect(server.requests[1]?.headers['if-none-match']).toBe('"d1"')
    expect(papersOnly(dataDir)).toEqual(before)
  })

  it('flags the latest list as stale when it returns the same papers as last time', async () => {
    const server = await serve({ 'GET /api/daily_papers': { headers: JSON_HEADERS, body: DAILY } })
    const { api } = open(tempDir(), server.url)
    const source = await api.addSource({ kind: 'hf-daily', params: {} })
    expect(await api.syncSource({ id: source.id })).toMatchObject({ status: 'ok', stale: false })
    expect(await api.syncSource({ id: source.id })).toMatchObject({ status: 'ok', stale: true })
  })

  it('keeps the pages committed before a failure and records the error in the run', async () => {
    const items = generatedItems(150)
    const server = await serve({
      'GET /api/daily_papers': (req): FixtureReply =>
        query(req).get('p') === '0'
          ? { headers: JSON_HEADERS, body: JSON.stringify(items.slice(0, 100)) }
          : { status: 503, body: 'Service Unavailable' },
    })
    const { api } = open(tempDir(), server.url)
    const source = await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    const run = await api.syncSource({ id: source.id })
    expect(run).toMatchObject({ status: 'failed', pages: 1, added: 100 })
    expect(run.error).toMatch(
      /^Hugging Face daily papers 2026-05-18: .*p=1.* answered HTTP 503: Service Unavailable \(gave up after 3 attempts\)/,
    )
    expect((await api.libraryInfo({})).paperCount).toBe(100)
    const [summary] = await api.listSources({})
    expect(summary?.lastGoodSyncAt).toBeNull()
    expect(summary?.lastRun).toMatchObject({ status: 'failed' })
  })

  it('records only the pages whose write committed when a write fails', async () => {
    const items = generatedItems(400)
    const server = await serve({
      'GET /api/daily_papers': (req): FixtureReply => {
        const page = Number(query(req).get('p'))
        return {
          headers: JSON_HEADERS,
          body: JSON.stringify(items.slice(page * 100, page * 100 + 100)),
        }
      },
    })
    const dir = tempDir()
    const { api } = open(dir, server.url)
    const source = await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    // the third page's write fails
    withLibraryDb(dir, (db) =>
      db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON papers
               WHEN (SELECT count(*) FROM papers) >= 250 BEGIN SELECT RAISE(ABORT, 'disk full'); END`),
    )
    const run = await api.syncSource({ id: source.id })
    const papers = (await api.libraryInfo({})).paperCount
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/disk full/)
    expect(papers).toBe(200)
    expect(run).toMatchObject({ added: 200, pages: 2 })
  })

  it.each<[string, FixtureReply, RegExp]>([
    [
      'persistent 500',
      { status: 500, body: 'oops' },
      /answered HTTP 500: oops \(gave up after 3 attempts\)/,
    ],
    [
      'invalid JSON',
      { headers: JSON_HEADERS, body: '[{"paper": ' },
      /the response is not valid JSON/,
    ],
    ['a truncated body', { headers: JSON_HEADERS, body: DAILY.slice(0, 5000) }, /not valid JSON/],
    [
      'JSON of the wrong shape',
      { headers: JSON_HEADERS, body: '[{"paper":{"id":7}}]' },
      /unexpected response shape at \[0\]\.paper\.id/,
    ],
    [
      'an HTML page with status 200',
      { headers: { 'content-type': 'text/html' }, body: '<html>Down</html>' },
      /sent an HTML page instead of JSON/,
    ],
    [
      'a body over the size cap',
      { headers: JSON_HEADERS, body: Buffer.alloc(5 * 1024 * 1024, ' ') },
      /sent more than 4 MB/,
    ],
    [
      'a redirect to another scheme',
      { status: 302, headers: { location: 'ftp://example.org/x' } },
      /redirected to ftp:/,
    ],
    [
      'a timeout',
      { delayMs: 1500, headers: JSON_HEADERS, body: '[]' },
      /did not answer within 1 s/,
    ],
  ])(
    'records %s as a failed run and leaves the library unchanged',
    async (_name, reply, message) => {
      const server = await serve({ 'GET /api/daily_papers': reply })
      const dataDir = tempDir()
      const { api } = open(dataDir, server.url)
      const before = papersOnly(dataDir)
      const run = await api.syncOnce({ kind: 'hf-daily', params: { date: '2026-05-18' } })
      expect(run.status).toBe('failed')
      expect(run.error).toMatch(message)
      expect(run.error).toContain('Hugging Face daily papers 2026-05-18')
      expect(papersOnly(dataDir)).toEqual(before)
    },
  )

  it('rejects parameters of the wrong form before any request', async () => {
    const server = await serve({})
    const { api } = open(tempDir(), server.url)
    await expect(
      api.addSource({ kind: 'hf-daily', params: { date: '2026-13-40' } }),
    ).rejects.toThrow(/a date is YYYY-MM-DD/)
    await expect(api.addSource({ kind: 'hf-daily', params: { week: '2026-W53' } })).rejects.toThrow(
      /W01–W52/,
    )
    expect(server.requests).toHaveLength(0)
  })
})
