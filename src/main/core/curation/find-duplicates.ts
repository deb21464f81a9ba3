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
// Words of the shorter title the longer may lack: none, or one from ten words on.
const missingAllowed = (words: number) => (words >= 10 ? 1 : 0)
const NO_AUTHORS: ReadonlySet<string> = new Set([''])
const MIN_SHARED = 0.6
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
 * id, or titles alike (the same normalised title, or every word of the shorter title (all but one
 * from ten words on) in the longer and six in ten of the longer's, such as a preprint and its published version with a reworded title) with at least one author's family
 * name in common (or no authors known on either side and the same title). Numbers must agree
 * (`… to 110 Experts` is not `… to 132 Experts`).
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
  // A title's other version holds nearly every one of its words, so it holds its rarest ones:
  // each paper is compared only with the papers that share one of its two rarest title words and
  // an author (every word of every paper is indexed, so a longer version is found from the shorter).
  const frequency = new Map<string, number>()
  for (const { words } of candidates) {
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1)
  }
  const postings = new Map<string, Candidate[]>()
  const keysOf = (candidate: Candidate, words: Iterable<string>) => {
    const families = candidate.families.size > 0 ? candidate.families : NO_AUTHORS
    const keys: string[] = []
    for (const word of words) for (const family of families) keys.push(`${word}|${family}`)
    return keys
  }
  for (const candidate of candidates) {
    for (const key of keysOf(candidate, candidate.words)) {
      const members = postings.get(key)
      if (members) members.push(candidate)
      else postings.set(key, [candidate])
    }
  }
  // A pair met through several words or authors is compared once.
  const compared = new Set<number>()
  for (const left of candidates) {
    for (const key of keysOf(left, twoRarest(left.words, frequency))) {
      for (const right of postings.get(key) ?? []) {
        if (right === left) continue
        const id = left.id < right.id ? left.id * 2 ** 26 + right.id : right.id * 2 ** 26 + left.id
        if (compared.has(id)) continue
        compared.add(id)
        const pair = compare(left, right)
        if (pair) add(pair)
      }
    }
  }
  return [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b)
}

function compare(left: Candidate, right: Candidate): DuplicatePair | null {
  const [few, many] = left.families.size <= right.families.size ? [left, right] : [right, left]
  let sharedAuthor = false
  for (const family of few.families) {
    if (many.families.has(family)) {
      sharedAuthor = true
      break
    }
  }
  if (left.titleKey === right.titleKey) {
    const noAuthors = left.families.size === 0 && right.families.size === 0
    return sharedAuthor || noAuthors
      ? { a: left.id, b: right.id, reason: 'same-title', similarity: 1 }
      : null
  }
  if (!sharedAuthor || left.words.size < MIN_WORDS || right.words.size < MIN_WORDS) return null
  const [small, large] =
    left.words.size <= right.words.size ? [left.words, right.words] : [right.words, left.words]
  let shared = 0
  for (const word of small) {
    if (large.has(word)) shared++
    // A number of the shorter title missing from the longer: another paper of a series.
    else if (/^\d+$/.test(word)) return null
  }
  // Nearly all of the shorter title, and most of the longer (a subtitle added in print).
  if (small.size - shared > missingAllowed(small.size) || shared / large.size < MIN_SHARED) {
    return null
  }
  return { a: left.id, b: right.id, reason: 'similar-title', similarity: shared / large.size }
}

/** The two words seen in the fewest titles (ties by spelling, so the choice is stable). */
function twoRarest(words: ReadonlySet<string>, frequency: ReadonlyMap<string, number>): string[] {
  let first: string | null = null
  let second: string | null = null
  const rarer = (x: string, y: string | null) => {
    if (y === null) return true
    const dx = frequency.get(x) ?? 0
    const dy = frequency.get(y) ?? 0
    return dx < dy || (dx === dy && x < y)
  }
  for (const word of words) {
    if (rarer(word, first)) {
      second = first
      first = word
    } else if (rarer(word, second)) second = word
  }
  return [first, second].filter((w): w is string => w !== null)
}

function loadCandidates(db: WritableDb): Candidate[] {
  const families = new Map<number, Set<string>>()
  // Names recur across papers: each is folded once.
  const familyKeys = new Map<string, string>()
  const authors = db
    .prepare('SELECT paper_id, name FROM paper_authors ORDER BY paper_id, position')
    .raw()
    .iterate() as IterableIterator<[number, string]>
  for (const [id, name] of authors) {
    let family = familyKeys.get(name)
    if (family === undefined) {
      family = keyWord(familyName(name))
      familyKeys.set(name, family)
    }
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
