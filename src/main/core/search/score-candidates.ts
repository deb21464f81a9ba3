import type { SearchHit } from '@shared/api/library-api'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'
import { pdfSnippet, pdfWordsOf } from './pdf-text-search'
import type { QueryPlan } from './plan-query'
import { scorePaper, snippetOf, type Scored } from './score-hit'

/** What scoring needs of a search: its plan, and the index expression that found the papers. */
export type ScoringQuery = { plan: QueryPlan; match: string | null }

/**
 * A paper scored on which field each word matched and how exactly, with the long texts scoring
 * read (only for words its short fields miss), so its snippet needs no second read.
 */
export type ScoredPaper = Scored & {
  id: number
  upvotes: number | null
  publishedAt: string | null
  long: LongTexts | null
}
type LongTexts = { abstract: string; note: string }

/** Scores the given papers from one read of their short fields. */
function scorePapers(
  db: WritableDb,
  search: ScoringQuery,
  ids: ReadonlyArray<number>,
): ScoredPaper[] {
  const pdfWords = pdfWordsOf(
    db,
    ids,
    search.plan.words.map((w) => w.word),
  )
  const longFields = prepared(
    db,
    "SELECT coalesce(abstract, '') AS abstract, coalesce(note, '') AS note FROM papers WHERE id = ?",
  )
  return leanRows(db, ids).map((row) => {
    let long: LongTexts | null = null
    const read = (): LongTexts => (long ??= longFields.get(row.id) as LongTexts)
    const scored = scorePaper(row, read, search.plan, pdfWords.get(row.id))
    return { ...scored, id: row.id, upvotes: row.upvotes, publishedAt: row.publishedAt, long }
  })
}

/** Candidates scored, best first; equal scores go to more upvotes, then newer. */
export function rankCandidates(
  db: WritableDb,
  search: ScoringQuery,
  ids: ReadonlyArray<number>,
): ScoredPaper[] {
  return scorePapers(db, search, ids).sort(
    (a, b) =>
      b.score - a.score ||
      (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
      (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') ||
      b.id - a.id,
  )
}

/** What a row shows of its match: score, highlights, the passage to quote, the matching author. */
type RowMatch = Pick<SearchHit, 'score' | 'highlights' | 'snippet'> & {
  matchedAuthor: string | null
}

function matchOf(db: WritableDb, search: ScoringQuery, scored: ScoredPaper): RowMatch {
  const { quote, long, highlights } = scored
  let snippet = null
  if (quote === 'pdf' && search.match !== null) {
    snippet = pdfSnippet(db, scored.id, search.match)
  } else if ((quote === 'abstract' || quote === 'note') && long !== null) {
    snippet = snippetOf(long[quote], highlights[quote] ?? [], quote)
  }
  return { score: scored.score, highlights, snippet, matchedAuthor: scored.author }
}

/** The matches of the given papers, scoring those `known` does not hold yet. */
export function matchesOf(
  db: WritableDb,
  search: ScoringQuery,
  ids: ReadonlyArray<number>,
  known: ReadonlyArray<ScoredPaper> = [],
): Map<number, RowMatch> {
  const scored = new Map(known.map((paper) => [paper.id, paper]))
  const missing = ids.filter((id) => !scored.has(id))
  for (const paper of scorePapers(db, search, missing)) scored.set(paper.id, paper)
  const found = new Map<number, RowMatch>()
  for (const id of ids) {
    const paper = scored.get(id)
    if (paper) found.set(id, matchOf(db, search, paper))
  }
  return found
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
