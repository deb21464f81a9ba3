import type { Statement } from 'better-sqlite3'
import type { WritableDb } from './open-database'

const caches = new WeakMap<WritableDb, Map<string, Statement>>()

/** A prepared statement for `sql`, kept per connection: hot paths (searches, sync pages) repeat the same few shapes. */
export function prepared(db: WritableDb, sql: string): Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    // Filter combinations are few, but bound the cache anyway.
    if (cache.size > 500) cache.clear()
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}
