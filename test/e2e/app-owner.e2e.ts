import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { OWNER_LOCK_FILE } from '../../src/main/owner/owner-lock'
import { arxivIdList } from '../helpers/library-builders'
import { openEventStream } from '../helpers/node-http-client'
import { papershelf } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

const repo = fileURLToPath(new URL('../../', import.meta.url))

/** The app's main process as far as the library goes (test/helpers/app-owner-process.ts). */
async function startAppOwner(dir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repo, 'test/helpers/app-owner-process.ts'), dir],
    {
      env: { ...process.env, TSX_TSCONFIG_PATH: join(repo, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let err = ''
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the app owner exited with ${code}: ${err}`)))
  })
  return child
}

// The desktop app as owner, in a process of its own, with the built CLI beside it.
describe('the app owns its library', { timeout: 240_000 }, () => {
  const tempDir = useTempDir()
  const owners: ChildProcess[] = []
  afterEach(async () => {
    for (const child of owners.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  })

  it('routes the CLI through the app, refuses a serve beside it, and hands over when it is killed', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'ids.txt'), arxivIdList(3))
    expect(
      (await papershelf(['import', join(dir, 'ids.txt'), '--format', 'ids', '--library', dir]))
        .code,
    ).toBe(0)
    const app = await startAppOwner(dir)
    owners.push(app)
    const lock = JSON.parse(readFileSync(join(dir, OWNER_LOCK_FILE), 'utf8')) as {
      pid: number
      door: string
      origin: string
      token: string
    }
    expect(lock).toMatchObject({ pid: app.pid, door: 'app' })

    // The app's window would hear of the CLI's edit: it went through the app's connection.
    const window = openEventStream(lock.origin, lock.token)
    await window.ready
    const heard = window.next((e) => e.type === 'library.changed' && e.payload.reason === 'note')
    const noted = await papershelf(['note', '2', 'while the app is open', '--library', dir])
    expect(noted).toMatchObject({ code: 0, stdout: '#2 note saved.\n', stderr: '' })
    await heard
    window.close()

    const serve = await papershelf(['serve', '--port', '0', '--library', dir])
    expect(serve.code).toBe(1)
    expect(serve.stderr).toContain(`already open in process ${app.pid} (app)`)

    app.kill('SIGKILL')
    await new Promise((resolve) => app.once('exit', resolve))
    expect(existsSync(join(dir, OWNER_LOCK_FILE))).toBe(true)
    const shown = await papershelf(['show', '2', '--json', '--library', dir])
    expect(shown.code).toBe(0)
    expect((JSON.parse(shown.stdout) as { note: string }).note).toBe('while the app is open')
    const next = await startAppOwner(dir)
    owners.push(next)
    expect(JSON.parse(readFileSync(join(dir, OWNER_LOCK_FILE), 'utf8'))).toMatchObject({
      pid: next.pid,
      door: 'app',
    })
  })

  it('gives up the lock when it quits', async () => {
    const dir = tempDir()
    const app = await startAppOwner(dir)
    app.kill('SIGTERM')
    expect(await new Promise((resolve) => app.once('exit', resolve))).toBe(0)
    expect(existsSync(join(dir, OWNER_LOCK_FILE))).toBe(false)
  })
})
