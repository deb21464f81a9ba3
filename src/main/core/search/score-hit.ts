import type { MatchRange, SearchHit } from '@shared/api/library-api'
import type { SearchSnippet } from '@shared/api/search-api'
import { bestAuthorMatch } from './author-match'
import { countWords, matchingTokens, mergeRanges, phraseRanges, tokenize } from './match-text'
import type { QueryPlan } from './plan-query'

/** The searchable fields of a paper as scoring reads them (long ones may be fetched on demand). */
export type ScoredFields = {
  title: string
  authors: string
  organization: string
  tags: string
  note: string
  abstract: string
}

type Field = keyof ScoredFields
type LongField = 'abstract' | 'note' | 'pdf'

/** Title and author hits rank above tags and organization, and those above notes and abstracts. */
const FIELD_WEIGHTS: Record<Field | 'pdf', number> = {
  title: 1,
  authors: 0.9,
  tags: 0.8,
  organization: 0.7,
  note: 0.55,
  abstract: 0.45,
  pdf: 0.35,
}
const SHORT_FIELDS = ['title', 'authors', 'organization', 'tags'] as const
const LONG_FIELDS = ['note', 'abstract'] as const

/** What scoring a paper gives: its score, highlights and, for long-text hits, the field to quote. */
export type Scored = {
  score: number
  highlights: SearchHit['highlights']
  /** The long field query words were found in (and not in the short fields), if any. */
  quote: LongField | null
  /** The author whose name holds the most query words, if any does. */
  author: string | null
}

/**
 * Scores a paper against a query: per query word the best (field weight × match quality), averaged,
 * plus bonuses for covering the title (so an exact title ranks first) and for every word being in
 * the title. Long fields are read (through `long`) only for words the short fields miss.
 * `pdfWords` are the query words the paper's PDF text holds.
 */
export function scorePaper(
  fields: Pick<ScoredFields, (typeof SHORT_FIELDS)[number]>,
  long: () => Pick<ScoredFields, (typeof LONG_FIELDS)[number]>,
  plan: QueryPlan,
  pdfWords: ReadonlySet<string> = new Set(),
): Scored {
  const ranges = new Map<Field, MatchRange[]>()
  const mark = (field: Field, range: MatchRange) => {
    const list = ranges.get(field)
    if (list) list.push(range)
    else ranges.set(field, [range])
  }
  let longTexts: Pick<ScoredFields, 'abstract' | 'note'> | null = null
  const textOf = (field: Field): string => {
    if (field === 'abstract' || field === 'note') {
      longTexts ??= long()
      return longTexts[field]
    }
    return fields[field]
  }
  const titleHit = new Set<number>()
  const longOnly = new Map<LongField, number>()
  let total = 0
  let inTitle = 0
  /** Per query word, where it matched in the joined author names. */
  const authorHits: number[][] = []

  const scoreField = (field: Field, word: QueryPlan['words'][number]): number => {
    let best = 0
    for (const token of matchingTokens(textOf(field), word)) {
      mark(field, [token.start, token.end])
      if (field === 'title') titleHit.add(token.start)
      if (field === 'authors') authorHits.at(-1)?.push(token.start)
      if (token.quality > best) best = token.quality
    }
    return best * FIELD_WEIGHTS[field]
  }

  for (const word of plan.words) {
    authorHits.push([])
    const title = scoreField('title', word)
    if (title > 0) inTitle += 1
    let best = title
    for (const field of SHORT_FIELDS.slice(1)) best = Math.max(best, scoreField(field, word))
    if (best === 0) {
      // Most candidates never need their abstract: only words the short fields miss read it.
      let longField: LongField | null = null
      for (const field of LONG_FIELDS) {
        const value = scoreField(field, word)
        if (value > best) {
          best = value
          longField = field
        }
      }
      if (best === 0 && pdfWords.has(word.word)) {
        best = FIELD_WEIGHTS.pdf
        longField = 'pdf'
      }
      if (longField) longOnly.set(longField, (longOnly.get(longField) ?? 0) + 1)
    }
    total += best
  }
  for (const phrase of plan.phrases) {
    let best = 0
    for (const field of [...SHORT_FIELDS, ...LONG_FIELDS]) {
      const tokens = tokenize(textOf(field))
      const found = phraseRanges(tokens, phrase)
      if (found.length === 0) continue
      for (const range of found) mark(field, range)
      if (field === 'title') {
        for (const token of tokens) {
          if (found.some(([s, e]) => token.start >= s && token.end <= e)) titleHit.add(token.start)
        }
        inTitle += 1
      }
      if (FIELD_WEIGHTS[field] > best) best = FIELD_WEIGHTS[field]
    }
    const where: LongField | null =
      best === FIELD_WEIGHTS.note ? 'note' : best === FIELD_WEIGHTS.abstract ? 'abstract' : null
    if (best === 0) {
      best = FIELD_WEIGHTS.pdf
      longOnly.set('pdf', (longOnly.get('pdf') ?? 0) + 1)
    } else if (where) longOnly.set(where, (longOnly.get(where) ?? 0) + 1)
    total += best
  }

  const units = plan.words.length + plan.phrases.length
  let score = units === 0 ? 0 : total / units
  const titleWords = countWords(fields.title)
  if (titleWords > 0 && units > 0) {
    score += (0.3 * Math.min(titleHit.size, titleWords)) / titleWords
    if (inTitle === units) score += 0.2
  }
  // A whole name found in one author ranks above the same words spread over several authors.
  const author = bestAuthorMatch(fields.authors, authorHits)
  if (author && author.words >= 2) score += (0.15 * author.words) / units
  const highlights: Record<string, MatchRange[]> = {}
  for (const [field, list] of ranges) highlights[field] = mergeRanges(list)
  const quote = [...longOnly].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  return {
    score: Math.round(score * 1000) / 1000,
    highlights,
    quote,
    author: author?.name ?? null,
  }
}

const SNIPPET_BEFORE = 60
const SNIPPET_LENGTH = 220

/** A passage of about 220 characters around the first highlighted word, cut at word edges. */
export function snippetOf(
  text: string,
  ranges: ReadonlyArray<MatchRange>,
  field: 'abstract' | 'note',
): SearchSnippet | null {
  const first = ranges[0]
  if (!first || text === '') return null
  let start = Math.max(0, first[0] - SNIPPET_BEFORE)
  if (start > 0) start = text.lastIndexOf(' ', start) + 1
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > first[1]) end = space
  }
  const lead = start > 0 ? '…' : ''
  const tail = end < text.length ? '…' : ''
  const inside = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): MatchRange => [s - start + lead.length, e - start + lead.length])
  return { field, text: `${lead}${text.slice(start, end)}${tail}`, highlights: inside, page: null }
}
