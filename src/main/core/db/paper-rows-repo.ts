import type { LibraryCounts, PaperListRow } from '@shared/api/library-ui'
import type { PaperId } from '@shared/model/ids'
import type { PaperSort } from '@shared/model/paper'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'
import {
  hasStatus,
  IN_LIBRARY,
  inTriage,
  isNew,
  isStarred,
  OUTSIDE_LIBRARY,
  viewConditions,
  whereOf,
  type NewCutoff,
  type SqlCondition,
  type ViewFilter,
} from './view-filter'
import { ownOrderOf, resolveSort, sortOf, tieOrderOf } from './view-sort'

export type { ViewFilter } from './view-filter'

/** A view with its order and window. */
export type RowQuery = ViewFilter & {
  sort: PaperSort
  order?: 'asc' | 'desc' | undefined
  limit: number
  offset: number
}

/** An order and a window over any set of papers. */
export type RowWindow = {
  sort: PaperSort
  order?: 'asc' | 'desc' | undefined
  limit: number
  offset: number
  /** How many papers the conditions hold, when the caller counted them already. */
  total?: number | undefined
  /** The list the conditions hold the papers of, which "List order" then follows. */
  listId?: number | undefined
}

/**
 * A view at least this large is read in the order of a joined sort's own index, checking each
 * paper against the view; a smaller one is read from its own index and sorted.
 */
const LARGE_VIEW = 10_000

/** How many authors a list row carries (the row shows the first few and a count). */
export const ROW_AUTHORS = 3

type RowRecord = {
  id: number
  arxiv_id: string | null
  doi: string | null
  title: string | null
  author_count: number | null
  organization: string | null
  published_at: string | null
  upvotes: number | null
  status: PaperListRow['status']
  starred: number
  has_note: number
  added_at: string
  remote_pdf: number
  local_pdf: number
}

/** One window of light rows of a view, and how many rows the view holds. */
export function listPaperRows(
  db: WritableDb,
  query: RowQuery,
  cutoff: NewCutoff,
): { total: number; rows: PaperListRow[] } {
  const conditions = viewConditions(query, cutoff)
  const total = countPapersWhere(db, conditions)
  return { total, rows: paperRowsByIds(db, windowIds(db, conditions, { ...query, total })) }
}

/**
 * How many papers meet every condition. A library view is counted as all papers meeting its other
 * conditions less the few outside the library that do: both counts read indexes, where testing
 * each paper's triage state would read every row (the outside papers through the triage index).
 * With `narrow` (a condition that leaves few rows, such as a text match) the rows left are tested
 * directly: one pass instead of the match twice.
 */
export function countPapersWhere(
  db: WritableDb,
  conditions: ReadonlyArray<SqlCondition>,
  options: { narrow?: boolean } = {},
): number {
  const count = (list: ReadonlyArray<SqlCondition>, from = 'papers p') => {
    const { sql, params } = whereOf(list)
    return (db.prepare(`SELECT count(*) AS n FROM ${from} ${sql}`).get(...params) as { n: number })
      .n
  }
  if (options.narrow === true || !conditions.includes(IN_LIBRARY)) return count(conditions)
  const others = conditions.filter((condition) => condition !== IN_LIBRARY)
  const outside: SqlCondition = {
    sql: `p.triage IN (${OUTSIDE_LIBRARY.map(() => '?').join(', ')})`,
    params: [...OUTSIDE_LIBRARY],
  }
  // The few papers outside are found by their triage state; left to itself the planner may walk a
  // view's own index instead (35k unread papers read to find none outside: 45 ms at 50k).
  return count(others) - count([outside, ...others], 'papers p INDEXED BY papers_triage')
}

