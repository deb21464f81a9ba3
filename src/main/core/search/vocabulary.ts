import { splitWords } from '@shared/search/query-syntax'
import type { WritableDb } from '../db/open-database'
import { onReindex, VOCABULARY_TEXT_SQL } from '../db/papers-index'
import { jsonIds } from '../db/json-ids'
import { editDistance } from './edit-distance'

/** A library word a typo'd query word may have meant. */
export type Correction = { term: string; edits: number; docs: number }

/**
 * The words of the library's titles, authors, organizations and tags with how many papers hold
 * each, and an index of their letter pairs to find near spellings without scanning every word.
 */
export type Vocabulary = {
  /** How many papers hold the word (0 when unknown). */
  docs(term: string): number
  /** True when some word starts with `prefix`. */
  hasPrefix(prefix: string): boolean
  /** Words within `maxEdits` of `word`, nearest and most common first. */
  corrections(word: string, maxEdits: number, limit: number): Correction[]
  /** Up to `limit` words starting with `prefix`, most common first (scans at most 5,000). */
  completions(prefix: string, limit: number): string[]
  /** How many distinct words it holds. */
  size(): number
}

type Store = {
  terms: string[]
  docs: number[]
  byTerm: Map<string, number>
  grams: Map<string, number[]>
  sorted: string[] | null
}

const gramsOf = (word: string): string[] => {
  const padded = `^${word}$`
  const grams: string[] = []
  for (let i = 0; i < padded.length - 1; i += 1) grams.push(padded.slice(i, i + 2))
  return grams
}

function createStore(): Store {
  return { terms: [], docs: [], byTerm: new Map(), grams: new Map(), sorted: null }
}

function addTerm(store: Store, term: string, docs: number): void {
  const known = store.byTerm.get(term)
  if (known !== undefined) {
    store.docs[known] = (store.docs[known] ?? 0) + docs
    return
  }
  const index = store.terms.length
  store.terms.push(term)
  store.docs.push(docs)
  store.byTerm.set(term, index)
  store.sorted = null
  for (const gram of new Set(gramsOf(term))) {
    const list = store.grams.get(gram)
    if (list) list.push(index)
    else store.grams.set(gram, [index])
  }
}

function lowerBound(sorted: ReadonlyArray<string>, key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? '') < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

function toVocabulary(store: Store): Vocabulary {
  const counts = new Int32Array(0)
  let shared = counts
  return {
    docs: (term) => store.docs[store.byTerm.get(term) ?? -1] ?? 0,
    hasPrefix(prefix) {
      store.sorted ??= [...store.terms].sort()
      return (store.sorted[lowerBound(store.sorted, prefix)] ?? '').startsWith(prefix)
    },
    size: () => store.terms.length,
    completions(prefix, limit) {
      store.sorted ??= [...store.terms].sort()
      const found: string[] = []
      const start = lowerBound(store.sorted, prefix)
      for (let i = start; i < store.sorted.length && i < start + 5_000; i += 1) {
        const term = store.sorted[i] ?? ''
        if (!term.startsWith(prefix)) break
        found.push(term)
      }
      const docsOf = (term: string) => store.docs[store.byTerm.get(term) ?? -1] ?? 0
      return found.sort((a, b) => docsOf(b) - docsOf(a) || a.localeCompare(b)).slice(0, limit)
    },
    corrections(word, maxEdits, limit) {
      if (maxEdits <= 0) return []
      const grams = [...new Set(gramsOf(word))]
      // Each edit breaks at most three letter pairs; fewer shared pairs cannot be close enough.
      const needed = Math.max(1, grams.length - 3 * maxEdits)
      if (shared.length < store.terms.length) shared = new Int32Array(store.terms.length * 2)
      const touched: number[] = []
      for (const gram of grams) {
        for (const index of store.grams.get(gram) ?? []) {
          if (shared[index] === 0) touched.push(index)
          shared[index] = (shared[index] ?? 0) + 1
        }
      }
      const found: Correction[] = []
      for (const index of touched) {
        const term = store.terms[index] ?? ''
        if ((shared[index] ?? 0) >= needed && term !== word) {
          // `modle` means `models` as much as `model`: a plural ending costs nothing here.
          const singular = term.length > 4 && term.endsWith('s') ? term.slice(0, -1) : term
          const edits = Math.min(
            editDistance(word, term, maxEdits),
            editDistance(word, singular, maxEdits),
          )
          if (edits <= maxEdits) found.push({ term, edits, docs: store.docs[index] ?? 0 })
        }
        shared[index] = 0
      }
      found.sort((a, b) => a.edits - b.edits || b.docs - a.docs || a.term.localeCompare(b.term))
      return found.slice(0, limit)
    },
  }
}

/** Builds a vocabulary from words and their paper counts (tests and benchmarks use it directly). */
export function buildVocabulary(
  entries: Iterable<readonly [term: string, docs: number]>,
): Vocabulary {
  const store = createStore()
  for (const [term, docs] of entries) addTerm(store, term, docs)
  return toVocabulary(store)
}

type Cached = { store: Store; vocabulary: Vocabulary; pending: Set<number>; stale: boolean }
const cache = new WeakMap<WritableDb, Cached>()

/** Above this many changed papers a full reload is cheaper than adding their words one by one. */
const INCREMENTAL_LIMIT = 2_000

/**
 * The vocabulary of `db`, loaded on first use and kept in step with every reindex: words of
 * changed papers are added before the next search (counts may run high until a full reload,
 * which only makes a correction a little more likely to be offered).
 */
export function libraryVocabulary(db: WritableDb): Vocabulary {
  let cached = cache.get(db)
  if (!cached) {
    const entry: Cached = {
      store: createStore(),
      vocabulary: buildVocabulary([]),
      pending: new Set(),
      stale: true,
    }
    onReindex(db, (ids) => {
      if (entry.stale) return
      for (const id of ids) entry.pending.add(id)
      if (entry.pending.size > INCREMENTAL_LIMIT) entry.stale = true
    })
    cache.set(db, entry)
    cached = entry
  }
  if (cached.stale) {
    const store = createStore()
    const rows = db.prepare('SELECT term, doc FROM papers_fts_vocab').raw().all() as Array<
      [string, number]
    >
    for (const [term, docs] of rows) addTerm(store, term, docs)
    cached.store = store
    cached.vocabulary = toVocabulary(store)
    cached.pending.clear()
    cached.stale = false
  } else if (cached.pending.size > 0) {
    const texts = db
      .prepare(`SELECT text FROM (${VOCABULARY_TEXT_SQL})`)
      .pluck()
      .all(jsonIds([...cached.pending])) as string[]
    for (const text of texts) {
      for (const term of new Set(splitWords(text))) addTerm(cached.store, term, 1)
    }
    cached.pending.clear()
  }
  return cached.vocabulary
}
