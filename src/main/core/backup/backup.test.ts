import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import {
  damageLastPages,
  damagePages,
  seedLibrary,
} from '../../../../test/helpers/library-builders'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW, useTestCore } from '../../../../test/helpers/test-core'
import { createCore, DATABASE_FILE } from '../create-core'
import { LATEST_VERSION, MIGRATIONS, migrate } from '../db/migrations'
import { openDatabase, type WritableDb } from '../db/open-database'
import { restoreLibraryFolder } from './restore-library'
import { KEEP_SNAPSHOTS, listSnapshots } from './snapshot-files'

const DAY = 24 * 60 * 60 * 1000
const at = (offsetMs: number) => () => new Date(TEST_NOW.getTime() + offsetMs)

describe('backup', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('snapshots the library with the backup API into a file that opens as the same library', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await seedLibrary(api)
    const backup = await api.backupNow({})
    expect(backup.file.startsWith(join(dir, 'backups'))).toBe(true)
    expect(backup.reason).toBe('manual')
    const copy = new Database(backup.file, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(40)
    expect(copy.prepare('SELECT note FROM papers WHERE note IS NOT NULL').pluck().all()).toEqual([
      'read section 3 <b>twice</b>',
    ])
    copy.close()
    expect((await api.listBackups({})).map((b) => b.file)).toContain(backup.file)
  })

  it(`keeps only the newest ${KEEP_SNAPSHOTS} snapshots`, async () => {
    const dir = tempDir()
    let tick = 0
    const { api } = openCore(dir, () => new Date(TEST_NOW.getTime() + (tick += 1000)))
    await seedLibrary(api, 3)
    const taken: string[] = []
    for (let i = 0; i < KEEP_SNAPSHOTS + 3; i += 1) taken.push((await api.backupNow({})).file)
    const kept = (await api.listBackups({})).map((b) => b.file)
    expect(kept).toHaveLength(KEEP_SNAPSHOTS)
    expect(kept).toEqual(taken.slice(-KEEP_SNAPSHOTS).reverse())
  })

  it('restores a snapshot: later edits are undone, and a safety snapshot keeps them', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await seedLibrary(api)
    const before = snapshotLibrary(dir)
    const backup = await api.backupNow({})
    const [first] = (await api.listPapers({ limit: 1 })).papers
    if (!first) throw new Error('no paper')
    await api.tagPapers({ ids: [first.id], tags: ['added-later'] })
    await api.setNote({ id: first.id, note: 'written later' })
    const events: string[] = []
    const report = await api.restoreBackup({ file: backup.file })
    expect(report).toMatchObject({
      restoredFrom: backup.file,
      movedAside: null,
      schemaVersion: LATEST_VERSION,
      paperCount: 40,
    })
    expect(snapshotLibrary(dir)).toEqual(before)
    expect((await api.getPaper({ id: first.id })).note).not.toBe('written later')
    const safety = new Database(report.safetySnapshot ?? '', { readonly: true })
    expect(
      safety.prepare("SELECT count(*) FROM papers WHERE note = 'written later'").pluck().get(),
    ).toBe(1)
    safety.close()
    expect(events).toEqual([])
    // The open connection keeps working on the restored content.
    await api.tagPapers({ ids: [first.id], tags: ['after-restore'] })
    expect((await api.getPaper({ id: first.id })).tags).toContain('after-restore')
  })

  it('refuses to restore a file that is not a Papershelf library, changing nothing', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await seedLibrary(api, 5)
    const before = snapshotLibrary(dir)
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'just some text, not a database')
    await expect(api.restoreBackup({ file: text })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/not a Papershelf library/) as unknown,
    })
    const other = join(dir, 'other.sqlite')
    new Database(other).exec('CREATE TABLE things (x); INSERT INTO things VALUES (1)')
    await expect(api.restoreBackup({ file: other })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/not a Papershelf library/) as unknown,
    })
    await expect(api.restoreBackup({ file: join(dir, 'missing.sqlite') })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(snapshotLibrary(dir)).toEqual(before)
    expect(await api.listBackups({})).toEqual([])
  })

  it('refuses to restore a backup written by a newer version', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await seedLibrary(api, 5)
    const backup = await api.backupNow({})
    const future = join(dir, 'future.sqlite')
    copyFileSync(backup.file, future)
    const raw = new Database(future)
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.close()
    const before = snapshotLibrary(dir)
    await expect(api.restoreBackup({ file: future })).rejects.toMatchObject({
      code: 'db-from-future',
    })
    expect(snapshotLibrary(dir)).toEqual(before)
  })

  it('reports a damaged database at open with the newest snapshot, and leaves the file as it is', async () => {
    const dir = tempDir()
    const { core, api } = openCore(dir)
    await seedLibrary(api, 300)
    const backup = await api.backupNow({})
    core.close()
    const file = join(dir, DATABASE_FILE)
    damagePages(file)
    const damaged = readFileSync(file)
    expect(() => openDatabase(file, { checkIntegrity: true })).toThrow(
      expect.objectContaining({
        code: 'db-corrupt',
        message: expect.stringContaining(`papershelf restore "${backup.file}"`) as unknown,
      }) as unknown,
    )
    expect(readFileSync(file).equals(damaged)).toBe(true)
  })

  it('restores a damaged library from the CLI path, keeping the damaged file beside it', async () => {
    const dir = tempDir()
    const { core, api } = openCore(dir)
    await seedLibrary(api, 300)
    const before = snapshotLibrary(dir)
    const backup = await api.backupNow({})
    core.close()
    const file = join(dir, DATABASE_FILE)
    damagePages(file)
    const damaged = readFileSync(file)
    const report = await restoreLibraryFolder(
      { dataDir: dir, databasePath: file },
      backup.file,
      TEST_NOW,
    )
    expect(report.safetySnapshot).toBeNull()
    expect(readFileSync(report.movedAside ?? '').equals(damaged)).toBe(true)
    expect(snapshotLibrary(dir)).toEqual(before)
    openDatabase(file).close()
  })

  it('snapshots an existing library before migrating it, at its old schema', () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    const old = new Database(file) as WritableDb
    migrate(old, MIGRATIONS.slice(0, 1))
    old.exec(
      `INSERT INTO papers (arxiv_id, title, added_at, modified_at) VALUES ('2401.00001', 'Kept', 'x', 'x')`,
    )
    old.close()
    openDatabase(file).close()
    const snapshots = listSnapshots(dir)
    if (LATEST_VERSION === 1) {
      expect(snapshots).toEqual([])
      return
    }
    expect(snapshots.map((s) => s.reason)).toEqual(['pre-migration'])
    const copy = new Database(snapshots[0]?.file ?? '', { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(copy.prepare('SELECT title FROM papers').pluck().all()).toEqual(['Kept'])
    copy.close()
    openDatabase(file).close()
    expect(listSnapshots(dir)).toHaveLength(1)
  })

  it('takes a daily snapshot in the background when the newest is a day old', async () => {
    const dir = tempDir()
    const open = async (now: () => Date) => {
      const core = createCore({ dataDir: dir, now, upkeep: true })
      await core.upkeep
      core.close()
    }
    const first = openCore(dir, at(0))
    await seedLibrary(first.api, 3)
    first.core.close()
    expect(listSnapshots(dir)).toEqual([])
    await open(at(1000))
    expect(listSnapshots(dir).map((s) => s.reason)).toEqual(['daily'])
    await open(at(DAY / 2))
    expect(listSnapshots(dir)).toHaveLength(1)
    await open(at(DAY + 2000))
    expect(listSnapshots(dir).map((s) => s.reason)).toEqual(['daily', 'daily'])
    withLibraryDb(dir, (db) => expect(db.pragma('quick_check', { simple: true })).toBe('ok'))
  })

  it('checks a library in the background after opening and reports damage with the way back', async () => {
    const dir = tempDir()
    const { core, api } = openCore(dir)
    await seedLibrary(api, 300)
    const backup = await api.backupNow({})
    core.close()
    damageLastPages(join(dir, DATABASE_FILE), 3)
    const reopened = createCore({ dataDir: dir, now: at(1000), upkeep: true })
    const messages: string[] = []
    reopened.events.subscribe((event) => {
      if (event.type === 'library.damaged') messages.push(event.payload.message)
    })
    await reopened.upkeep
    reopened.close()
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(`papershelf restore "${backup.file}"`)
    // A damaged library is never snapshotted over the good copies.
    expect(listSnapshots(dir).map((s) => s.reason)).toEqual(['manual'])
  })
})
