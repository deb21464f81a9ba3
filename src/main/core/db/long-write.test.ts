import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { commitWithoutFlush, startLongWrite } from './long-write'
import { openDatabase } from './open-database'

describe('db/long-write', () => {
  const tempDir = useTempDir()
  const openDb = () => openDatabase(join(tempDir(), 'library.sqlite'))

  it('lets the WAL grow while long writes run, until the last one ends', () => {
    const db = openDb()
    const threshold = () => db.pragma('wal_autocheckpoint', { simple: true })
    expect(threshold()).toBe(1000)
    const endImport = startLongWrite(db)
    const endSync = startLongWrite(db)
    expect(threshold()).toBe(65_536)
    endImport()
    endImport()
    expect(threshold()).toBe(65_536)
    endSync()
    expect(threshold()).toBe(1000)
    db.close()
  })

  it('commits without a flush and puts the sync level back, also after a failed transaction', () => {
    const db = openDb()
    const level = () => db.pragma('synchronous', { simple: true })
    expect(level()).toBe(2)
    const inside = commitWithoutFlush(db, () => level())
    expect(inside).toBe(1)
    expect(level()).toBe(2)
    const failing = db.transaction(() => {
      db.prepare("INSERT INTO tags (name, created_at) VALUES ('b', 'now')").run()
      throw new Error('disk full')
    })
    expect(() => commitWithoutFlush(db, () => failing.immediate())).toThrow('disk full')
    expect(level()).toBe(2)
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0)
    db.close()
  })
})
