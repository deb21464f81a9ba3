import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../../test/helpers/fixtures'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'

const DAILY = readFixture('hf-daily-papers/daily_papers_2026-05-18_first3.json')
const JSON_HEADERS = { 'content-type': 'application/json' }

describe('sync/sync-service', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('cancels a running sync and records it as cancelled, with progress events on the way', async () => {
    const server = await serve({
      'GET /api/daily_papers': { delayMs: 400, headers: JSON_HEADERS, body: DAILY },
    })
    const { core, api } = open(tempDir(), server.url)
    const events: string[] = []
    core.events.subscribe((event) => events.push(event.type))
    const source = await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    const pending = api.syncSource({ id: source.id })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await api.cancelSync({ id: source.id })).toEqual({ changed: 1 })
    expect(await pending).toMatchObject({ status: 'cancelled', added: 0 })
    expect(events).toEqual(expect.arrayContaining(['sync.progress', 'sync.finished']))
    expect((await api.libraryInfo({})).paperCount).toBe(0)
    expect(await api.cancelSync({ id: source.id })).toEqual({ changed: 0 })
  })

  it('updates a source, refuses a second subscription to the same list, and keeps papers on removal', async () => {
    const server = await serve({ 'GET /api/daily_papers': { headers: JSON_HEADERS, body: DAILY } })
    const { api } = open(tempDir(), server.url)
    const source = await api.addSource({
      kind: 'hf-search',
      params: { query: 'kazakh' },
      name: 'Kazakh NLP',
    })
    await expect(api.addSource({ kind: 'hf-search', params: { query: 'kazakh' } })).rejects.toThrow(
      /already follow this list as source/,
    )
    const updated = await api.updateSource({
      id: source.id,
      enabled: false,
      intervalMinutes: null,
      tags: ['kk'],
    })
    expect(updated).toMatchObject({
      name: 'Kazakh NLP',
      enabled: false,
      intervalMinutes: null,
      tags: ['kk'],
    })
    await expect(api.updateSource({ id: source.id, params: { query: '' } })).rejects.toThrow(
      /Invalid hf-search parameters/,
    )

    const daily = await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    await api.syncSource({ id: daily.id })
    expect(await api.removeSource({ id: daily.id })).toEqual({ changed: 1 })
    expect((await api.libraryInfo({})).paperCount).toBe(3)
    expect((await api.listSources({})).map((s) => s.id)).toEqual([source.id])
    await expect(api.syncSource({ id: daily.id })).rejects.toThrow(/no followed source/)
  })

  it('turns a list synced once into a subscription that keeps its history', async () => {
    const server = await serve({ 'GET /api/daily_papers': { headers: JSON_HEADERS, body: DAILY } })
    const { api } = open(tempDir(), server.url)
    await api.syncOnce({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    expect(await api.listSources({})).toEqual([])
    const source = await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    expect(source).toMatchObject({
      paperCount: 0,
      inboxCount: 3,
      lastRun: { status: 'ok', added: 3 },
    })
  })
})
