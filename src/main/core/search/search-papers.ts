import type { SearchHit } from '@shared/api/library-api'
import type {
  SearchCorrection,
  SearchResult,
  SearchRow,
  SearchRowPage,
  SearchSort,
} from '@shared/api/search-api'
import { isEmptyQuery, parseQuery, type ParsedQuery } from '@shared/search/query-syntax'
import { gatherView } from '../db/gathered-view'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { catchUpSearchIndex } from '../db/papers-index'
import { getPaperRows, hydratePapers } from '../db/papers-repo'
import { countPapersWhere, paperRowsByIds, windowIds } from '../db/paper-rows-repo'
import {
  listedOutsideViews,
  viewConditions,
  type SqlCondition,
  type ViewFilter,
} from '../db/view-filter'
import { withAnnotationSnippets } from '../annotations/annotation-filter'
import { filterSql, type FilterContext, type FilterSql } from './filter-sql'
import { hasPdfText, pdfCandidates, pdfMatches } from './pdf-text-search'
import { excludedExpression, matchSteps, planQuery, type QueryPlan } from './plan-query'
import { prepared } from '../db/prepared'
import {
  candidates,
  FROM_MATCHES,
  newestMatches,
  ON_ID,
  RANKED,
  whereMatches,
} from './index-candidates'
import { matchesOf, rankCandidates, type ScoredPaper } from './score-candidates'
import { libraryVocabulary } from './vocabulary'

/** How many index candidates are scored; enough for typo'd and broad queries, cheap to score. */
const CANDIDATES = 120
/**
 * How many matches of a view the relevance order ranks (a fixed number, so windows of one query
 * agree); the matches beyond them follow, newest first.
 */
export const RELEVANCE_POOL = 200
/** Queued papers a search indexes first; a bigger backlog is left to the background steps. */
const CATCH_UP = 5_000
/** What a search needs besides the query. */
export type SearchOptions = {
  limit: number
  view?: ViewFilter | undefined
  /** Without a view: dismissed papers too (the library and the inbox are always searched). */
  includeDismissed?: boolean | undefined
} & FilterContext

/** A search inside a view, windowed like the list. */
export type SearchRowsQuery = ViewFilter & {
  query: string
  sort: SearchSort
  order?: 'asc' | 'desc' | undefined
  offset: number
  limit: number
}

/** A query turned into conditions, a plan, and the candidates the index found. */
type PreparedSearch = {
  parsed: ParsedQuery
  corrections: SearchCorrection[]
  plan: QueryPlan
  /** Operator filters, excluded words and the view, as conditions on `papers p`. */
  filters: FilterSql
  /** The FTS5 expression the found papers match; null when the query holds only filters. */
  match: string | null
  candidates: number[]
  /** Every paper of the view the query matches, when the index answered that already (few). */
  matched: number[] | null
}

/**
 * Parses and plans a query inside a view. Each word is searched as a prefix, with the library
 * words it starts and, when misspelled, the library words 1–2 edits away; FTS5 (bm25, title and
 * authors weighted) retrieves candidates — every word required, then only the recognised words,
 * then any — from the view only, so a view's matches are never crowded out by better ones outside.
 */
