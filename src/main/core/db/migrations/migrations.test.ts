import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import { openDatabase, type WritableDb } from '../open-database'
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from './index'

describe('db/migrations', () => {
  const tempDir = useTempDir()

  it('numbers the migrations 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })

  it('brings a fresh database to the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'library.sqlite'))
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(
      expect.arrayContaining([
        'papers',
        'tags',
        'paper_tags',
        'sources',
        'paper_sources',
        'papers_fts',
      ]),
    )
    db.close()
  })

  it('refuses a database written by a newer version, leaving it untouched', () => {
    const file = join(tempDir(), 'library.sqlite')
    const raw = new Database(file)
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.exec('CREATE TABLE future_things (x)')
    raw.close()
    expect(() => openDatabase(file)).toThrow(/newer Papershelf/)
    const after = new Database(file)
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1)
    expect(
      after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'papers'").pluck().get(),
    ).toBe(0)
    after.close()
  })

  it('runs pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = new Database(join(tempDir(), 'library.sqlite')) as WritableDb
    const failing = {
      version: LATEST_VERSION + 1,
      up: () => {
        throw new Error('step failed')
      },
    }
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('step failed')
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'papers'").pluck().get(),
    ).toBe(0)
    db.close()
  })

  it('migrates a database step by step to the same schema as a fresh one', () => {
    const stepwise = new Database(join(tempDir(), 'a.sqlite')) as WritableDb
    for (let n = 1; n <= MIGRATIONS.length; n += 1) migrate(stepwise, MIGRATIONS.slice(0, n))
    const fresh = openDatabase(join(tempDir(), 'b.sqlite'))
    const schema = (db: WritableDb) =>
      db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
    expect(schema(stepwise)).toEqual(schema(fresh))
    expect(schemaVersion(stepwise)).toBe(LATEST_VERSION)
    stepwise.close()
    fresh.close()
  })
})
