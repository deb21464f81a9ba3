import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/core/create-core'
import { OWNER_LOCK_FILE } from '../../src/main/owner/owner-lock'
import { arxivIdList, damageLastPages } from '../helpers/library-builders'
import { createNodeHttpTransport, openEventStream } from '../helpers/node-http-client'
import { papershelf, startServe, type ServeProcess } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

/** A library of `count` papers made by the built CLI. */
async function libraryWith(dir: string, count: number): Promise<void> {
  const ids = join(dir, 'ids.txt')
  writeFileSync(ids, arxivIdList(count))
  const result = await papershelf(['import', ids, '--format', 'ids', '--library', dir])
  expect(result.stderr).toBe('')
}

// Each test runs several real processes one after another: slow on a loaded machine.
describe('one owner per library', { timeout: 240_000 }, () => {
  const tempDir = useTempDir()
  const servers: ServeProcess[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()))
  })
  const serve = async (dir: string) => {
    const server = await startServe(dir)
    servers.push(server)
    return server
  }

  it('announces itself in a user-only lock file and routes every other command through itself', async () => {
    const dir = tempDir()
    await libraryWith(dir, 3)
    const server = await serve(dir)
    const lockFile = join(dir, OWNER_LOCK_FILE)
    expect(statSync(lockFile).mode & 0o777).toBe(0o600)
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
      pid: number
      origin: string
      token: string
    }
    expect(lock).toMatchObject({
      pid: server.child.pid,
      origin: server.origin,
      token: server.token,
    })

    // A tab is open; the CLI's edit reaches it as an event, so it went through the owner.
    const tab = openEventStream(server.origin, server.token)
    await tab.ready
    const changed = tab.next((e) => e.type === 'library.changed' && e.payload.reason === 'note')
    const noted = await papershelf(['note', '1', 'through the owner', '--library', dir])
    expect(noted).toMatchObject({ code: 0, stderr: '' })
    expect(noted.stdout).toBe('#1 note saved.\n')
    await changed
    tab.close()
    const api = createClient(createNodeHttpTransport(server.origin, server.token))
    expect((await api.getPaper({ id: 1 })).note).toBe('through the owner')
    // Same output as in-process, errors included.
    const missing = await papershelf(['show', '99', '--library', dir])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No paper matches "99"/)
  })

  it('refuses a second serve on the same library, naming the process that holds it', async () => {
    const dir = tempDir()
    const first = await serve(dir)
    const second = await papershelf(['serve', '--port', '0', '--library', dir])
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`already open in process ${first.child.pid} (serve)`)
    expect(existsSync(join(dir, OWNER_LOCK_FILE))).toBe(true)
  })

  it('recognises the lock of a killed owner as stale: the CLI opens the file, a new serve takes over', async () => {
    const dir = tempDir()
    await libraryWith(dir, 2)
    const killed = await startServe(dir)
    killed.child.kill('SIGKILL')
    await new Promise((resolve) => killed.child.once('exit', resolve))
    expect(existsSync(join(dir, OWNER_LOCK_FILE))).toBe(true)
    const listed = await papershelf(['list', '--json', '--library', dir])
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout)).toHaveLength(2)
    const next = await serve(dir)
    const lock = JSON.parse(readFileSync(join(dir, OWNER_LOCK_FILE), 'utf8')) as { pid: number }
    expect(lock.pid).toBe(next.child.pid)
  })

  it('restores under a running serve: the owner swaps the file, tabs hear of it, later edits land in the restored library', async () => {
    const dir = tempDir()
    await libraryWith(dir, 4)
    const snapshot = join(dir, 'before.sqlite')
    expect((await papershelf(['backup', '--to', snapshot, '--library', dir])).code).toBe(0)
    const server = await serve(dir)
    const api = createClient(createNodeHttpTransport(server.origin, server.token))
    await api.setNote({ id: 2, note: 'written before the restore' })
    const tab = openEventStream(server.origin, server.token)
    await tab.ready
    const told = tab.next((e) => e.type === 'library.changed' && e.payload.reason === 'restore')

    const restored = await papershelf(['restore', snapshot, '--library', dir])
    expect(restored.stderr).toBe('')
    expect(restored.stdout).toMatch(/Restored .*before\.sqlite: 4 papers/)
    await told
    tab.close()
    expect((await api.getPaper({ id: 2 })).note).toBeNull()
    await api.setNote({ id: 3, note: 'written after the restore' })
    await server.stop()
    servers.length = 0

    const shown = await papershelf(['show', '3', '--json', '--library', dir])
    expect((JSON.parse(shown.stdout) as { note: string }).note).toBe('written after the restore')
    expect(existsSync(join(dir, OWNER_LOCK_FILE))).toBe(false)
  })

  it('keeps damage as state: serve prints it, a tab that connects later sees it, a restore clears it', async () => {
    const dir = tempDir()
    await libraryWith(dir, 300)
    const snapshot = join(dir, 'good.sqlite')
    expect((await papershelf(['backup', '--to', snapshot, '--library', dir])).code).toBe(0)
    damageLastPages(join(dir, DATABASE_FILE), 3)
    const info = await papershelf(['info', '--library', dir])
    expect(info.code).toBe(1)
    expect(info.stderr).toMatch(/is damaged/)

    const server = await serve(dir)
    await server.waitForStderr(/library\.sqlite is damaged \(quick_check/)
    // A tab opened after the check asks, and is told.
    const api = createClient(createNodeHttpTransport(server.origin, server.token))
    expect((await api.libraryInfo({})).damage).toMatch(/papershelf restore/)
    const viaOwner = await papershelf(['info', '--json', '--library', dir])
    expect((JSON.parse(viaOwner.stdout) as { damage?: string }).damage).toMatch(/is damaged/)

    const restored = await papershelf(['restore', snapshot, '--library', dir])
    expect(restored.stdout).toMatch(/damaged library file is kept as .*library\.sqlite\.damaged-/)
    await server.waitForStderr('the library was restored')
    expect((await api.libraryInfo({ check: true })).damage).toBeUndefined()
    expect((await api.libraryInfo({})).paperCount).toBe(300)
    // The owner writes into the restored file, not the damaged one moved aside.
    await api.setNote({ id: 7, note: 'after restoring a damaged library' })
    await server.stop()
    servers.length = 0
    const shown = await papershelf(['show', '7', '--json', '--library', dir])
    expect((JSON.parse(shown.stdout) as { note: string }).note).toBe(
      'after restoring a damaged library',
    )
  })
})
