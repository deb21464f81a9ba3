// Sparse TF-IDF vectors: sublinear term counts times smoothed inverse document frequency,
// L2-normalised, over a vocabulary capped to the terms that occur in enough papers. Papers come
// as term ids (term-ids.ts), so counting is integer arithmetic on typed arrays.
import type { TermDictionary } from './term-ids'

/** A sparse vector: feature indexes ascending, with their values. */
export type SparseVector = { idx: Int32Array; val: Float32Array }

/** The fitted vocabulary: each feature's term and weight, and the feature of each term id (-1: none). */
export type Vocabulary = { terms: ReadonlyArray<string>; idf: Float32Array; featureOf: Int32Array }

export type VocabularyOptions = {
  /** Keep at most this many terms, the most frequent first. */
  maxFeatures: number
  /** A term must occur in at least this many papers (a term of one paper generalises to none). */
  minDf: number
  /** Terms in more than this share of papers say nothing about a topic. */
  maxDfShare: number
}

export const DEFAULT_VOCABULARY: VocabularyOptions = {
  maxFeatures: 60_000,
  minDf: 2,
  maxDfShare: 0.5,
}

/** Counts document frequencies and keeps the useful terms, the most frequent first (ties by name). */
export function fitVocabulary(
  docs: ReadonlyArray<Int32Array>,
  dictionary: TermDictionary,
  options = DEFAULT_VOCABULARY,
): Vocabulary {
  const size = dictionary.size
  const df = new Int32Array(size)
  const seen = new Int32Array(size).fill(-1)
  docs.forEach((doc, d) => {
    for (const id of doc) {
      if (seen[id] === d) continue
      seen[id] = d
      df[id] = (df[id] ?? 0) + 1
    }
  })
  const maxDf = Math.max(options.minDf, Math.floor(docs.length * options.maxDfShare))
  const candidates: number[] = []
  for (let id = 0; id < size; id += 1) {
    const count = df[id] ?? 0
    if (count >= options.minDf && count <= maxDf) candidates.push(id)
  }
  candidates.sort((a, b) => (df[b] ?? 0) - (df[a] ?? 0))
  // the papers' order, not the dictionary's history, decides: ties at the cut are broken by name
  const cutDf =
    candidates.length > options.maxFeatures
      ? (df[candidates[options.maxFeatures - 1] ?? 0] ?? 0)
      : 0
  const above = candidates.filter((id) => (df[id] ?? 0) > cutDf)
  const atCut = candidates.filter((id) => (df[id] ?? 0) === cutDf)
  const named = [...above, ...atCut].map((id) => ({
    id,
    name: dictionary.name(id),
    count: df[id] ?? 0,
  }))
  named.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const kept = named.slice(0, options.maxFeatures)
  const featureOf = new Int32Array(size).fill(-1)
  const idf = new Float32Array(kept.length)
  kept.forEach(({ id, count }, feature) => {
    featureOf[id] = feature
    idf[feature] = Math.log((1 + docs.length) / (1 + count)) + 1
  })
  return { terms: kept.map(({ name }) => name), idf, featureOf }
}

/** Every paper's terms as a unit-length TF-IDF vector (terms outside the vocabulary are dropped). */
export function vectorizeAll(
  docs: ReadonlyArray<Int32Array>,
  vocabulary: Vocabulary,
): SparseVector[] {
  const counts = new Float64Array(vocabulary.terms.length)
  const { featureOf, idf } = vocabulary
  return docs.map((doc) => {
    const touched: number[] = []
    for (const id of doc) {
      const feature = featureOf[id] ?? -1
      if (feature < 0) continue
      if (counts[feature] === 0) touched.push(feature)
      counts[feature] = (counts[feature] ?? 0) + 1
    }
    touched.sort((a, b) => a - b)
    const idx = Int32Array.from(touched)
    const val = new Float32Array(idx.length)
    let norm = 0
    idx.forEach((feature, k) => {
      const weight = (1 + Math.log(counts[feature] ?? 1)) * (idf[feature] ?? 0)
      counts[feature] = 0
      val[k] = weight
      norm += weight * weight
    })
    norm = Math.sqrt(norm)
    if (norm > 0) for (let k = 0; k < val.length; k += 1) val[k] = (val[k] ?? 0) / norm
    return { idx, val }
  })
}

/** The dot product of a sparse vector with a dense one. */
export function dotDense(vector: SparseVector, dense: Float32Array): number {
  let sum = 0
  for (let k = 0; k < vector.idx.length; k += 1) {
    sum += (vector.val[k] ?? 0) * (dense[vector.idx[k] ?? 0] ?? 0)
  }
  return sum
}
