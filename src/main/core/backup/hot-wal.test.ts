import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/errors'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { arxivIdList, seedLibrary } from '../../../../test/helpers/library-builders'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { DATABASE_FILE } from '../create-core'
import { openDatabase } from '../db/open-database'

const repo = fileURLToPath(new URL('../../../../', import.meta.url))

// The app's write path in a separate process: WAL mode, FULL sync, a few small commits (far
// below the 1000-page automatic checkpoint, so they live only in the WAL), then it waits to die.
const WRITER = `
import { createRequire } from 'node:module'
const [root, file] = process.argv.slice(1)
const Database = createRequire(root + '/package.json')('better-sqlite3')
const db = new Database(file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
const note = db.prepare('UPDATE papers SET note = ? WHERE id = ?')
const ids = db.prepare('SELECT id FROM papers ORDER BY id LIMIT 5').pluck().all()
for (const id of ids) note.run('written after the last checkpoint', id)
db.prepare("UPDATE papers SET status = 'read'").run()
const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true })
process.stdout.write(JSON.stringify({ commits: ids.length + 1, autocheckpoint }) + '\\n')
setInterval(() => {}, 60_000)
`

/** Runs the writer on a library file, SIGKILLs it once its commits are in, and says what it saw. */
async function commitThenKill(file: string): Promise<{ commits: number; autocheckpoint: number }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, repo, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const report = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve(out.trim())
    })
    child.on('exit', (code) =>
      reject(new Error(`writer exited (${code}) before committing: ${err}`)),
    )
  })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  child.kill('SIGKILL')
  await exited
  return JSON.parse(report) as { commits: number; autocheckpoint: number }
}

/** A database file made of `a`'s pages and `b`'s pages in turn: a checkpoint cut off midway. */
function tornFile(a: Buffer, b: Buffer, pageSize = 4096): Buffer {
  const torn = Buffer.from(b)
  for (let page = 2; page * pageSize < Math.min(a.length, b.length); page += 2) {
    a.copy(torn, page * pageSize, page * pageSize, (page + 1) * pageSize)
  }
  return torn
}

describe('main/core/backup (a deleted hot -wal file)', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('opens intact at the last checkpoint when a crashed writer’s WAL is deleted; its commits are lost', async () => {
    const dataDir = tempDir()
    const { core, api } = openCore(dataDir)
    await seedLibrary(api)
    core.close()
    const file = join(dataDir, DATABASE_FILE)
    const checkpointed = snapshotLibrary(dataDir)

    const writer = await commitThenKill(file)
    expect(writer.autocheckpoint).toBe(1000)
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    // With its WAL (read from a copy, so no checkpoint touches the original) the commits are there.
    const withWal = tempDir()
    for (const suffix of ['', '-wal', '-shm']) {
      copyFileSync(`${file}${suffix}`, join(withWal, `${DATABASE_FILE}${suffix}`))
    }
    const readStatus = "SELECT count(*) FROM papers WHERE status = 'read'"
    expect(withLibraryDb(withWal, (db) => db.prepare(readStatus).pluck().get())).toBe(40)
    expect(writer.commits).toBe(6)

    rmSync(`${file}-wal`)
    expect(existsSync(`${file}-shm`)).toBe(true)

    const db = openDatabase(file, { checkIntegrity: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
    // Everything committed only in the WAL is gone; everything checkpointed is there, unchanged.
    expect(snapshotLibrary(dataDir)).toEqual(checkpointed)
    const reopened = openCore(dataDir).api
    expect((await reopened.libraryInfo({})).paperCount).toBe(40)
    expect((await reopened.search({ query: 'twice' })).length).toBe(1)
  })

  it('keeps an import when the WAL is lost afterwards: imports are checkpointed at once', async () => {
    const dataDir = tempDir()
    const { api } = openCore(dataDir)
    await seedLibrary(api, 10)
    await api.importText({ text: arxivIdList(200, 1000), sourceName: 'more.txt', tags: ['more'] })
    const [first] = (await api.listPapers({ limit: 1 })).papers
    if (!first) throw new Error('the import added no papers')
    await api.setNote({ id: first.id, note: 'an edit after the import' })

    // What a sync client or a copy of library.sqlite alone would carry away: the file without its WAL.
    const copy = tempDir()
    copyFileSync(join(dataDir, DATABASE_FILE), join(copy, DATABASE_FILE))
    const db = new Database(join(copy, DATABASE_FILE), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(210)
      const notes = db.prepare('SELECT note FROM papers WHERE note IS NOT NULL').pluck().all()
      expect(notes).not.toContain('an edit after the import')
    } finally {
      db.close()
    }
  })

  it('reports db-corrupt with the way back when a lost WAL leaves a half-checkpointed file', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, DATABASE_FILE)
    const { core, api } = openCore(dataDir)
    await seedLibrary(api, 40)
    await api.backupNow({})
    core.close()
    const before = readFileSync(file)
    const later = openCore(dataDir)
    await later.api.importText({
      text: arxivIdList(400, 5000),
      sourceName: 'big.txt',
      tags: ['big'],
    })
    later.core.close()
    writeFileSync(file, tornFile(before, readFileSync(file)))
    const damaged = readFileSync(file)

    let thrown: unknown
    try {
      openDatabase(file, { checkIntegrity: true }).close()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).code).toBe('db-corrupt')
    expect((thrown as AppError).message).toMatch(
      /is damaged .*left untouched.*papershelf restore "/s,
    )
    expect(readFileSync(file).equals(damaged)).toBe(true)
  })
})
