import type { PaperEditResult, PaperPatch } from '@shared/api/library-ui'
import { triageTargetSchema, type TriageTarget } from '@shared/api/triage-api'
import type { PaperId } from '@shared/model/ids'
import type { ReadingStatus } from '@shared/model/paper'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'
import { addTags, removeTags } from './tags-repo'
import { setStarred, setStatus } from './user-fields-repo'

/**
 * Applies one patch to many papers (call inside a transaction) and returns the patches that undo
 * exactly what changed: only papers that lacked an added tag lose it again, and so on.
 */
export function applyPaperPatch(db: WritableDb, patch: PaperPatch, now: string): PaperEditResult {
  const ids = jsonIds(patch.ids)
  const undo: PaperPatch[] = []
  let changed = 0
  for (const tag of patch.addTags ?? []) {
    const lacking = db
      .prepare(
        `SELECT p.id FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                           WHERE pt.paper_id = p.id AND t.name = ?)
         ORDER BY p.id`,
      )
      .all(ids, tag) as Array<{ id: PaperId }>
    changed += addTags(db, patch.ids, [tag], now)
    if (lacking.length > 0) undo.push({ ids: lacking.map((row) => row.id), removeTags: [tag] })
  }
  for (const tag of patch.removeTags ?? []) {
    const having = db
      .prepare(
        `SELECT pt.paper_id AS id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE t.name = ? AND pt.paper_id IN (SELECT value FROM json_each(?)) ORDER BY pt.paper_id`,
      )
      .all(tag, ids) as Array<{ id: PaperId }>
    changed += removeTags(db, patch.ids, [tag])
    if (having.length > 0) undo.push({ ids: having.map((row) => row.id), addTags: [tag] })
  }
  if (patch.status !== undefined) {
    const before = db
      .prepare(
        `SELECT id, status FROM papers WHERE status <> ? AND id IN (SELECT value FROM json_each(?))
         ORDER BY id`,
      )
      .all(patch.status, ids) as Array<{ id: PaperId; status: ReadingStatus }>
    changed += setStatus(db, patch.ids, patch.status, now)
    for (const status of ['unread', 'reading', 'read'] as const) {
      const group = before.filter((row) => row.status === status).map((row) => row.id)
      if (group.length > 0) undo.push({ ids: group, status })
    }
  }
  if (patch.starred !== undefined) {
    const flipped = db
      .prepare(
        `SELECT id FROM papers WHERE starred <> ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .all(patch.starred ? 1 : 0, ids) as Array<{ id: PaperId }>
    changed += setStarred(db, patch.ids, patch.starred, now)
    if (flipped.length > 0) {
      undo.push({ ids: flipped.map((row) => row.id), starred: !patch.starred })
    }
  }
  if (patch.triage !== undefined) {
    const moved = moveTriage(db, ids, patch.triage, now)
    changed += moved.length
    for (const state of triageTargetSchema.options) {
      const group = moved.filter((row) => row.triage === state).map((row) => row.id)
      if (group.length > 0) undo.push({ ids: group, triage: state })
    }
  }
  return { changed, undo }
}

/**
 * Moves papers (a JSON array of ids) to a triage state in one statement, whatever their number;
 * papers already there, and what an emptied trash left, stay. Returns where the moved ones were.
 */
function moveTriage(
  db: WritableDb,
  ids: string,
  target: TriageTarget,
  now: string,
): Array<{ id: PaperId; triage: TriageTarget }> {
  const before = db
    .prepare(
      `SELECT id, triage FROM papers
       WHERE triage NOT IN (?, 'purged') AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(target, ids) as Array<{ id: PaperId; triage: TriageTarget }>
  db.prepare(
    `UPDATE papers SET triage = ?, triaged_at = ?, modified_at = ?
     WHERE triage NOT IN (?, 'purged') AND id IN (SELECT value FROM json_each(?))`,
  ).run(target, now, now, target, ids)
  return before
}
