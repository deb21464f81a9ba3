import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { acquireOwnerLock, livingOwner, OWNER_LOCK_FILE } from './owner-lock'
import { currentProcess } from './process-identity'

describe('owner/owner-lock', () => {
  const tempDir = useTempDir()
  const staleRecord = (pid: number, startedAt: string | null) =>
    JSON.stringify({
      pid,
      startedAt,
      door: 'serve',
      origin: 'http://127.0.0.1:9',
      token: 'x'.repeat(32),
    })

  it('takes the lock user-only, publishes the door, refuses a second owner, and releases', () => {
    const dir = tempDir()
    const lock = acquireOwnerLock(dir, 'serve')
    const file = join(dir, OWNER_LOCK_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(livingOwner(dir)).toMatchObject({ pid: process.pid, origin: null })
    lock.publish('http://127.0.0.1:4321', 't'.repeat(43))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(livingOwner(dir)).toMatchObject({ origin: 'http://127.0.0.1:4321' })
    expect(() => acquireOwnerLock(dir, 'serve')).toThrow(
      expect.objectContaining({
        code: 'library-busy',
        message: expect.stringContaining(`process ${process.pid} (serve)`) as unknown,
      }),
    )
    lock.release()
    expect(existsSync(file)).toBe(false)
  })

  it('replaces a lock whose process is gone, or whose pid now belongs to a later process', () => {
    const me = currentProcess()
    const cases = [staleRecord(2 ** 22 + 7, null)]
    // The same pid with another start time: the pid was recycled, the owner is gone.
    if (me.startedAt !== null) cases.push(staleRecord(me.pid, `${Number(me.startedAt) - 1}`))
    for (const record of cases) {
      const dir = tempDir()
      writeFileSync(join(dir, OWNER_LOCK_FILE), record)
      expect(livingOwner(dir)).toBeNull()
      const lock = acquireOwnerLock(dir, 'serve')
      expect(JSON.parse(readFileSync(join(dir, OWNER_LOCK_FILE), 'utf8'))).toMatchObject(me)
      lock.release()
    }
  })

  it('treats an unreadable lock as stale rather than failing forever', () => {
    const dir = tempDir()
    writeFileSync(join(dir, OWNER_LOCK_FILE), '{"pid":')
    acquireOwnerLock(dir, 'serve').release()
  })
})