function prepareSearch(
  db: WritableDb,
  query: string,
  context: FilterContext,
  how: {
    view?: ViewFilter | undefined
    limit: number
    includeDismissed?: boolean | undefined
    /** False when another sort orders the matches: the index need not rank them. */
    ranked: boolean
  },
): PreparedSearch | null {
  const { view, limit, includeDismissed = false } = how
  const parsed = parseQuery(query)
  if (isEmptyQuery(parsed)) return null
  if (!db.inTransaction) {
    const behind = catchUpSearchIndex(db, CATCH_UP)
    if (behind > 0) {
      parsed.warnings.push({
        message: `The search index is catching up: ${behind} papers are not searchable yet.`,
        start: 0,
        end: 0,
      })
    }
  }
  const filters = filterSql(parsed.filters, context)
  const scope = view
    ? gatherView(db, viewConditions(view, context.newCutoff()))
    : [listedOutsideViews(includeDismissed)]
  for (const condition of scope) {
    filters.where.push(condition.sql)
    filters.params.push(...condition.params)
  }
  const plan = planQuery(parsed, libraryVocabulary(db))
  const excluded = excludedExpression(plan)
  if (excluded !== null) {
    filters.where.push('p.id NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)')
    filters.params.push(excluded)
  }
  const corrections = correctionsOf(plan)
  if (plan.words.length === 0 && plan.phrases.length === 0) {
    return { parsed, corrections, plan, filters, match: null, candidates: [], matched: null }
  }

  // Author and organization filters run inside the index, ANDed with the words.
  const withFilters = (text: string) => indexExpression(text, filters)
  const pdfFilters = pdfFiltersOf(filters)
  const want = Math.max(CANDIDATES, limit)
  let match: string | null = null
  let ids: number[] = []
  let matched: Set<number> | null = null
  const holds = (expression: string) =>
    newestMatches(db, withFilters(expression), filters, 0).length > 0 ||
    pdfCandidates(db, expression, pdfFilters, 1).length > 0
  for (const { expressions, guard } of matchSteps(plan)) {
    if (guard !== undefined && !holds(guard)) continue
    match =
      expressions.length === 1
        ? (expressions[0] ?? null)
        : expressions.map((e) => `(${e})`).join(' OR ')
    if (match === null) continue
    const pooled = new Set<number>()
    // Leaving one word out in turn pools several sets: each gives its share of the candidates.
    const share =
      expressions.length === 1 ? want : Math.max(limit, Math.ceil((2 * want) / expressions.length))
    // every expression's matches in full, with the papers whose PDF text matches the step, are
    // every match of the step (an OR of them) when each set is small enough to read whole
    matched = new Set<number>()
    for (const expression of expressions) {
      const found = candidates(db, withFilters(expression), filters, share, how.ranked)
      for (const id of found.ids) pooled.add(id)
      if (found.all === null) matched = null
      for (const id of matched === null ? [] : (found.all ?? [])) matched?.add(id)
    }
    if (hasPdfText(db)) {
      for (const id of pdfCandidates(db, match, pdfFilters, want / 2)) pooled.add(id)
      const inPdf = matched === null ? null : pdfMatches(db, match, pdfFilters, RANKED)
      if (inPdf === null) matched = null
      for (const id of inPdf ?? []) matched?.add(id)
    }
    ids = [...pooled]
    if (ids.length > 0) break
  }
  return {
    parsed,
    corrections,
    plan,
    filters,
    match,
    candidates: ids,
    matched: matched === null ? null : [...matched],
  }
}

/** An FTS5 expression with the author and organization filters, which run inside the index. */
const indexExpression = (text: string, filters: FilterSql): string =>
  [`(${text})`, ...filters.fts.map((f) => `(${f})`)].join(' AND ')

/** The conditions on papers whose PDF text matches: the filters, author and organization too. */
function pdfFiltersOf(filters: FilterSql): { where: string[]; params: unknown[] } {
  const ftsFilter = ftsFilterCondition(filters)
  return {
    where: [...filters.where, ...(ftsFilter ? [ftsFilter.sql] : [])],
    params: [...filters.params, ...(ftsFilter?.params ?? [])],
  }
}

/**
 * Every paper of the view a text search matches, as one query over the index, when the view is a
 * tag, list or source: its papers are tested on the index row. Finding them from the view's
 * papers would first gather every match in the library (a broad word in a tag: 35 ms → 10 ms at
 * 50k). Null for other views, which are most of the library and read from their own index.
 */
