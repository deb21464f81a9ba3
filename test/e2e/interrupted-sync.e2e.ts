import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { dailyPapersRoute } from '../helpers/fixtures'
import { useFixtureServer } from '../helpers/fixture-http-server'
import { papershelf, PAPERSHELF_BIN } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

describe('a sync killed while it runs', { timeout: 180_000 }, () => {
  const tempDir = useTempDir()
  const serveFixtures = useFixtureServer()

  it('is marked interrupted when the library next opens, and a live one is left alone', async () => {
    // The list answers after a minute: the sync is still waiting when it is killed.
    const remote = await serveFixtures(dailyPapersRoute(60_000))
    const dir = tempDir()
    const env = { PAPERSHELF_HF_URL: remote.url, PAPERSHELF_HTTP_BACKOFF_MS: '1' }
    const added = await papershelf(
      ['sources', 'add', 'hf-daily', '--date', '2026-05-18', '--json', '--library', dir],
      env,
    )
    expect(added.stderr).toBe('')
    const { id } = JSON.parse(added.stdout) as { id: number }

    const sync = spawn(process.execPath, [PAPERSHELF_BIN, 'sync', String(id), '--library', dir], {
      env: { ...process.env, ...env },
    })
    const exited = new Promise((resolve) => sync.once('exit', resolve))
    while (remote.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    // While the sync lives, another command opening the library does not mark it.
    const during = await papershelf(['sources', 'list', '--json', '--library', dir], env)
    expect(JSON.parse(during.stdout)).toMatchObject([{ lastRun: { status: 'running' } }])
    sync.kill('SIGKILL')
    await exited

    const after = await papershelf(['sources', 'list', '--json', '--library', dir], env)
    expect(JSON.parse(after.stdout)).toMatchObject([
      {
        lastRun: {
          status: 'interrupted',
          error: expect.stringMatching(/stopped before it ended/) as unknown,
        },
      },
    ])
  })
})
