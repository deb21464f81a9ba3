import type { LibraryCounts, PaperListRow, SmartView } from '@shared/api/library-ui'
import type { PaperId } from '@shared/model/ids'
import type { PaperSort } from '@shared/model/paper'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'
import { FOR_YOU_SORT } from '../topics/for-you-sort'

/** Which papers a view holds. */
export type ViewFilter = {
  view: SmartView
  /** A tag; its sub-tags (`tag/…`) count too. */
  tag?: string | undefined
  listId?: number | undefined
  sourceId?: number | undefined
}

/** A view with its order and window. */
export type RowQuery = ViewFilter & {
  sort: PaperSort
  order?: 'asc' | 'desc' | undefined
  limit: number
  offset: number
}

/** How many authors a list row carries (the row shows the first few and a count). */
export const ROW_AUTHORS = 3

const SORT_COLUMNS: Record<PaperSort, { column: string; defaultOrder: 'asc' | 'desc' }> = {
  added: { column: 'p.added_at', defaultOrder: 'desc' },
  published: { column: 'p.published_at', defaultOrder: 'desc' },
  // the normalised title: case, accents and leading punctuation do not move a paper
  title: { column: 'p.title_key', defaultOrder: 'asc' },
  upvotes: { column: 'p.upvotes', defaultOrder: 'desc' },
  'for-you': FOR_YOU_SORT,
}

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

/** The SQL `WHERE` of a view and its parameters; `newSince` is the previous visit. */
export function viewWhere(
  filter: ViewFilter,
  newSince: string | null,
): { sql: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  switch (filter.view) {
    case 'unread':
    case 'reading':
    case 'read':
      where.push('p.status = @status')
      params['status'] = filter.view
      break
    case 'starred':
      where.push('p.starred = 1')
      break
    case 'new':
      if (newSince !== null) {
        where.push('p.added_at > @newSince')
        params['newSince'] = newSince
      }
      break
    case 'all':
      break
  }
  if (filter.tag !== undefined) {
    where.push(
      `p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                WHERE t.name = @tag OR t.name LIKE @tagPrefix ESCAPE '\\')`,
    )
    params['tag'] = filter.tag
    params['tagPrefix'] = `${filter.tag.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`
  }
  if (filter.listId !== undefined) {
    where.push('p.id IN (SELECT paper_id FROM list_papers WHERE list_id = @listId)')
    params['listId'] = filter.listId
  }
  if (filter.sourceId !== undefined) {
    where.push('p.id IN (SELECT paper_id FROM paper_sources WHERE source_id = @sourceId)')
    params['sourceId'] = filter.sourceId
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params }
}

/** One window of light rows of a view, and how many rows the view holds. */
export function listPaperRows(
  db: WritableDb,
  query: RowQuery,
  newSince: string | null,
): { total: number; rows: PaperListRow[] } {
  const { sql, params } = viewWhere(query, newSince)
  const { column, defaultOrder } = SORT_COLUMNS[query.sort]
  const order = query.order ?? defaultOrder
  const total = (
    db.prepare(`SELECT count(*) AS n FROM papers p ${sql}`).get(params) as { n: number }
  ).n
  const ids = windowIds(db, sql, params, column, order, query)
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
  return {
    total,
    rows: hydrateRows(
      db,
      ids.flatMap((id) => byId.get(id) ?? []),
    ),
  }
}

/**
 * The ids of one window in sort order, read from the sort column's index alone (rows hold long
 * abstracts: sorting whole rows would read the table). Unknown (NULL) values go last in either
 * direction, so the known and unknown parts are read as two index ranges.
 */
function windowIds(
  db: WritableDb,
  where: string,
  params: Record<string, unknown>,
  column: string,
  order: 'asc' | 'desc',
  query: Pick<RowQuery, 'sort' | 'limit' | 'offset'>,
): number[] {
  const ids = (sql: string, limit: number, offset: number) =>
    (db.prepare(sql).all({ ...params, limit, offset }) as Array<{ id: number }>).map((r) => r.id)
  const and = where === '' ? 'WHERE' : `${where} AND`
  if (query.sort === 'added') {
    return ids(
      `SELECT p.id FROM papers p ${where} ORDER BY p.added_at ${order}, p.id ${order} LIMIT @limit OFFSET @offset`,
      query.limit,
      query.offset,
    )
  }
  const known = (
    db.prepare(`SELECT count(*) AS n FROM papers p ${and} ${column} IS NOT NULL`).get(params) as {
      n: number
    }
  ).n
  const first =
    query.offset < known
      ? ids(
          `SELECT p.id FROM papers p ${and} ${column} IS NOT NULL
           ORDER BY ${column} ${order}, p.id ${order} LIMIT @limit OFFSET @offset`,
          query.limit,
          query.offset,
        )
      : []
  const rest = query.limit - first.length
  if (rest <= 0) return first
  return [
    ...first,
    ...ids(
      `SELECT p.id FROM papers p ${and} ${column} IS NULL ORDER BY p.id ${order} LIMIT @limit OFFSET @offset`,
      rest,
      Math.max(0, query.offset - known),
    ),
  ]
}

/** Every paper id of a view, newest first. */
export function listPaperIds(
  db: WritableDb,
  filter: ViewFilter,
  newSince: string | null,
): PaperId[] {
  const { sql, params } = viewWhere(filter, newSince)
  return (
    db
      .prepare(`SELECT p.id FROM papers p ${sql} ORDER BY p.added_at DESC, p.id DESC`)
      .all(params) as Array<{
      id: PaperId
    }>
  ).map((row) => row.id)
}

/** The smart views' counts, each read from an index rather than the (wide) paper rows. */
export function libraryCounts(db: WritableDb, newSince: string | null): LibraryCounts {
  const count = (where: string, ...args: unknown[]) =>
    (db.prepare(`SELECT count(*) AS n FROM papers ${where}`).get(...args) as { n: number }).n
  const all = count('')
  return {
    all,
    new: newSince === null ? all : count('WHERE added_at > ?', newSince),
    unread: count("WHERE status = 'unread'"),
    reading: count("WHERE status = 'reading'"),
    read: count("WHERE status = 'read'"),
    starred: count('WHERE starred = 1'),
    newSince,
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
