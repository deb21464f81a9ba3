import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { snapshotLibrary } from '../../../test/helpers/db-snapshot'
import { useFixtureServer, type FixtureServer } from '../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../test/helpers/fixtures'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { runCliCaptured } from '../../../test/helpers/run-cli-captured'

const DAILY = readFixture('hf-daily-papers/daily_papers_2026-05-18_first3.json')
const JSON_HEADERS = { 'content-type': 'application/json' }

const cli = runCliCaptured

/** Points every remote endpoint of the CLI's core at the local server, with fast retries. */
function pointAt(server: FixtureServer) {
  for (const name of [
    'PAPERSHELF_HF_URL',
    'PAPERSHELF_ARXIV_API_URL',
    'PAPERSHELF_ARXIV_URL',
    'PAPERSHELF_GITHUB_RAW_URL',
  ]) {
    vi.stubEnv(name, server.url)
  }
  vi.stubEnv('PAPERSHELF_GITHUB_URL', `${server.url}/gh`)
  vi.stubEnv('PAPERSHELF_ARXIV_DELAY_MS', '0')
  vi.stubEnv('PAPERSHELF_HTTP_BACKOFF_MS', '1')
}

describe('cli/sources-commands', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  beforeEach(() => vi.unstubAllEnvs())
  afterEach(() => vi.unstubAllEnvs())

  it('follows a list, syncs it, and lists it with its last good sync and counts', async () => {
    const server = await serve({ 'GET /api/daily_papers': { headers: JSON_HEADERS, body: DAILY } })
    pointAt(server)
    const lib = tempDir()
    const added = await cli(lib, [
      'sources',
      'add',
      'hf-daily',
      '--date',
      '2026-05-18',
      '--tag',
      'daily',
      '--json',
    ])
    expect(added.code).toBe(0)
    const source = JSON.parse(added.stdout) as { id: number }
    const synced = await cli(lib, ['sync', String(source.id)])
    expect(synced).toMatchObject({ code: 0 })
    expect(synced.stdout).toMatch(
      /✓ Hugging Face daily papers 2026-05-18: 3 added, 0 updated, 0 unchanged, 0 failed \(1 page\)/,
    )
    const again = await cli(lib, ['sync', '--all'])
    expect(again.stdout).toMatch(/0 added, 0 updated, 3 unchanged/)
    const list = await cli(lib, ['sources', 'list'])
    expect(list.stdout).toMatch(/hf-daily\s+Hugging Face daily papers 2026-05-18/)
    // A fixed day brings nothing new later: it is synced on demand, not every 6 hours.
    // synced papers wait in the inbox: the source's library count is what its view lists
    expect(list.stdout).toMatch(/0 papers, 3 in the inbox, on demand, last good sync 20\d\d-/)
    expect((await cli(lib, ['info'])).stdout).toMatch(/^Inbox: +3$/m)
    expect((await cli(lib, ['keep', '--all-in-inbox'])).code).toBe(0)
    expect((await cli(lib, ['sources', 'list'])).stdout).toMatch(/3 papers, 0 in the inbox, /)
    expect((await cli(lib, ['info'])).stdout).toMatch(/^Inbox: +0$/m)
    const listed = JSON.parse((await cli(lib, ['sources', 'list', '--json'])).stdout) as unknown[]
    expect(listed).toEqual([
      expect.objectContaining({ id: source.id, paperCount: 3, inboxCount: 0, tags: ['daily'] }),
    ])
    expect((await cli(lib, ['sources', 'remove', String(source.id)])).code).toBe(0)
    expect((await cli(lib, ['sources', 'list'])).stdout).toMatch(/No sources yet/)
    expect(JSON.parse((await cli(lib, ['list', '--json'])).stdout)).toHaveLength(3)
  })

  it('syncs a list once and shows a failure clearly, with exit code 1 and nothing written', async () => {
    const server = await serve({
      'GET /api/daily_papers': {
        headers: { 'content-type': 'text/html' },
        body: '<!doctype html><title>Error</title>',
      },
      'GET /api/papers/search': {
        headers: JSON_HEADERS,
        body: readFixture('hf-paper-search/search_q-kazakh.json'),
      },
    })
    pointAt(server)
    const lib = tempDir()
    const ok = await cli(lib, ['sync', 'hf-search', 'kazakh'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/9 added/)
    const before = snapshotLibrary(lib)['papers']
    const failed = await cli(lib, ['sync', 'hf-daily', '--date', '2026-05-18'])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe('')
    expect(failed.stderr).toMatch(
      /✗ hf-daily .*FAILED — Hugging Face daily papers 2026-05-18: .*sent an HTML page instead of JSON/,
    )
    expect(snapshotLibrary(lib)['papers']).toEqual(before)
  })

  it('resolves DOI-only papers through PAPERSHELF_CROSSREF_URL and PAPERSHELF_DATACITE_URL', async () => {
    const work = {
      status: 'ok',
      message: {
        DOI: '10.1000/xyz123',
        title: ['A Published Paper'],
        author: [{ given: 'Ada', family: 'Lovelace' }],
        issued: { 'date-parts': [[1843, 9]] },
      },
    }
    const dataset = {
      data: {
        attributes: {
          doi: '10.5281/zenodo.42',
          titles: [{ title: 'A Dataset' }],
          creators: [{ name: 'Hopper, Grace' }],
          publicationYear: 1952,
        },
      },
    }
    const server = await serve({
      'GET /mirror/crossref/works/10.1000/xyz123': {
        headers: JSON_HEADERS,
        body: JSON.stringify(work),
      },
      'GET /mirror/datacite/dois/10.5281/zenodo.42': {
        headers: { 'content-type': 'application/vnd.api+json' },
        body: JSON.stringify(dataset),
      },
    })
    vi.stubEnv('PAPERSHELF_CROSSREF_URL', `${server.url}/mirror/crossref/`)
    vi.stubEnv('PAPERSHELF_DATACITE_URL', `${server.url}/mirror/datacite`)
    vi.stubEnv('PAPERSHELF_HTTP_BACKOFF_MS', '1')
    const lib = tempDir()
    await cli(lib, ['import', '-', '--format', 'ids'], '10.1000/xyz123\n10.5281/zenodo.42\n')
    const result = await cli(lib, ['resolve'])
    expect(result).toMatchObject({ code: 0 })
    expect(result.stdout).toMatch(/Resolved 2, unresolved 0\./)
    expect(result.stdout).toMatch(/✓ #1 → A Published Paper/)
    const shown = await cli(lib, ['show', '10.5281/zenodo.42', '--json'])
    expect(JSON.parse(shown.stdout)).toMatchObject({
      title: 'A Dataset',
      authors: ['Grace Hopper'],
      publishedAt: '1952',
    })
    // Named papers are looked up again, even with a title.
    const again = await cli(lib, ['resolve', '10.1000/xyz123'])
    expect(again.stdout).toMatch(/Resolved 1, unresolved 0\./)
  })

  it('explains a wrong parameter as a usage error', async () => {
    const lib = tempDir()
    const result = await cli(lib, ['sources', 'add', 'hf-daily', '--week', '2026-W60'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Invalid hf-daily parameters: .*W01–W52/s)
    expect((await cli(lib, ['sync', 'nonsense'])).code).toBe(2)
  })
})
