import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { dailyPapersRoute } from '../../../../test/helpers/fixtures'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { startSyncScheduler } from './scheduler'

describe('sync/scheduler', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('syncs enabled sources when their interval has passed, and skips disabled ones', async () => {
    const server = await serve(dailyPapersRoute())
    let clock = new Date('2026-11-26T12:00:00Z')
    const { core, api } = open(tempDir(), server.url, { now: () => clock })
    const due = await api.addSource({
      kind: 'hf-daily',
      params: { date: '2026-05-18' },
      intervalMinutes: 60,
    })
    await api.addSource({
      kind: 'hf-daily',
      params: { date: '2026-05-17' },
      intervalMinutes: 60,
      enabled: false,
    })
    const finished: number[] = []
    core.events.subscribe((event) => {
      if (event.type === 'sync.finished') finished.push(event.payload.sourceId)
    })
    const scheduler = startSyncScheduler(core.api, { tickMs: 3_600_000, now: () => clock })
    try {
      await scheduler.tick()
      expect(finished).toEqual([due.id])
      clock = new Date('2026-11-26T12:30:00Z')
      await scheduler.tick()
      expect(finished).toEqual([due.id])
      clock = new Date('2026-11-26T13:00:00Z')
      await scheduler.tick()
      expect(finished).toEqual([due.id, due.id])
    } finally {
      await scheduler.stop()
    }
  })

  it('cancels the sync in progress when stopped, and waits for its run to be recorded', async () => {
    const server = await serve(dailyPapersRoute(30_000))
    const { core, api } = open(tempDir(), server.url)
    const source = await api.addSource({
      kind: 'hf-daily',
      params: { date: '2026-05-18' },
      intervalMinutes: 60,
    })
    const started = new Promise<void>((resolve) => {
      core.events.subscribe((event) => {
        if (event.type === 'sync.progress') resolve()
      })
    })
    const scheduler = startSyncScheduler(core.api, { firstTickMs: 0 })
    await started
    await scheduler.stop()
    const [summary] = await api.listSources({})
    expect(summary?.id).toBe(source.id)
    expect(summary?.lastRun).toMatchObject({ status: 'cancelled' })
    expect((await api.listPapers({ limit: 10 })).total).toBe(0)
  })
})
