import type { InboxGroup } from '@shared/api/triage-api'
import type { SourceId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import type { SqlCondition } from '../db/view-filter'

/** Papers added on a day (`YYYY-MM-DD`, UTC): a range of the index, not a function of it. */
export function addedOn(day: string): SqlCondition {
  return { sql: 'p.added_at >= ? AND p.added_at < ?', params: [day, `${day}T99`] }
}

/**
 * The inbox by the source that brought each paper first and the day it was added, newest day
 * first, then by source name. Reads the inbox through its index.
 */
export function inboxGroups(db: WritableDb): InboxGroup[] {
  const rows = db
    .prepare(
      `SELECT first.source_id AS sourceId, coalesce(s.name, 'Added by you') AS sourceName,
              substr(p.added_at, 1, 10) AS day, count(*) AS count
       FROM papers p
       LEFT JOIN (SELECT ps.paper_id, ps.source_id, min(ps.first_seen_at) FROM paper_sources ps
                  JOIN papers q ON q.id = ps.paper_id AND q.triage = 'inbox'
                  GROUP BY ps.paper_id) first ON first.paper_id = p.id
       LEFT JOIN sources s ON s.id = first.source_id
       WHERE p.triage = 'inbox'
       GROUP BY first.source_id, day
       ORDER BY day DESC, sourceName`,
    )
    .all() as Array<{ sourceId: number | null; sourceName: string; day: string; count: number }>
  return rows.map((row) => ({ ...row, sourceId: row.sourceId as SourceId | null }))
}
