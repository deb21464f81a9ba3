import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../test/helpers/fixture-http-server'
import { dailyPapersRoute } from '../../test/helpers/fixtures'
import { startTestServer } from '../../test/helpers/start-headless'
import { useTempDir } from '../../test/helpers/temp-dir'
import { createCore } from './core/create-core'
import type { HeadlessOptions } from './headless'

describe('headless (papershelf serve)', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()

  /** `serve` on a fresh library whose Hugging Face is a local server answering after `delayMs`. */
  const start = async (options: Pick<HeadlessOptions, 'scheduler'> & { delayMs?: number }) => {
    const hf = await serve(dailyPapersRoute(options.delayMs))
    // The page itself is not needed here: a stand-in replaces the renderer build.
    const rendererDir = join(tempDir(), 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Papershelf</title>')
    const dataDir = join(tempDir(), 'library')
    const server = await startTestServer(dataDir, {
      rendererDir,
      baseUrls: { huggingFace: hf.url },
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    })
    return { hf, server, dataDir }
  }

  it('syncs due sources in the background, as the app does', async () => {
    const { server } = await start({ scheduler: { firstTickMs: 0, tickMs: 50 } })
    try {
      const { api } = server
      await api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' }, intervalMinutes: 60 })
      await expect
        .poll(async () => (await api.listSources({}))[0]?.lastRun?.status, { timeout: 10_000 })
        .toBe('ok')
      expect((await api.listPapers({ limit: 10 })).total).toBe(3)
    } finally {
      await server.close()
    }
  })

  it('cancels a sync in progress when it stops, recording the run as cancelled', async () => {
    const { hf, server, dataDir } = await start({ delayMs: 30_000 })
    const source = await server.api.addSource({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    // Started from the page (not the scheduler), and left running.
    const syncing = server.api.syncSource({ id: source.id }).catch(() => null)
    await expect.poll(() => hf.requests.length).toBeGreaterThan(0)
    await server.close()
    await syncing
    const core = createCore({ dataDir })
    try {
      const [summary] = await core.api.listSources({})
      expect(summary?.lastRun).toMatchObject({ status: 'cancelled' })
    } finally {
      core.close()
    }
  })
})
