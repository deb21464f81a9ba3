import { arxivIdFromDoi } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import { familyName } from './person-names'
import { keyWord } from './citation-keys'

/** Why two papers look like one work. */
export type DuplicateReason = 'arxiv-doi' | 'same-title' | 'similar-title'

/** A candidate pair: never merged without the user saying so. */
export type DuplicatePair = { a: number; b: number; reason: DuplicateReason; similarity: number }

type Candidate = {
  id: number
  words: ReadonlySet<string>
  titleKey: string
  families: ReadonlySet<string>
}

// Titles that differ in this few words are the same work; shorter titles must match exactly.
const MIN_WORDS = 3
const MIN_SIMILARITY = 0.8
// Words that say little about which paper it is (they do not count towards similarity).
const FILLER = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'in',
  'on',
  'to',
  'with',
  'via',
  'is',
  'are',
  'by',
  'from',
  'at',
  'as',
  'its',
  'we',
  'towards',
  'toward',
])

/**
 * Pairs of papers that are probably the same work: an arXiv DOI on one naming the other's arXiv
 * id, or titles alike (the same normalised title, or word sets overlapping 80% and more, such as a
 * preprint and its published version with a reworded title) with at least one author's family
 * name in common (or no authors known on either side and the same title). Papers are compared
 * only within blocks that share a first author or the opening words of the title, so 50k papers
 * take a few hundred thousand comparisons, not a billion.
 */
export function findDuplicates(db: WritableDb): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>()
  const add = (pair: DuplicatePair) => {
    const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a]
    const key = `${a}:${b}`
    if (!pairs.has(key)) pairs.set(key, { ...pair, a, b })
  }
  for (const pair of arxivDoiPairs(db)) add(pair)

  const candidates = loadCandidates(db)
  const blocks = new Map<string, Candidate[]>()
  const block = (key: string, candidate: Candidate) => {
    const members = blocks.get(key)
    if (members) members.push(candidate)
    else blocks.set(key, [candidate])
  }
  for (const candidate of candidates) {
    const [first] = candidate.families
    if (first !== undefined) block(`a:${first}`, candidate)
    const opening = candidate.titleKey
      .split(' ')
      .filter((w) => !FILLER.has(w))
      .slice(0, 3)
      .join(' ')
    if (opening !== '') block(`t:${opening}`, candidate)
  }
  for (const members of blocks.values()) {
    for (let i = 0; i < members.length; i++) {
      const left = members[i] as Candidate
      for (let j = i + 1; j < members.length; j++) {
        const right = members[j] as Candidate
        const pair = compare(left, right)
        if (pair) add(pair)
      }
    }
  }
  return [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b)
}

function compare(left: Candidate, right: Candidate): DuplicatePair | null {
  const sharedAuthor = [...left.families].some((f) => right.families.has(f))
  const noAuthors = left.families.size === 0 && right.families.size === 0
  if (left.titleKey === right.titleKey) {
    return sharedAuthor || noAuthors
      ? { a: left.id, b: right.id, reason: 'same-title', similarity: 1 }
      : null
  }
  if (!sharedAuthor || left.words.size < MIN_WORDS || right.words.size < MIN_WORDS) return null
  const similarity = overlap(left.words, right.words)
  return similarity >= MIN_SIMILARITY
    ? { a: left.id, b: right.id, reason: 'similar-title', similarity }
    : null
}

/** Shared words over the words of the shorter title: a subtitle added in print still matches. */
function overlap(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left]
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  // Weighed against the longer title too, so "Attention" does not match every attention paper.
  return (shared / small.size) * 0.7 + (shared / large.size) * 0.3
}

function loadCandidates(db: WritableDb): Candidate[] {
  const families = new Map<number, Set<string>>()
  const authors = db
    .prepare('SELECT paper_id, name FROM paper_authors ORDER BY paper_id, position')
    .raw()
    .iterate() as IterableIterator<[number, string]>
  for (const [id, name] of authors) {
    const family = keyWord(familyName(name))
    if (family === '') continue
    const set = families.get(id)
    if (set) set.add(family)
    else families.set(id, new Set([family]))
  }
  const rows = db
    .prepare('SELECT id, title_key FROM papers WHERE title_key IS NOT NULL')
    .raw()
    .all() as Array<[number, string]>
  return rows.map(([id, titleKey]) => ({
    id,
    titleKey,
    words: new Set(titleKey.split(' ').filter((w) => !FILLER.has(w))),
    families: families.get(id) ?? new Set<string>(),
  }))
}

/** A paper known by an arXiv DOI (10.48550/arXiv.X) beside the paper with arXiv id X. */
function arxivDoiPairs(db: WritableDb): DuplicatePair[] {
  const rows = db
    .prepare("SELECT id, doi FROM papers WHERE doi LIKE '10.48550/arxiv.%'")
    .all() as Array<{ id: number; doi: string }>
  const holder = db.prepare('SELECT id FROM papers WHERE arxiv_id = ?').pluck()
  return rows.flatMap(({ id, doi }) => {
    const ref = arxivIdFromDoi(doi)
    const other = ref ? (holder.get(ref.id) as number | undefined) : undefined
    return other !== undefined && other !== id
      ? [{ a: id, b: other, reason: 'arxiv-doi' as const, similarity: 1 }]
      : []
  })
}