function viewMatches(db: WritableDb, search: PreparedSearch): SqlCondition | null {
  const { match, filters } = search
  if (match === null || !filters.where.some((w) => ON_ID.test(w))) return null
  const inPdf = pdfMatches(db, match, pdfFiltersOf(filters), RANKED)
  if (inPdf === null) return null
  const inFields = {
    sql: `SELECT p.id ${FROM_MATCHES} WHERE ${whereMatches(filters)}`,
    params: [indexExpression(match, filters), ...filters.params],
  }
  return inPdf.length === 0
    ? inFields
    : {
        sql: `${inFields.sql} UNION SELECT value FROM json_each(?)`,
        params: [...inFields.params, jsonIds(inPdf)],
      }
}

/** How many papers of the view a search matches. */
function countMatches(
  db: WritableDb,
  search: PreparedSearch,
  conditions: ReadonlyArray<SqlCondition>,
): number {
  if (search.matched !== null) return search.matched.length
  const matches = viewMatches(db, search)
  if (matches === null) return countPapersWhere(db, conditions, { narrow: search.match !== null })
  return prepared(db, `SELECT count(*) FROM (${matches.sql})`)
    .pluck()
    .get(...matches.params) as number
}

/**
 * Every paper of the view a search matches, when they are known already or can be listed over the
 * index (a tag, list or source); null otherwise. A window sorted otherwise than by relevance is
 * read from them, and they are its count: one index pass where count and window took one each.
 */
function matchIds(db: WritableDb, search: PreparedSearch): number[] | null {
  if (search.matched !== null) return search.matched
  const matches = viewMatches(db, search)
  if (matches === null) return null
  return prepared(db, matches.sql)
    .pluck()
    .all(...matches.params) as number[]
}

/** The conditions of the papers `ids` lists, or the search's own conditions without a list. */
const windowConditions = (
  ids: ReadonlyArray<number> | null,
  conditions: SqlCondition[],
): SqlCondition[] =>
  ids === null
    ? conditions
    : [{ sql: 'p.id IN (SELECT value FROM json_each(?))', params: [jsonIds(ids)] }]

/** Author and organization filters as one condition (outside a word search). */
function ftsFilterCondition(filters: FilterSql): SqlCondition | null {
  if (filters.fts.length === 0) return null
  return {
    sql: 'p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)',
    params: [filters.fts.map((f) => `(${f})`).join(' AND ')],
  }
}

/**
 * Every paper a prepared search matches, as conditions: the view and filters, and the chosen
 * expression in the paper's fields or its PDF text.
 */
function matchConditions(db: WritableDb, search: PreparedSearch): SqlCondition[] {
  const { filters, match } = search
  const conditions: SqlCondition[] =
    filters.where.length === 0
      ? []
      : [{ sql: filters.where.map((w) => `(${w})`).join(' AND '), params: [...filters.params] }]
  const ftsFilter = ftsFilterCondition(filters)
  if (ftsFilter) conditions.push(ftsFilter)
  if (match !== null) {
    const inFields = 'p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)'
    conditions.push(
      hasPdfText(db)
        ? {
            sql: `${inFields} OR p.id IN (SELECT pf.paper_id FROM pdf_pages_fts
                    JOIN paper_files pf ON pf.sha256 = pdf_pages_fts.sha256
                    WHERE pdf_pages_fts MATCH ?)`,
            params: [match, match],
          }
        : { sql: inFields, params: [match] },
    )
  }
  return conditions
}

/**
 * Ranked, typo-tolerant search of the whole library (or a view): the best `limit` hits as full
 * papers. Equal scores go to more upvotes, then newer; a query of only filters lists the matching
 * papers, newest published first.
 */