/** Light rows of the given papers, in the given order (missing ids are skipped). */
export function paperRowsByIds(db: WritableDb, ids: ReadonlyArray<number>): PaperListRow[] {
  if (ids.length === 0) return []
  const records = db
    .prepare(
      `SELECT p.id, p.arxiv_id, p.doi, p.title, p.author_count, p.organization, p.published_at,
              p.upvotes, p.status, p.starred, p.note IS NOT NULL AS has_note, p.added_at,
              (p.pdf_url IS NOT NULL OR p.arxiv_id IS NOT NULL) AS remote_pdf,
              EXISTS (SELECT 1 FROM paper_files f WHERE f.paper_id = p.id) AS local_pdf
       FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(jsonIds(ids)) as RowRecord[]
  const byId = new Map(records.map((record) => [record.id, record]))
  return hydrateRows(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
  )
}

/**
 * The ids of one window in sort order among the papers meeting the conditions, read from the sort
 * column's index alone (rows hold long abstracts: sorting whole rows would read the table).
 * Unknown (NULL) values go last in either direction, so the known and unknown parts are read as
 * two index ranges.
 */
export function windowIds(
  db: WritableDb,
  conditions: ReadonlyArray<SqlCondition>,
  window: RowWindow,
): number[] {
  const sort = resolveSort(window.sort, window.listId)
  const { column, order, joined } = sortOf(sort, window.order, window.listId)
  const ids = (
    from: string,
    extra: SqlCondition[],
    orderBy: string,
    limit: number,
    offset: number,
  ) => {
    const { sql, params } = whereOf([...conditions, ...extra])
    return db
      .prepare(`SELECT p.id FROM ${from} ${sql} ${orderBy} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, limit, offset) as number[]
  }
  if (sort === 'added') {
    // added_at is never NULL
    return ids(
      'papers p',
      [],
      `ORDER BY p.added_at ${order}, p.id ${tieOrderOf('added', order)}`,
      window.limit,
      window.offset,
    )
  }
  if (sort === 'list' && window.listId !== undefined) {
    // Every paper of a list view has a position: the list is read in order from its own index
    // (CROSS JOIN keeps list_papers outside), each paper then checked against the view.
    return ids(
      'list_papers sorted CROSS JOIN papers p ON p.id = sorted.paper_id',
      [{ sql: 'sorted.list_id = ?', params: [window.listId] }],
      `ORDER BY sorted.position ${order}, sorted.paper_id ${order}`,
      window.limit,
      window.offset,
    )
  }
  // A sort with a table of its own is read through that table's index; papers without a row
  // there are its unknown values.
  const large = conditions.length === 0 || (window.total ?? 0) >= LARGE_VIEW
  const known = joined
    ? {
        // CROSS JOIN keeps the joined table outside: its index gives the order
        from: large
          ? `${joined.table} sorted CROSS JOIN papers p ON p.id = sorted.${joined.key}`
          : `papers p JOIN ${joined.table} sorted ON sorted.${joined.key} = p.id`,
        where: [] as SqlCondition[],
        orderBy: `ORDER BY sorted.${joined.value} ${order}, sorted.${joined.key} ${order}`,
        unknown: { sql: `p.id NOT IN (SELECT ${joined.key} FROM ${joined.table})`, params: [] },
      }
    : {
        from: 'papers p',
        where: [{ sql: `${column} IS NOT NULL`, params: [] }],
        orderBy: `ORDER BY ${column} ${order}, p.id ${order}`,
        unknown: { sql: `${column} IS NULL`, params: [] },
      }
  const knownCount = (() => {
    // every row of a joined table names a paper (foreign key): the whole library's count is its size
    if (joined && conditions.length === 0) {
      return (db.prepare(`SELECT count(*) AS n FROM ${joined.table}`).get() as { n: number }).n
    }
    // counted from the view's side: a paper row is wide, a joined table's row is not
    const from = joined
      ? `papers p JOIN ${joined.table} sorted ON sorted.${joined.key} = p.id`
      : known.from
    const { sql, params } = whereOf([...conditions, ...known.where])
    return (db.prepare(`SELECT count(*) AS n FROM ${from} ${sql}`).get(...params) as { n: number })
      .n
  })()
  const first =
    window.offset < knownCount
      ? ids(known.from, known.where, known.orderBy, window.limit, window.offset)
      : []
  const rest = window.limit - first.length
  if (rest <= 0) return first
  return [
    ...first,
    ...ids(
      'papers p',
      [known.unknown],
      `ORDER BY p.id ${order}`,
      rest,
      Math.max(0, window.offset - knownCount),
    ),
  ]
}

