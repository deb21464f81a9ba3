import type { WritableDb } from './open-database'
import { prepared } from './prepared'
import { whereOf, type SqlCondition } from './view-filter'

/** A tag, list or source condition: `p.id IN (<the papers of a set the view names>)`. */
const NAMED_SET = /^p\.id IN \((SELECT .*)\)$/s

/** What the temporary table holds: for which conditions, and as of which state of the library. */
type Gathered = { key: string; dataVersion: number; changes: number }
const gathered = new WeakMap<WritableDb, Gathered>()

/** Changes committed by other connections, and made by this one (which `data_version` omits). */
const libraryState = (db: WritableDb) => ({
  dataVersion: db.pragma('data_version', { simple: true }) as number,
  changes: prepared(db, 'SELECT total_changes()').pluck().get() as number,
})

/**
 * A view's tag, list and source conditions turned into one condition on a temporary table that
 * holds their papers. A search asks the index several questions (its newest matches, the
 * best-ranked ones, the count), and each would gather a tag's papers anew otherwise (a tag of
 * 9.6k papers at 50k: ~4 ms a question). The table is kept while the view and the library stay
 * the same, so the searches of one typed query gather once. It lives in the connection's
 * temporary database: a read-only library gathers too, and the library file is never written.
 */
export function gatherView(
  db: WritableDb,
  conditions: ReadonlyArray<SqlCondition>,
): SqlCondition[] {
  const named = conditions.filter((condition) => NAMED_SET.test(condition.sql))
  if (named.length === 0) return [...conditions]
  const { sql, params } = whereOf(named)
  const key = JSON.stringify([sql, params])
  const last = gathered.get(db)
  const now = libraryState(db)
  if (last?.key !== key || last.dataVersion !== now.dataVersion || last.changes !== now.changes) {
    if (!last) db.exec('CREATE TEMP TABLE IF NOT EXISTS gathered_view (id INTEGER PRIMARY KEY)')
    prepared(db, 'DELETE FROM temp.gathered_view').run()
    // The sets' own rows in id order: testing each paper against them is 5× slower.
    const sets = named.map((condition) => NAMED_SET.exec(condition.sql)?.[1] ?? '')
    prepared(
      db,
      `INSERT OR IGNORE INTO temp.gathered_view SELECT * FROM (${sets.join(' INTERSECT ')}) ORDER BY 1`,
    ).run(...params)
    // A transaction may yet roll the table back with it: gathered anew next time.
    if (db.inTransaction) gathered.delete(db)
    else gathered.set(db, { key, ...libraryState(db) })
  }
  return [
    ...conditions.filter((condition) => !named.includes(condition)),
    { sql: 'p.id IN (SELECT id FROM temp.gathered_view)', params: [] },
  ]
}
