import { AppError } from '@shared/api/errors'
import type { ArrivalRule, RuleAction } from '@shared/api/triage-api'
import type { PaperId, SourceId } from '@shared/model/ids'
import { parseQuery } from '@shared/search/query-syntax'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { REINDEX_NOW_LIMIT, reindexPapers } from '../db/papers-index'
import { addTags } from '../db/tags-repo'
import { setStarred } from '../db/user-fields-repo'
import type { NewCutoff, SqlCondition } from '../db/view-filter'
import { filterSql, prefixPhrase } from '../search/filter-sql'

type RuleRow = {
  id: number
  source_id: number
  source_name: string
  query: string
  action: RuleAction
  tag: string | null
  created_at: string
}

const RULE_SELECT = `SELECT r.id, r.source_id, s.name AS source_name, r.query, r.action, r.tag,
       r.created_at FROM arrival_rules r JOIN sources s ON s.id = r.source_id`

const toRule = (row: RuleRow): ArrivalRule => ({
  id: row.id,
  sourceId: row.source_id as SourceId,
  sourceName: row.source_name,
  query: row.query,
  action: row.action,
  tag: row.tag,
  createdAt: row.created_at,
})

/** The rules (of one source), in the order they apply: oldest first. */
export function listRules(db: WritableDb, sourceId?: number): ArrivalRule[] {
  const rows =
    sourceId === undefined
      ? db.prepare(`${RULE_SELECT} ORDER BY r.id`).all()
      : db.prepare(`${RULE_SELECT} WHERE r.source_id = ? ORDER BY r.id`).all(sourceId)
  return (rows as RuleRow[]).map(toRule)
}

/** Adds a rule; the query must parse without warnings (a rule is never half understood). */
export function addRule(
  db: WritableDb,
  rule: { sourceId: number; query: string; action: RuleAction; tag?: string | undefined },
  now: string,
): ArrivalRule {
  const [warning] = parseQuery(rule.query).warnings
  if (warning) throw new AppError('invalid-input', `Rule "${rule.query}": ${warning.message}`)
  if (db.prepare('SELECT 1 FROM sources WHERE id = ?').get(rule.sourceId) === undefined) {
    throw new AppError('not-found', `There is no source ${rule.sourceId} in this library.`)
  }
  const id = Number(
    db
      .prepare(
        'INSERT INTO arrival_rules (source_id, query, action, tag, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(rule.sourceId, rule.query, rule.action, rule.tag ?? null, now).lastInsertRowid,
  )
  return toRule(db.prepare(`${RULE_SELECT} WHERE r.id = ?`).get(id) as RuleRow)
}

/** Removes a rule; `not-found` when there is none. */
export function removeRule(db: WritableDb, id: number): void {
  if (db.prepare('DELETE FROM arrival_rules WHERE id = ?').run(id).changes === 0) {
    throw new AppError('not-found', `There is no rule ${id} in this library.`)
  }
}

/** How a rule describes itself on a paper: "kept by rule 'diffusion → keep'". */
export function ruleNote(rule: Pick<ArrivalRule, 'query' | 'action' | 'tag'>): string {
  const outcome = rule.action === 'tag' ? `tag ${rule.tag ?? ''}` : rule.action
  const done = { tag: 'tagged', keep: 'kept', dismiss: 'dismissed', star: 'starred' }[rule.action]
  return `${done} by rule '${rule.query} → ${outcome}'`
}

/**
 * The one matcher of rules, for arrivals and previews alike: the papers among `among` that the
 * query matches. Operators mean what they mean in search; each word must start a word of the
 * paper's title, authors, organization, abstract, tags or note (no typo correction, so a rule
 * means the same on every arrival); `"phrases"` and `-words` as in search. The papers must be in
 * the search index (arrivals are indexed first, in the same transaction).
 */
export function matchRule(
  db: WritableDb,
  query: string,
  among: SqlCondition,
  newCutoff: () => NewCutoff,
): PaperId[] {
  const parsed = parseQuery(query)
  const filters = filterSql(parsed.filters, { newCutoff })
  const where = [among.sql, ...filters.where]
  const params = [...among.params, ...filters.params]
  const terms = [
    ...parsed.words.map((word) => prefixPhrase([word])),
    ...parsed.phrases.map((phrase) => prefixPhrase(phrase)),
    ...filters.fts.map((expression) => `(${expression})`),
  ]
  if (terms.length > 0) {
    where.push('p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)')
    params.push(terms.join(' AND '))
  }
  if (parsed.excludedWords.length > 0) {
    where.push('p.id NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)')
    params.push(parsed.excludedWords.map((word) => prefixPhrase([word])).join(' OR '))
  }
  return db
    .prepare(
      `SELECT p.id FROM papers p WHERE ${where.map((w) => `(${w})`).join(' AND ')} ORDER BY p.id`,
    )
    .pluck()
    .all(...params) as PaperId[]
}

/** Papers a source brought that are still in the library, inbox or dismissed (a preview's pool). */
export function fromSourceCondition(sourceId: number): SqlCondition {
  return {
    sql: `p.id IN (SELECT ps.paper_id FROM paper_sources ps WHERE ps.source_id = ?)
          AND p.triage IN ('inbox', 'library', 'dismissed')`,
    params: [sourceId],
  }
}

/**
 * Applies a source's rules to papers that just arrived from it, in the caller's transaction (the
 * one that wrote them): tags, star, keep or dismiss, each noted on the paper. Rules apply oldest
 * first; a later keep or dismiss overrides an earlier one. Returns the papers a rule acted on.
 */
export function applyArrivalRules(
  db: WritableDb,
  sourceId: number,
  arrived: ReadonlyArray<PaperId>,
  now: string,
  newCutoff: () => NewCutoff,
): PaperId[] {
  if (arrived.length === 0) return []
  const rules = listRules(db, sourceId)
  if (rules.length === 0) return []
  // the matcher reads the search index: index the arrivals now, in this transaction
  for (let start = 0; start < arrived.length; start += REINDEX_NOW_LIMIT) {
    reindexPapers(db, arrived.slice(start, start + REINDEX_NOW_LIMIT))
  }
  const among: SqlCondition = {
    sql: 'p.id IN (SELECT value FROM json_each(?))',
    params: [jsonIds(arrived)],
  }
  const acted = new Set<PaperId>()
  const note = db.prepare(
    `UPDATE papers SET rule_note = CASE WHEN rule_note IS NULL THEN ? ELSE rule_note || '; ' || ? END
     WHERE id IN (SELECT value FROM json_each(?))`,
  )
  const triage = db.prepare(
    `UPDATE papers SET triage = ?, triaged_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
  )
  for (const rule of rules) {
    const ids = matchRule(db, rule.query, among, newCutoff)
    if (ids.length === 0) continue
    const json = jsonIds(ids)
    if (rule.action === 'tag' && rule.tag !== null) addTags(db, ids, [rule.tag], now)
    if (rule.action === 'star') setStarred(db, ids, true, now)
    if (rule.action === 'keep') triage.run('library', now, json)
    if (rule.action === 'dismiss') triage.run('dismissed', now, json)
    const text = ruleNote(rule)
    note.run(text, text, json)
    for (const id of ids) acted.add(id)
  }
  if (acted.size > 0) reindexPapers(db, [...acted])
  return [...acted]
}