/** The ids of the papers meeting every condition, by id. */
export function paperIdsWhere(db: WritableDb, conditions: ReadonlyArray<SqlCondition>): PaperId[] {
  const { sql, params } = whereOf(conditions)
  return db
    .prepare(`SELECT p.id FROM papers p ${sql} ORDER BY p.id`)
    .pluck()
    .all(...params) as PaperId[]
}

/** Every paper id of a view in the view's own order (see `ownOrderOf`). */
export function viewPaperIdsInOwnOrder(
  db: WritableDb,
  filter: ViewFilter,
  cutoff: NewCutoff,
): PaperId[] {
  const { sql, params } = whereOf(viewConditions(filter, cutoff))
  const order = ownOrderOf(filter)
  return db
    .prepare(`SELECT p.id FROM papers p ${sql} ${order.sql}`)
    .pluck()
    .all(...params, ...order.params) as PaperId[]
}

/** Every paper id of a view, newest first. */
export function listPaperIds(db: WritableDb, filter: ViewFilter, cutoff: NewCutoff): PaperId[] {
  const { sql, params } = whereOf(viewConditions(filter, cutoff))
  return db
    .prepare(`SELECT p.id FROM papers p ${sql} ORDER BY p.added_at DESC, p.id`)
    .pluck()
    .all(...params) as PaperId[]
}

/** The smart views' counts, each read from an index rather than the (wide) paper rows. */
export function libraryCounts(db: WritableDb, cutoff: NewCutoff): LibraryCounts {
  const count = (...conditions: SqlCondition[]) => countPapersWhere(db, conditions)
  return {
    inbox: count(inTriage('inbox')),
    all: count(IN_LIBRARY),
    new: count(IN_LIBRARY, isNew(cutoff)),
    unread: count(IN_LIBRARY, hasStatus('unread')),
    reading: count(IN_LIBRARY, hasStatus('reading')),
    read: count(IN_LIBRARY, hasStatus('read')),
    starred: count(IN_LIBRARY, isStarred()),
    dismissed: count(inTriage('dismissed')),
    trash: count(inTriage('trash')),
    newSince: cutoff.previousVisit,
  }
}

function hydrateRows(db: WritableDb, records: ReadonlyArray<RowRecord>): PaperListRow[] {
  if (records.length === 0) return []
  const ids = jsonIds(records.map((record) => record.id))
  const authors = group(
    db
      .prepare(
        `SELECT paper_id AS id, name AS value FROM paper_authors
         WHERE paper_id IN (SELECT value FROM json_each(?)) AND position < ${ROW_AUTHORS}
         ORDER BY paper_id, position`,
      )
      .all(ids) as Array<{ id: number; value: string }>,
  )
  const authorTotals = new Map(
    (
      db
        .prepare(
          `SELECT paper_id AS id, count(*) AS n FROM paper_authors
           WHERE paper_id IN (SELECT value FROM json_each(?)) GROUP BY paper_id`,
        )
        .all(ids) as Array<{ id: number; n: number }>
    ).map((row) => [row.id, row.n]),
  )
  const tags = group(
    db
      .prepare(
        `SELECT pt.paper_id AS id, t.name AS value FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE pt.paper_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
      )
      .all(ids) as Array<{ id: number; value: string }>,
  )
  return records.map((record) => ({
    id: record.id as PaperId,
    arxivId: record.arxiv_id,
    doi: record.doi,
    title: record.title,
    authors: authors.get(record.id) ?? [],
    authorCount: record.author_count ?? authorTotals.get(record.id) ?? null,
    organization: record.organization,
    publishedAt: record.published_at,
    upvotes: record.upvotes,
    tags: tags.get(record.id) ?? [],
    status: record.status,
    starred: record.starred === 1,
    addedAt: record.added_at,
    pdf: record.local_pdf === 1 ? 'local' : record.remote_pdf === 1 ? 'remote' : null,
    hasNote: record.has_note === 1,
  }))
}

function group(rows: ReadonlyArray<{ id: number; value: string }>): Map<number, string[]> {
  const groups = new Map<number, string[]>()
  for (const { id, value } of rows) {
    const list = groups.get(id)
    if (list) list.push(value)
    else groups.set(id, [value])
  }
  return groups
}
