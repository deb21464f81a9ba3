import Fuse, { type FuseResultMatch } from 'fuse.js'
import type { MatchRange, SearchHit } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import { getPaperRows, hydratePapers } from '../db/papers-repo'

/** How many full-text candidates fuse.js re-ranks; fuse is fast on hundreds, slow on the library. */
const CANDIDATES = 300

/** Words of a query, as FTS5 prefix terms (quoted, so operators and punctuation are inert). */
export function queryTerms(query: string): string[] {
  return (query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => `"${word}"*`)
}

/**
 * Ranked search: SQLite FTS5 (bm25, title and authors weighted above abstract) retrieves
 * candidates, every word as a prefix; fuse.js re-ranks them on title, authors and tags and gives
 * the matched ranges. When no paper has every word, papers with any of them are ranked instead.
 */
export function searchPapers(db: WritableDb, query: string, limit: number): SearchHit[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return []
  let candidates = ftsCandidates(db, terms.join(' AND '))
  if (candidates.length === 0 && terms.length > 1) candidates = ftsCandidates(db, terms.join(' OR '))
  if (candidates.length === 0) return []

  const papers = hydratePapers(db, getPaperRows(db, candidates.map((c) => c.id)))
  const relevanceOf = new Map(candidates.map((c) => [c.id, c.relevance]))
  const bestBm25 = Math.max(...candidates.map((c) => c.relevance))
  const records = papers.map((paper) => ({
    paper,
    title: paper.title ?? '',
    authors: [...paper.authors, paper.organization ?? ''].join(', '),
    tags: paper.tags.join(' '),
  }))
  const fuse = new Fuse(records, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'authors', weight: 2 },
      { name: 'tags', weight: 1 },
    ],
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.45,
    minMatchCharLength: 2,
  })
  const fuzzy = new Map(fuse.search(query).map((r) => [r.refIndex, r]))
  const hits = records.map((record, index): SearchHit => {
    const match = fuzzy.get(index)
    const relevance = (relevanceOf.get(record.paper.id) ?? 0) / (bestBm25 || 1)
    const closeness = match ? 1 - (match.score ?? 1) : 0
    return {
      ...record.paper,
      score: Math.round((relevance + 2 * closeness) * 1000) / 1000,
      highlights: highlights(match?.matches ?? []),
    }
  })
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
      (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  )
  return hits.slice(0, limit)
}

function ftsCandidates(db: WritableDb, match: string): Array<{ id: number; relevance: number }> {
  const rows = db
    .prepare(
      `SELECT rowid AS id, -bm25(papers_fts, 10.0, 5.0, 1.0, 4.0, 2.0) AS relevance
       FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank LIMIT ${CANDIDATES}`,
    )
    .all(match) as Array<{ id: number; relevance: number }>
  return rows
}

function highlights(matches: ReadonlyArray<FuseResultMatch>): SearchHit['highlights'] {
  const result: Record<string, MatchRange[]> = {}
  for (const match of matches) {
    if (match.key !== 'title' && match.key !== 'tags') continue
    result[match.key] = match.indices
      .filter(([start, end]) => end - start >= 1)
      .map(([start, end]): MatchRange => [start, end + 1])
  }
  return result
}
