import type { SmartView } from '@shared/api/library-ui'
import type { TriageState } from '@shared/api/triage-api'
import type { ReadingStatus } from '@shared/model/paper'

/**
 * The one place that says which papers a view holds. Every reader of a view — list windows,
 * counts, the ids of a view, search candidates, "make this view offline", exports — builds its
 * `WHERE` from these conditions, so a tag, a list, a source or "new" means the same everywhere.
 * Conditions are on `papers p`, with positional parameters, ANDed together.
 */
export type SqlCondition = { sql: string; params: unknown[] }

/** Which papers a view holds: a smart view narrowed by a tag (with its sub-tags), a list or a source. */
export type ViewFilter = {
  view: SmartView
  /** A tag; its sub-tags (`tag/…`) count too. Names compare without case. */
  tag?: string | undefined
  listId?: number | undefined
  sourceId?: number | undefined
}

/**
 * What "new" means. A paper is new when it was added strictly after the previous visit began
 * (`visit-state.ts`); before there is a previous visit (the library's first), when it was added
 * in the last 24 hours. The same cutoff drives the "New" view, its count and `is:new`.
 */
export type NewCutoff = { previousVisit: string | null; now: Date }

/** Without an earlier visit, papers added this long ago or less are new. */
export const NEW_WITHOUT_VISIT_MS = 24 * 60 * 60 * 1000

/** The moment after which a paper is new. */
export function newSince(cutoff: NewCutoff): string {
  return cutoff.previousVisit ?? new Date(cutoff.now.getTime() - NEW_WITHOUT_VISIT_MS).toISOString()
}

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Papers added after the cutoff (see NewCutoff). */
export function isNew(cutoff: NewCutoff): SqlCondition {
  return { sql: 'p.added_at > ?', params: [newSince(cutoff)] }
}

/** Papers in a reading status. */
export function hasStatus(status: ReadingStatus): SqlCondition {
  return { sql: 'p.status = ?', params: [status] }
}

/** Starred papers (or, with false, the others). */
export function isStarred(starred = true): SqlCondition {
  return { sql: starred ? 'p.starred = 1' : 'p.starred = 0', params: [] }
}

/** Papers carrying a tag or one of its sub-tags (`tag/…`), names compared without case. */
export function hasTag(tag: string): SqlCondition {
  return {
    sql: `p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                   WHERE t.name = ? OR t.name LIKE ? ESCAPE '\\')`,
    params: [tag, `${likeEscape(tag)}/%`],
  }
}

/** Papers of a user list. */
export function inList(listId: number): SqlCondition {
  return {
    sql: 'p.id IN (SELECT lp.paper_id FROM list_papers lp WHERE lp.list_id = ?)',
    params: [listId],
  }
}

/** Papers a source brought. */
export function fromSource(sourceId: number): SqlCondition {
  return {
    sql: 'p.id IN (SELECT ps.paper_id FROM paper_sources ps WHERE ps.source_id = ?)',
    params: [sourceId],
  }
}

/** Papers from a source named by the start of its name, or by its key (the `source:` operator). */
export function fromSourceNamed(text: string): SqlCondition {
  return {
    sql: `p.id IN (SELECT ps.paper_id FROM paper_sources ps JOIN sources s ON s.id = ps.source_id
                   WHERE s.name LIKE ? ESCAPE '\\' OR s.key = ?)`,
    params: [`${likeEscape(text)}%`, text],
  }
}

/** Papers with a stored PDF. */
export function hasStoredPdf(): SqlCondition {
  return { sql: 'EXISTS (SELECT 1 FROM paper_files f WHERE f.paper_id = p.id)', params: [] }
}

/** Papers whose publication year lies in `from..to`. */
export function publishedIn(from: number, to: number): SqlCondition {
  return {
    sql: 'CAST(substr(p.published_at, 1, 4) AS INTEGER) BETWEEN ? AND ?',
    params: [from, to],
  }
}

/** The triage states that are not the library (the `papers_triage` index holds them in order). */
export const OUTSIDE_LIBRARY: ReadonlyArray<TriageState> = ['inbox', 'dismissed', 'trash', 'purged']

/** Papers in one triage state: the inbox, dismissed and trash views. */
export function inTriage(state: TriageState): SqlCondition {
  return { sql: 'p.triage = ?', params: [state] }
}

/**
 * Papers of the library (kept, or added directly). The unary `+` keeps every plan off the triage
 * index: the library is most of the papers, and each view's own index orders them. Counts take
 * it out and subtract the few papers outside the library instead (`countPapersWhere`).
 */
export const IN_LIBRARY: SqlCondition = Object.freeze({
  sql: "+p.triage = 'library'",
  params: [],
})

/**
 * Papers `papershelf list` and `search` show without a view: the library and the inbox, and
 * dismissed papers when asked; never the trash or what an emptied trash left.
 */
export function listedOutsideViews(includeDismissed: boolean): SqlCondition {
  return {
    sql: includeDismissed
      ? "+p.triage IN ('library', 'inbox', 'dismissed')"
      : "+p.triage IN ('library', 'inbox')",
    params: [],
  }
}

/** The papers a condition leaves out (a NULL test counts as not matching). */
export function not(condition: SqlCondition): SqlCondition {
  return { sql: `NOT coalesce(${condition.sql}, 0)`, params: condition.params }
}

/**
 * The conditions of a smart view. Only the New view needs the cutoff; without one it is an error
 * (the types of `viewConditions` prevent it).
 */
export function smartViewConditions(
  view: SmartView,
  cutoff: NewCutoff | undefined,
): SqlCondition[] {
  switch (view) {
    case 'inbox':
    case 'dismissed':
    case 'trash':
      return [inTriage(view)]
    case 'unread':
    case 'reading':
    case 'read':
      return [IN_LIBRARY, hasStatus(view)]
    case 'starred':
      return [IN_LIBRARY, isStarred()]
    case 'new':
      if (cutoff === undefined) throw new Error('The New view needs to know when "new" begins.')
      return [IN_LIBRARY, isNew(cutoff)]
    case 'all':
      return [IN_LIBRARY]
  }
}

/** The smart views whose papers do not depend on when "new" begins. */
export type TimelessView = Exclude<SmartView, 'new'>

/**
 * The conditions of a view: its smart view, tag, list and source, all applying. A view other
 * than New needs no cutoff (a source's counts, for one).
 */
export function viewConditions(filter: ViewFilter & { view: TimelessView }): SqlCondition[]
export function viewConditions(filter: ViewFilter, cutoff: NewCutoff): SqlCondition[]
export function viewConditions(filter: ViewFilter, cutoff?: NewCutoff): SqlCondition[] {
  const conditions = smartViewConditions(filter.view, cutoff)
  if (filter.tag !== undefined) conditions.push(hasTag(filter.tag))
  if (filter.listId !== undefined) conditions.push(inList(filter.listId))
  if (filter.sourceId !== undefined) conditions.push(fromSource(filter.sourceId))
  return conditions
}

/** Conditions as one `WHERE` clause ('' for none) and its parameters in order. */
export function whereOf(conditions: ReadonlyArray<SqlCondition>): {
  sql: string
  params: unknown[]
} {
  if (conditions.length === 0) return { sql: '', params: [] }
  return {
    sql: `WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}`,
    params: conditions.flatMap((c) => c.params),
  }
}
