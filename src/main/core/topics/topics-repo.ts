// The main thread's writes and reads for learned topics: "Not interested", the "For you" scores
// the list sorts by, auto-tagging rules and the tags they applied.
import type { SuggestScope } from '@shared/api/topics-api'
import type { PaperId } from '@shared/model/ids'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { addTags, ensureTags } from '../db/tags-repo'
import {
  hasStatus,
  listedOutsideViews,
  viewConditions,
  whereOf,
  type SqlCondition,
} from '../db/view-filter'

/** Scores are cosines (at most 1 apart), so this puts dismissed papers after all others. */
export const DISMISSED_PENALTY = 10

/**
 * Marks papers "Not interested" (or takes the mark off); returns how many changed. Their "For
 * you" scores move at once (the next training learns from the mark too).
 */
export function setNotInterested(
  db: WritableDb,
  ids: ReadonlyArray<number>,
  notInterested: boolean,
  now: string,
): number {
  const list = jsonIds(ids)
  db.prepare(
    `UPDATE paper_scores SET for_you = for_you + ? WHERE paper_id IN (SELECT value FROM json_each(?))
       AND (paper_id IN (SELECT paper_id FROM paper_interest)) = ?`,
  ).run(notInterested ? -DISMISSED_PENALTY : DISMISSED_PENALTY, list, notInterested ? 0 : 1)
  return notInterested
    ? db
        .prepare(
          `INSERT OR IGNORE INTO paper_interest (paper_id, not_interested_at)
           SELECT p.id, ? FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
        )
        .run(now, list).changes
    : db
        .prepare('DELETE FROM paper_interest WHERE paper_id IN (SELECT value FROM json_each(?))')
        .run(list).changes
}

/** Scores written per transaction: 12k scores in one statement held the main thread ~0.1 s. */
export const SCORE_CHUNK = 500

/**
 * Writes the "For you" scores a chunk at a time (none: the sort falls back to the newest first),
 * letting the thread answer between chunks. Every paper the model saw gets its new score; a paper
 * deleted meanwhile is skipped, one added meanwhile has none yet (either way as before), so no
 * row needs deleting and a list sorted meanwhile sees each score old or new, never missing.
 */
export async function writeForYouScores(
  db: WritableDb,
  scores: ReadonlyArray<readonly [number, number]> | null,
): Promise<void> {
  if (scores === null) {
    db.prepare('DELETE FROM paper_scores').run()
    return
  }
  const upsert = db.prepare(
    `INSERT INTO paper_scores (paper_id, for_you)
     SELECT p.id, j.value ->> 1 FROM json_each(?) j JOIN papers p ON p.id = j.value ->> 0 WHERE true
     ON CONFLICT (paper_id) DO UPDATE SET for_you = excluded.for_you`,
  )
  for (let k = 0; k < scores.length; k += SCORE_CHUNK) {
    if (k > 0) await new Promise((resolve) => setImmediate(resolve))
    if (!db.open) return
    db.transaction(() => upsert.run(JSON.stringify(scores.slice(k, k + SCORE_CHUNK)))).immediate()
  }
}

/** Applies auto-tags (each paper–tag pair once ever); returns the papers that changed. */
export function applyAutoTags(
  db: WritableDb,
  pairs: ReadonlyArray<{ paperId: PaperId; tag: string }>,
  now: string,
): PaperId[] {
  const remember = db.prepare(
    `INSERT OR IGNORE INTO auto_tagged (paper_id, tag_id, applied_at)
     SELECT p.id, ?, ? FROM papers p WHERE p.id = ?`,
  )
  const changed = new Set<PaperId>()
  for (const { paperId, tag } of pairs) {
    const [tagId] = ensureTags(db, [tag], now)
    if (tagId === undefined || remember.run(tagId, now, paperId).changes === 0) continue
    if (addTags(db, [paperId], [tag], now) > 0) changed.add(paperId)
  }
  return [...changed]
}

/** A tag's auto-tagging threshold, or null when it is off (or the tag does not exist). */
export function autoTagThreshold(db: WritableDb, tag: string): number | null {
  const row = db
    .prepare('SELECT a.threshold FROM tag_auto a JOIN tags t ON t.id = a.tag_id WHERE t.name = ?')
    .get(tag) as { threshold: number } | undefined
  return row?.threshold ?? null
}

/** Turns a tag's auto-tagging on at a threshold, or off (null). */
export function setAutoTagThreshold(
  db: WritableDb,
  tag: string,
  threshold: number | null,
  now: string,
): void {
  const [tagId] = ensureTags(db, [tag], now)
  if (threshold === null) {
    db.prepare('DELETE FROM tag_auto WHERE tag_id = ?').run(tagId)
    return
  }
  db.prepare(
    'INSERT INTO tag_auto (tag_id, threshold) VALUES (?, ?) ON CONFLICT (tag_id) DO UPDATE SET threshold = excluded.threshold',
  ).run(tagId, threshold)
}

const UNTAGGED: SqlCondition = {
  sql: 'NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.paper_id = p.id)',
  params: [],
}
const INTERESTING: SqlCondition = {
  sql: 'NOT EXISTS (SELECT 1 FROM paper_interest i WHERE i.paper_id = p.id)',
  params: [],
}

/** The conditions of a suggestion scope (see `SUGGEST_SCOPES`), from the one view filter. */
function scopeConditions(scope: SuggestScope): SqlCondition[] {
  switch (scope) {
    case 'inbox':
      return viewConditions({ view: 'inbox' })
    case 'untagged':
      return [listedOutsideViews(false), UNTAGGED]
    case 'unread-untagged':
      return [listedOutsideViews(false), UNTAGGED, hasStatus('unread'), INTERESTING]
  }
}

/** The papers a suggestion scope covers, newest first. */
export function scopePaperIds(db: WritableDb, scope: SuggestScope, limit: number): PaperId[] {
  const { sql, params } = whereOf(scopeConditions(scope))
  return db
    .prepare(`SELECT p.id FROM papers p ${sql} ORDER BY p.added_at DESC, p.id LIMIT ?`)
    .pluck()
    .all(...params, limit) as PaperId[]
}
