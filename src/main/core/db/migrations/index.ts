import { AppError } from '@shared/api/errors'
import type { WritableDb } from '../open-database'
import { up as initial } from './0001-initial'
import { up as syncSubscriptions } from './0002-sync-subscriptions'
import { up as pdfs } from './0003-pdfs'
import { up as search } from './0004-search'
import { up as leanerIndexes } from './0005-leaner-indexes'
import { up as interruptedRuns } from './0006-interrupted-runs'
import { up as annotations } from './0007-annotations'
import { up as importRuns } from './0008-import-runs'
import { up as topics } from './0009-topics'
import { up as curation } from './0010-curation'
import { up as extensionPairings } from './0011-extension-pairings'
import { up as viewSortIndexes } from './0012-view-sort-indexes'
import { up as triage } from './0013-triage'
import { up as metadataEdits } from './0014-metadata-edits'
import { up as addedInSourceOrder } from './0015-added-in-source-order'
import { up as listOrder } from './0016-list-order'
import { up as citationKeysTable } from './0017-citation-keys-table'

/** One schema step. Listed statically so the bundle needs no migration files beside it. */
export type Migration = { version: number; up: (db: WritableDb) => void }

export const MIGRATIONS: ReadonlyArray<Migration> = [
  { version: 1, up: initial },
  { version: 2, up: syncSubscriptions },
  { version: 3, up: pdfs },
  { version: 4, up: search },
  { version: 5, up: leanerIndexes },
  { version: 6, up: interruptedRuns },
  { version: 7, up: annotations },
  { version: 8, up: importRuns },
  { version: 9, up: topics },
  { version: 10, up: curation },
  { version: 11, up: extensionPairings },
  { version: 12, up: viewSortIndexes },
  { version: 13, up: triage },
  { version: 14, up: metadataEdits },
  { version: 15, up: addedInSourceOrder },
  { version: 16, up: listOrder },
  { version: 17, up: citationKeysTable },
]

/** The schema version a fully migrated database has. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0

/**
 * Brings a database to the last of `migrations` (default: all, so the latest schema) in one
 * transaction; refuses a database from a newer version. Tests pass a prefix to build old schemas.
 */
export function migrate(db: WritableDb, migrations: ReadonlyArray<Migration> = MIGRATIONS): void {
  const target = migrations.at(-1)?.version ?? 0
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.version} is out of order (expected ${index + 1})`)
    }
  })
  const current = schemaVersion(db)
  if (current > Math.max(target, LATEST_VERSION)) {
    throw new AppError(
      'db-from-future',
      `This library was written by a newer Papershelf (schema ${current}; this version knows up to ${LATEST_VERSION}). Update Papershelf to open it.`,
    )
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const migration of pending) migration.up(db)
    db.pragma(`user_version = ${pending.at(-1)?.version ?? current}`)
  }).immediate()
}

/** The schema version stored in the database. */
export function schemaVersion(db: WritableDb): number {
  return db.pragma('user_version', { simple: true }) as number
}
