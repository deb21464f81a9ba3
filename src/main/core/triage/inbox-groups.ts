import type { InboxGroup } from '@shared/api/triage-api'
import type { SourceId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import type { SqlCondition } from '../db/view-filter'

/** The first provenance row of paper `p` (the source that brought it first). */
const FIRST = `FROM paper_sources ps WHERE ps.paper_id = p.id ORDER BY ps.first_seen_at, ps.source_id LIMIT 1`
/** The source a paper's group is of. */
const GROUP_SOURCE = `(SELECT ps.source_id ${FIRST})`
/**
 * The day a paper's group is of: the day its first source lists it under (a daily list's date),
 * else the day it was added (UTC).
 */
const GROUP_DAY = `coalesce(
  (SELECT CASE WHEN ps.section GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN ps.section END ${FIRST}),
  substr(p.added_at, 1, 10))`

/** Papers of one group: first brought by the source (null: by none), of the day. */
export function inGroup(sourceId: number | null, day: string): SqlCondition {
  return {
    sql: `${GROUP_SOURCE} IS ? AND ${GROUP_DAY} = ?`,
    params: [sourceId, day],
  }
}

/** The inbox by the source that brought each paper first and its day, newest day first. */
export function inboxGroups(db: WritableDb): InboxGroup[] {
  const rows = db
    .prepare(
      `SELECT g.source_id AS sourceId, coalesce(s.name, 'Added by you') AS sourceName, g.day,
              count(*) AS count
       FROM (SELECT ${GROUP_SOURCE} AS source_id, ${GROUP_DAY} AS day
             FROM papers p WHERE p.triage = 'inbox') g
       LEFT JOIN sources s ON s.id = g.source_id
       GROUP BY g.source_id, g.day
       ORDER BY g.day DESC, sourceName`,
    )
    .all() as Array<{ sourceId: number | null; sourceName: string; day: string; count: number }>
  return rows.map((row) => ({ ...row, sourceId: row.sourceId as SourceId | null }))
}
