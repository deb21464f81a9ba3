import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'
import type { FilterSql } from './filter-sql'

/** Above this many matches, candidates are the newest rather than bm25's best. */
export const RANKED = 1_000
/**
 * bm25 with column weights (title, authors, org, abstract, tags, note), as a result column: it is
 * computed for the view's matches only, where FTS5's own rank order scores every match in the
 * library before the view's conditions apply (a broad word in a tag: 30 ms → 10 ms at 50k).
 */
const BM25 = 'bm25(papers_fts, 10.0, 6.0, 4.0, 1.0, 5.0, 3.0)'

/** Candidates for one expression, and every paper of the view it matches when they are few. */
type Candidates = { ids: number[]; all: number[] | null }

/**
 * Candidates for one FTS5 expression. The newest matches are read first: when they are no more
 * than wanted they are all of them (most typed queries: one index pass answers the candidates and
 * the count). Otherwise papers matching in the short fields come first (they outrank any
 * abstract-only match), and long fields fill in. A set too large to rank cheaply (more than
 * RANKED) is cut to its most recently added papers instead of bm25-ranking every row: such a query
 * cannot name one paper yet, and the next keystroke narrows it. Matches another sort orders are
 * not ranked at all.
 */
export function candidates(
  db: WritableDb,
  match: string,
  filters: FilterSql,
  want: number,
  rank: boolean,
): Candidates {
  const ranked = Math.max(RANKED, want)
  const newest = newestMatches(db, match, filters, ranked)
  const all = newest.length <= ranked ? newest : null
  if (newest.length <= want || !rank) return { ids: newest.slice(0, want), all }
  const shortFields = `{title authors org tags}: (${match})`
  const short = rankedCandidates(db, shortFields, filters, want, null)
  if (short.length >= want) return { ids: short, all }
  const best = rankedCandidates(db, match, filters, want, newest)
  return { ids: [...new Set([...short, ...best])].slice(0, want), all }
}

export const FROM_MATCHES = 'FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid'
export const ON_ID = /^p\.id (NOT )?IN \(/
/**
 * The conditions on index matches. A condition on the paper id alone (a tag, list or source, an
 * excluded word) is tested on the index row, before the paper's row is read: most matches of a
 * broad query fall outside a view, and reading each one's row was most of the query's time
 * (50k papers, a tag: 15 ms → 6 ms). The `+` keeps FTS5 from taking it as a rowid lookup.
 */
export const whereMatches = (filters: FilterSql) =>
  [
    'papers_fts MATCH ?',
    ...filters.where.map((w) => w.replace(ON_ID, (_, not = '') => `+papers_fts.rowid ${not}IN (`)),
  ].join(' AND ')

/** Up to `ranked + 1` matches of the view, newest first. */
export function newestMatches(
  db: WritableDb,
  match: string,
  filters: FilterSql,
  ranked: number,
): number[] {
  return prepared(
    db,
    `SELECT p.id ${FROM_MATCHES} WHERE ${whereMatches(filters)}
       ORDER BY papers_fts.rowid DESC LIMIT ${ranked + 1}`,
  )
    .pluck()
    .all(match, ...filters.params) as number[]
}

/** The `want` best matches by bm25, or the newest when more than RANKED match (`newest`, when read already). */
function rankedCandidates(
  db: WritableDb,
  match: string,
  filters: FilterSql,
  want: number,
  newest: number[] | null,
): number[] {
  const ranked = Math.max(RANKED, want)
  const probe = newest ?? newestMatches(db, match, filters, ranked)
  if (probe.length > ranked) return probe.slice(0, want)
  if (probe.length <= want) return probe
  return prepared(
    db,
    `SELECT p.id ${FROM_MATCHES} WHERE ${whereMatches(filters)} ORDER BY ${BM25} LIMIT ${want}`,
  )
    .pluck()
    .all(match, ...filters.params) as number[]
}
