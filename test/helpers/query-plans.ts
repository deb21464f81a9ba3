import type { WritableDb } from '../../src/main/core/db/open-database'

/** One statement a piece of code ran, with SQLite's plan for it. */
export type RanQuery = { sql: string; plan: string[] }

/**
 * Runs `work` on `db` and returns every statement it prepared and ran (`all`/`get`/`iterate`),
 * each with its `EXPLAIN QUERY PLAN` for the same parameters: a guard reads the plans the real
 * code gets, not copies of its SQL. Statements prepared before (cached) are not seen.
 */
export function queriesOf(db: WritableDb, work: () => void): RanQuery[] {
  const ran: Array<{ sql: string; args: unknown[] }> = []
  const prepare = db.prepare.bind(db)
  const spy = (sql: string) => {
    const statement = prepare(sql)
    for (const method of ['all', 'get', 'iterate', 'run'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement)
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          ran.push({ sql, args })
          return original(...args)
        },
      })
    }
    return statement
  }
  Object.defineProperty(db, 'prepare', { value: spy, configurable: true })
  try {
    work()
  } finally {
    Object.defineProperty(db, 'prepare', { value: prepare, configurable: true })
  }
  return ran.map(({ sql, args }) => ({
    sql: sql.replace(/\s+/g, ' ').trim(),
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map(
      (row) => row.detail,
    ),
  }))
}
