import type { SearchHit } from '@shared/api/library-api'
import type { SearchCorrection, SearchResult } from '@shared/api/search-api'
import { isEmptyQuery, parseQuery } from '@shared/search/query-syntax'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { catchUpSearchIndex } from '../db/papers-index'
import { getPaperRows, hydratePapers } from '../db/papers-repo'
import { withAnnotationSnippets } from '../annotations/annotation-filter'
import { filterSql, type FilterContext, type FilterSql } from './filter-sql'
import { hasPdfText, pdfCandidates, pdfSnippet, pdfWordsOf } from './pdf-text-search'
import { excludedExpression, matchSteps, planQuery, type QueryPlan } from './plan-query'
import { prepared } from '../db/prepared'
import { fieldTexts, scorePaper, snippetOf } from './score-hit'
import { libraryVocabulary } from './vocabulary'

/** How many index candidates are scored; enough for typo'd and broad queries, cheap to score. */
const CANDIDATES = 120
/** Queued papers a search indexes first; a bigger backlog is left to the background steps. */
const CATCH_UP = 5_000
/** Above this many matches, candidates are the newest rather than bm25's best. */
const RANKED = 1_000
/** bm25 column weights: title, authors, org, abstract, tags, note. */
const BM25 = 'bm25(10.0, 6.0, 4.0, 1.0, 5.0, 3.0)'

/** What a search needs besides the query. */
export type SearchOptions = { limit: number } & FilterContext

/**
 * Ranked, typo-tolerant search. The query is parsed (operators become SQL filters); each word is
 * searched as a prefix, with the library words it starts and, when misspelled, the library words
 * 1–2 edits away; FTS5 (bm25, title and authors weighted) retrieves up to 200 candidates — every
 * word required, then only the recognised words, then any — and each candidate is scored on
 * which field each word matched and how exactly. Equal scores go to more upvotes, then newer.
 */
export function searchPapers(db: WritableDb, query: string, options: SearchOptions): SearchResult {
  const parsed = parseQuery(query)
  if (isEmptyQuery(parsed)) return { hits: [], warnings: parsed.warnings, corrections: [] }
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
  const filters = filterSql(parsed.filters, options)
  const plan = planQuery(parsed, libraryVocabulary(db))
  const excluded = excludedExpression(plan)
  if (excluded !== null) {
    filters.where.push('p.id NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)')
    filters.params.push(excluded)
  }
  const corrections = correctionsOf(plan)
  if (plan.words.length === 0 && plan.phrases.length === 0) {
    return {
      hits: withAnnotationSnippets(db, parsed.filters, filteredOnly(db, filters, options.limit)),
      warnings: parsed.warnings,
      corrections,
    }
  }

  // Author and organization filters run inside the index, ANDed with the words.
  const withFilters = (text: string) =>
    [`(${text})`, ...filters.fts.map((f) => `(${f})`)].join(' AND ')
  const pdfFilters: FilterSql = {
    ...filters,
    where: [...filters.where],
    params: [...filters.params],
  }
  if (filters.fts.length > 0) {
    pdfFilters.where.push('p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)')
    pdfFilters.params.push(filters.fts.map((f) => `(${f})`).join(' AND '))
  }
  const want = Math.max(CANDIDATES, options.limit)
  let match: string | null = null
  let ids: number[] = []
  for (const step of matchSteps(plan)) {
    match = step.length === 1 ? (step[0] ?? null) : step.map((e) => `(${e})`).join(' OR ')
    if (match === null) continue
    const pooled = new Set<number>()
    // Leaving one word out in turn pools several sets: each gives its share of the candidates.
    const share =
      step.length === 1 ? want : Math.max(options.limit, Math.ceil((2 * want) / step.length))
    for (const expression of step) {
      for (const id of candidates(db, withFilters(expression), filters, share)) pooled.add(id)
    }
    if (hasPdfText(db)) {
      for (const id of pdfCandidates(db, match, pdfFilters, want / 2)) pooled.add(id)
    }
    ids = [...pooled]
    if (ids.length > 0) break
  }
  if (ids.length === 0 || match === null) {
    return { hits: [], warnings: parsed.warnings, corrections }
  }

  const pdfWords = pdfWordsOf(
    db,
    ids,
    plan.words.map((w) => w.word),
  )
  const longFields = prepared(
    db,
    "SELECT coalesce(abstract, '') AS abstract, coalesce(note, '') AS note FROM papers WHERE id = ?",
  )
  const scored = leanRows(db, ids).map((row) => ({
    row,
    score: scorePaper(
      row,
      () => longFields.get(row.id) as { abstract: string; note: string },
      plan,
      pdfWords.get(row.id),
    ).score,
  }))
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.row.upvotes ?? -1) - (a.row.upvotes ?? -1) ||
      (b.row.publishedAt ?? '').localeCompare(a.row.publishedAt ?? '') ||
      b.row.id - a.row.id,
  )
  const top = scored.slice(0, options.limit)
  const papers = hydratePapers(
    db,
    getPaperRows(
      db,
      top.map((s) => s.row.id),
    ),
  )
  const hits = papers.map((paper, index): SearchHit => {
    // Scored again on the full paper for highlights into exactly the fields it returns.
    const texts = fieldTexts(paper)
    const { highlights, quote } = scorePaper(texts, () => texts, plan, pdfWords.get(paper.id))
    let snippet = null
    if (quote === 'pdf') snippet = pdfSnippet(db, paper.id, match)
    else if (quote) snippet = snippetOf(texts[quote], highlights[quote] ?? [], quote)
    return { ...paper, score: top[index]?.score ?? 0, highlights, snippet }
  })
  return {
    hits: withAnnotationSnippets(db, parsed.filters, hits),
    warnings: parsed.warnings,
    corrections,
  }
}

