import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppEventEnvelope } from '@shared/api/events'
import { createClient } from '@shared/rpc/create-client'
import { describe, expect, it } from 'vitest'
import { arxivIdList } from '../../../test/helpers/library-builders'
import { runCliCaptured } from '../../../test/helpers/run-cli-captured'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { createNodeHttpTransport } from '../../../test/helpers/node-http-client'
import { openOwnerDoor, type OwnerDoor } from './owner-door'
import { OWNER_LOCK_FILE } from './owner-lock'

// The desktop app owns its library through this function (src/main/electron/start-app.ts), with
// `door: 'app'` and no renderer: here it runs under plain Node, and the CLI finds it as it would.
/** The owner's library as a client sees it (the app's window reaches the same service over IPC). */
const api = (owner: OwnerDoor) =>
  createClient(createNodeHttpTransport(owner.server.origin, owner.server.token))

describe('owner/owner-door (the app as owner)', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()

  const libraryOf = async (dir: string, count: number) => {
    writeFileSync(join(dir, 'ids.txt'), arxivIdList(count))
    const imported = await runCliCaptured(dir, ['import', join(dir, 'ids.txt'), '--format', 'ids'])
    expect(imported.stderr).toBe('')
  }

  it('announces the app in the lock, answers the CLI through its door, and serves no page', async () => {
    const dir = tempDir()
    await libraryOf(dir, 3)
    const owner = await openOwnerDoor({ dataDir: dir, door: 'app' })
    try {
      const lockFile = join(dir, OWNER_LOCK_FILE)
      expect(statSync(lockFile).mode & 0o777).toBe(0o600)
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
        pid: process.pid,
        door: 'app',
        origin: owner.server.origin,
        token: owner.server.token,
      })
      const events: AppEventEnvelope[] = []
      owner.library.events.subscribe((event) => events.push(event))
      const noted = await runCliCaptured(dir, ['note', '2', 'from the terminal'])
      expect(noted).toEqual({ code: 0, stdout: '#2 note saved.\n', stderr: '' })
      // The edit went through the owner's one connection: its event reached the app's window feed.
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'library.changed',
          payload: expect.objectContaining({ reason: 'note' }) as unknown,
        }),
      )
      expect((await api(owner).getPaper({ id: 2 })).note).toBe('from the terminal')
      // The app's window talks over IPC: the door has no page to give a browser.
      const page = await fetch(`${owner.server.origin}/`)
      expect(page.status).toBe(404)
      // A second owner (a `serve`) is refused, naming the app's process.
      await expect(openOwnerDoor({ dataDir: dir, door: 'serve' })).rejects.toMatchObject({
        code: 'library-busy',
        message: expect.stringContaining(`process ${process.pid} (app)`) as unknown,
      })
    } finally {
      await owner.close()
    }
    expect(existsSync(join(dir, OWNER_LOCK_FILE))).toBe(false)
    const shown = await runCliCaptured(dir, ['show', '2', '--json'])
    expect((JSON.parse(shown.stdout) as { note: string }).note).toBe('from the terminal')
  })

  it('restores through the app: the file is swapped under its connection and the window is told', async () => {
    const dir = tempDir()
    await libraryOf(dir, 4)
    const snapshot = join(dir, 'before.sqlite')
    expect((await runCliCaptured(dir, ['backup', '--to', snapshot])).code).toBe(0)
    const owner = await openOwnerDoor({ dataDir: dir, door: 'app' })
    try {
      await api(owner).setNote({ id: 1, note: 'before the restore' })
      const told = new Promise<void>((resolve) =>
        owner.library.events.subscribe((e) => {
          if (e.type === 'library.changed' && e.payload.reason === 'restore') resolve()
        }),
      )
      const restored = await runCliCaptured(dir, ['restore', snapshot])
      expect(restored.stderr).toBe('')
      expect(restored.stdout).toMatch(/Restored .*before\.sqlite: 4 papers/)
      await told
      expect((await api(owner).getPaper({ id: 1 })).note).toBeNull()
      await api(owner).setNote({ id: 3, note: 'after the restore' })
    } finally {
      await owner.close()
    }
    const shown = await runCliCaptured(dir, ['show', '3', '--json'])
    expect((JSON.parse(shown.stdout) as { note: string }).note).toBe('after the restore')
  })

  it('takes over a lock left by an owner that is gone', async () => {
    const dir = tempDir()
    const dead = {
      pid: 2 ** 22 + 11,
      startedAt: null,
      door: 'app',
      origin: 'http://127.0.0.1:9',
      token: 'x'.repeat(32),
    }
    writeFileSync(join(dir, OWNER_LOCK_FILE), JSON.stringify(dead))
    const owner = await openOwnerDoor({ dataDir: dir, door: 'app' })
    try {
      expect(JSON.parse(readFileSync(join(dir, OWNER_LOCK_FILE), 'utf8'))).toMatchObject({
        pid: process.pid,
      })
    } finally {
      await owner.close()
    }
  })
})