export function searchPapers(db: WritableDb, query: string, options: SearchOptions): SearchResult {
  const search = prepareSearch(db, query, options, { ...options, ranked: true })
  if (search === null) return { hits: [], warnings: parseQuery(query).warnings, corrections: [] }
  const { parsed, corrections } = search
  if (search.match === null) {
    const ids = windowIds(db, matchConditions(db, search), {
      sort: 'published',
      offset: 0,
      limit: options.limit,
    })
    const hits = hydratePapers(db, getPaperRows(db, ids)).map((paper): SearchHit => ({
      ...paper,
      score: 0,
      highlights: {},
      snippet: null,
    }))
    return {
      hits: withAnnotationSnippets(db, parsed.filters, hits),
      warnings: parsed.warnings,
      corrections,
    }
  }
  if (search.candidates.length === 0) return { hits: [], warnings: parsed.warnings, corrections }
  const top = rankCandidates(db, search, search.candidates).slice(0, options.limit)
  const ids = top.map((paper) => paper.id)
  const matches = matchesOf(db, search, ids, top)
  const hits = hydratePapers(db, getPaperRows(db, ids)).flatMap((paper): SearchHit[] => {
    const match = matches.get(paper.id)
    return match
      ? [{ ...paper, score: match.score, highlights: match.highlights, snippet: match.snippet }]
      : []
  })
  return {
    hits: withAnnotationSnippets(db, parsed.filters, hits),
    warnings: parsed.warnings,
    corrections,
  }
}

/**
 * A search inside a view as the list shows it: one window of list rows with highlights and
 * snippet, and how many papers of the view match. By relevance, the best RELEVANCE_POOL matches
 * come first (scored), then the others newest first; any other sort orders every match of the
 * view with the list's own sort (`db/view-sort.ts`). A query of only filters is a narrower view:
 * by relevance it lists the newest published first.
 */
export function searchPaperRows(
  db: WritableDb,
  query: SearchRowsQuery,
  context: FilterContext,
): SearchRowPage {
  const search = prepareSearch(db, query.query, context, {
    view: query,
    limit: RELEVANCE_POOL,
    ranked: query.sort === 'relevance',
  })
  if (search === null) {
    return { total: 0, rows: [], warnings: parseQuery(query.query).warnings, corrections: [] }
  }
  const { parsed, corrections } = search
  const empty = { total: 0, rows: [], warnings: parsed.warnings, corrections }
  if (search.match !== null && search.candidates.length === 0) return empty
  const conditions = matchConditions(db, search)
  const listed = query.sort === 'relevance' ? null : matchIds(db, search)
  const total = listed?.length ?? countMatches(db, search, conditions)
  let ids: number[]
  let ranked: ScoredPaper[] = []
  if (query.sort === 'relevance' && search.match !== null) {
    ranked = rankCandidates(db, search, search.candidates)
    ids = ranked.slice(query.offset, query.offset + query.limit).map((entry) => entry.id)
    const rest = query.limit - ids.length
    if (rest > 0 && total > ranked.length) {
      const pool: SqlCondition = {
        sql: 'p.id NOT IN (SELECT value FROM json_each(?))',
        params: [jsonIds(ranked.map((entry) => entry.id))],
      }
      ids.push(
        ...windowIds(db, [...windowConditions(matchIds(db, search), conditions), pool], {
          sort: 'added',
          offset: Math.max(0, query.offset - ranked.length),
          limit: rest,
        }),
      )
    }
  } else {
    const sort = query.sort === 'relevance' ? 'published' : query.sort
    const order = query.sort === 'relevance' ? undefined : query.order
    ids = windowIds(db, windowConditions(listed, conditions), {
      sort,
      order,
      offset: query.offset,
      limit: query.limit,
      listId: query.listId,
    })
  }
  // a query of only filters matched no text: nothing to highlight
  const matches = matchesOf(db, search, search.match === null ? [] : ids, ranked)
  const rows = paperRowsByIds(db, ids).map((row): SearchRow => {
    const match = matches.get(row.id)
    return {
      ...row,
      score: match?.score ?? 0,
      highlights: match?.highlights ?? {},
      snippet: match?.snippet ?? null,
      matchedAuthor: match?.matchedAuthor ?? null,
    }
  })
  return {
    total,
    rows: withAnnotationSnippets(db, parsed.filters, rows),
    warnings: parsed.warnings,
    corrections,
  }
}

function correctionsOf(plan: QueryPlan): SearchCorrection[] {
  return plan.words.flatMap((word) => {
    const to = word.variants.filter((v) => v.kind === 'fuzzy').map((v) => v.term)
    return to.length > 0 ? [{ word: word.word, to }] : []
  })
}