type LeanRow = {
  id: number
  title: string
  authors: string
  organization: string
  tags: string
  upvotes: number | null
  publishedAt: string | null
}

/** What scoring reads of each candidate, in one query (abstracts and notes are read on demand). */
function leanRows(db: WritableDb, ids: ReadonlyArray<number>): LeanRow[] {
  return prepared(
    db,
    `SELECT p.id, coalesce(p.title, '') AS title, coalesce(p.organization, '') AS organization,
              p.upvotes, p.published_at AS publishedAt,
              coalesce((SELECT group_concat(name, ', ') FROM
                (SELECT a.name FROM paper_authors a WHERE a.paper_id = p.id ORDER BY a.position)), '') AS authors,
              coalesce((SELECT group_concat(name, ', ') FROM
                (SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                 WHERE pt.paper_id = p.id ORDER BY t.name COLLATE NOCASE)), '') AS tags
       FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(jsonIds(ids)) as LeanRow[]
}

/**
 * Candidates for one FTS5 expression. Papers matching in the short fields come first (they outrank
 * any abstract-only match), and long fields are searched only when those are too few. A set too
 * large to rank cheaply (more than RANKED) is cut to its most recently added papers instead of
 * bm25-ranking every row: such a query cannot name one paper yet, and the next keystroke narrows it.
 */
function candidates(db: WritableDb, match: string, filters: FilterSql, want: number): number[] {
  const short = rankedCandidates(db, `{title authors org tags}: (${match})`, filters, want)
  if (short.length >= want) return short
  const all = rankedCandidates(db, match, filters, want)
  return [...new Set([...short, ...all])].slice(0, want)
}

function rankedCandidates(
  db: WritableDb,
  match: string,
  filters: FilterSql,
  want: number,
): number[] {
  const ranked = Math.max(RANKED, want)
  const from = `FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid`
  const where = ['papers_fts MATCH ?', ...filters.where].join(' AND ')
  const probe = prepared(
    db,
    `SELECT p.id ${from} WHERE ${where} ORDER BY papers_fts.rowid DESC LIMIT ${ranked + 1}`,
  )
    .pluck()
    .all(match, ...filters.params) as number[]
  if (probe.length > ranked) return probe.slice(0, want)
  if (probe.length <= want) return probe
  return prepared(
    db,
    `SELECT p.id ${from} WHERE ${where} AND papers_fts.rank MATCH '${BM25}'
       ORDER BY papers_fts.rank LIMIT ${want}`,
  )
    .pluck()
    .all(match, ...filters.params) as number[]
}

/** A query of only filters lists the matching papers, newest first. */
function filteredOnly(db: WritableDb, filters: FilterSql, limit: number): SearchHit[] {
  const where = [...filters.where]
  const params = [...filters.params]
  if (filters.fts.length > 0) {
    where.push('p.id IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)')
    params.push(filters.fts.map((f) => `(${f})`).join(' AND '))
  }
  const sql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const ids = prepared(
    db,
    `SELECT p.id FROM papers p ${sql}
       ORDER BY p.published_at IS NULL, p.published_at DESC, p.id DESC LIMIT ?`,
  )
    .pluck()
    .all(...params, limit) as number[]
  return hydratePapers(db, getPaperRows(db, ids)).map((paper) => ({
    ...paper,
    score: 0,
    highlights: {},
    snippet: null,
  }))
}

function correctionsOf(plan: QueryPlan): SearchCorrection[] {
  return plan.words.flatMap((word) => {
    const to = word.variants.filter((v) => v.kind === 'fuzzy').map((v) => v.term)
    return to.length > 0 ? [{ word: word.word, to }] : []
  })
}
