import { arxivIdFromDoi, type PaperId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import { familyName } from './person-names'
import { keyWord } from './citation-keys'

/** Why two papers look like one work. */
export type DuplicateReason = 'arxiv-doi' | 'same-title' | 'similar-title'

/** A candidate pair: never merged without the user saying so. */
export type DuplicatePair = { a: PaperId; b: PaperId; reason: DuplicateReason; similarity: number }

/** A paper as duplicate detection sees it. */
export type Candidate = {
  /** Position in the candidate list (marks which papers a paper was compared with). */
  index: number
  id: PaperId
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
  // A title's other version holds every word of the shorter title (all but one from ten words
  // on): each paper is compared only with the papers as long or longer (not so long that the
  // shorter makes less than MIN_SHARED of it) that share an author and its one title word (two
  // from ten words on) with the fewest such papers. So a pair is met from its shorter side (from
  // both when they are as long; the lower id compares).
  // Words and family names get integer ids, so an index key (word, author) is one number: string
  // keys cost most of the time on large libraries (building them, hashing them, collecting them).
  const wordIds = new Map<string, number>()
  const familyIds = new Map<string, number>([['', 0]])
  for (const { words, families } of candidates) {
    for (const word of words) if (!wordIds.has(word)) wordIds.set(word, wordIds.size)
    for (const family of families) if (!familyIds.has(family)) familyIds.set(family, familyIds.size)
  }
  const familyCount = familyIds.size
  const postings = new Map<number, Candidate[]>()
  const keysOf = (candidate: Candidate, words: Iterable<string>) => {
    const families = candidate.families.size > 0 ? candidate.families : NO_AUTHORS
    const keys: number[] = []
    for (const word of words) {
      const base = (wordIds.get(word) ?? 0) * familyCount
      for (const family of families) keys.push(base + (familyIds.get(family) ?? 0))
    }
    return keys
  }
  for (const candidate of candidates) {
    for (const key of keysOf(candidate, candidate.words)) {
      const members = postings.get(key)
      if (members) members.push(candidate)
      else postings.set(key, [candidate])
    }
  }
  // Each title's words as 64 bits (two 32-bit halves): a word of the shorter title the longer
  // lacks shows as a bit only the shorter has, so most pairs are ruled out without comparing.
  const low = new Int32Array(candidates.length)
  const high = new Int32Array(candidates.length)
  for (const candidate of candidates) {
    for (const word of candidate.words) {
      const bit = (wordIds.get(word) ?? 0) % 64
      if (bit < 32) low[candidate.index] = (low[candidate.index] ?? 0) | (1 << bit)
      else high[candidate.index] = (high[candidate.index] ?? 0) | (1 << (bit - 32))
    }
  }
  // A pair met through several words or authors is compared once: `seenBy[right]` is the last
  // paper that compared with it.
  const seenBy = new Int32Array(candidates.length).fill(-1)
  for (const left of candidates) {
    const lowBits = low[left.index] ?? 0
    const highBits = high[left.index] ?? 0
    const allowed = missingAllowed(left.words.size)
    const size = left.words.size
    const longest = size < MIN_WORDS ? size : Math.floor(size / MIN_SHARED)
    const probes = fewestPapers(left, allowed + 1, (word) =>
      keysOf(left, [word]).reduce((sum, key) => sum + (postings.get(key)?.length ?? 0), 0),
    )
    for (const key of keysOf(left, probes)) {
      for (const right of postings.get(key) ?? []) {
        const other = right.words.size
        if (other < size || other > longest || (other === size && right.id <= left.id)) continue
        const missing =
          bitCount(lowBits & ~(low[right.index] ?? 0)) +
          bitCount(highBits & ~(high[right.index] ?? 0))
        if (missing > allowed) continue
        if (seenBy[right.index] === left.index) continue
        seenBy[right.index] = left.index
        const pair = compare(left, right)
        if (pair) add(pair)
      }
    }
  }
  return [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b)
}

/** Whether two papers look like one work, and why (exported for the test that compares every pair). */
export function compare(left: Candidate, right: Candidate): DuplicatePair | null {
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

/** How many bits of a 32-bit integer are set. */
function bitCount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** The `count` words of a title with the fewest papers to compare (ties by spelling, so the choice is stable). */
function fewestPapers(
  candidate: Candidate,
  count: number,
  papersWith: (word: string) => number,
): string[] {
  return [...candidate.words]
    .map((word) => ({ word, papers: papersWith(word) }))
    .sort((x, y) => x.papers - y.papers || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0))
    .slice(0, count)
    .map((entry) => entry.word)
}

/** Every titled paper with its title words and authors' family names. */
export function loadCandidates(db: WritableDb): Candidate[] {
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
    .all() as Array<[PaperId, string]>
  return rows.map(([id, titleKey], index) => ({
    index,
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
    .all() as Array<{ id: PaperId; doi: string }>
  const holder = db.prepare('SELECT id FROM papers WHERE arxiv_id = ?').pluck()
  return rows.flatMap(({ id, doi }) => {
    const ref = arxivIdFromDoi(doi)
    const other = ref ? (holder.get(ref.id) as PaperId | undefined) : undefined
    return other !== undefined && other !== id
      ? [{ a: id, b: other, reason: 'arxiv-doi' as const, similarity: 1 }]
      : []
  })
}
