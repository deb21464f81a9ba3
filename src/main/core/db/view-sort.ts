import type { PaperSort } from '@shared/model/paper'
import { FOR_YOU_SORT } from '../topics/for-you-sort'

/**
 * How a sort orders papers: the SQL value on `papers p` and the direction it starts in; a sort
 * kept in a table of its own (one row per paper that has a value) names it as `joined`.
 */
export type SortColumn = {
  column: string
  defaultOrder: 'asc' | 'desc'
  joined?: { table: string; key: string; value: string }
}

/** The sorts kept on the paper or in a table of its own (all but a list's own order). */
type ColumnSort = Exclude<PaperSort, 'list'>

/**
 * The one sort table of paper listings (the library list, `papershelf list`, search re-sorted).
 * Unknown (NULL) values go last in either direction; ties go by id in the same direction, except
 * under "Date added" (`tieOrderOf`). "List order" is a list's own (`listOrderColumn`).
 */
export const SORT_COLUMNS: Readonly<Record<ColumnSort, SortColumn>> = {
  added: { column: 'p.added_at', defaultOrder: 'desc' },
  published: { column: 'p.published_at', defaultOrder: 'desc' },
  // the normalised title: case, accents and leading punctuation do not move a paper
  title: { column: 'p.title_key', defaultOrder: 'asc' },
  upvotes: { column: 'p.upvotes', defaultOrder: 'desc' },
  'for-you': FOR_YOU_SORT,
}

/**
 * The sort a listing really uses: "List order" orders a list view; anywhere else (no list to
 * take an order from) it means "Date added".
 */
export function resolveSort(sort: PaperSort, listId: number | undefined): PaperSort {
  return sort === 'list' && listId === undefined ? 'added' : sort
}

/**
 * A list's own order: each paper's position in it, first to last (`list_papers_position`). The
 * list id is written into the SQL (a checked integer), so the column reads like any other.
 */
export function listOrderColumn(listId: number): SortColumn {
  if (!Number.isSafeInteger(listId)) throw new Error(`not a list id: ${listId}`)
  return {
    column: `(SELECT lp.position FROM list_papers lp WHERE lp.list_id = ${listId} AND lp.paper_id = p.id)`,
    defaultOrder: 'asc',
  }
}

/** The column and direction of a sort (`order` overrides its default), in a list view or not. */
export function sortOf(
  sort: PaperSort,
  order?: 'asc' | 'desc',
  listId?: number,
): { column: string; order: 'asc' | 'desc'; joined: SortColumn['joined'] } {
  const resolved = resolveSort(sort, listId)
  const { column, defaultOrder, joined } =
    resolved === 'list' ? listOrderColumn(listId ?? 0) : SORT_COLUMNS[resolved]
  return { column, order: order ?? defaultOrder, joined }
}

/**
 * How ties of a sort go by id. Papers added together (an import, a synced page) were written in
 * the source's own order: they keep it (id ascending) in either direction of "Date added".
 */
export function tieOrderOf(sort: PaperSort, order: 'asc' | 'desc'): 'asc' | 'desc' {
  return sort === 'added' ? 'asc' : order
}

/** A full `ORDER BY` for a sort: unknown values last, ties by id. */
export function orderByOf(sort: PaperSort, order?: 'asc' | 'desc', listId?: number): string {
  const { column, order: direction } = sortOf(sort, order, listId)
  const tie = tieOrderOf(resolveSort(sort, listId), direction)
  return `ORDER BY ${column} IS NULL, ${column} ${direction}, p.id ${tie}`
}

/**
 * A view's own order, as an export lists it: a list by its positions, a source by its ranks
 * (unranked last), anything else by date added, oldest first (a file grows at its end).
 */
export function ownOrderOf(filter: {
  listId?: number | undefined
  sourceId?: number | undefined
}): {
  sql: string
  params: unknown[]
} {
  if (filter.listId !== undefined) {
    return { sql: `ORDER BY ${listOrderColumn(filter.listId).column}, p.id`, params: [] }
  }
  if (filter.sourceId !== undefined) {
    const rank =
      '(SELECT ps.rank FROM paper_sources ps WHERE ps.source_id = ? AND ps.paper_id = p.id)'
    return {
      sql: `ORDER BY ${rank} IS NULL, ${rank}, p.id`,
      params: [filter.sourceId, filter.sourceId],
    }
  }
  return { sql: 'ORDER BY p.added_at, p.id', params: [] }
}
