// Sparse TF-IDF vectors: sublinear term counts times smoothed inverse document frequency,
// L2-normalised, over a vocabulary capped to the terms that occur in enough papers.

/** A sparse vector: feature indexes ascending, with their values. */
export type SparseVector = { idx: Int32Array; val: Float32Array }

/** The fitted vocabulary: a feature index per term and the weight of each feature. */
export type Vocabulary = { terms: ReadonlyArray<string>; index: ReadonlyMap<string, number>; idf: Float32Array }

export type VocabularyOptions = {
  /** Keep at most this many terms, the most frequent first. */
  maxFeatures: number
  /** A term must occur in at least this many papers (a term of one paper generalises to none). */
  minDf: number
  /** Terms in more than this share of papers say nothing about a topic. */
  maxDfShare: number
}

export const DEFAULT_VOCABULARY: VocabularyOptions = { maxFeatures: 60_000, minDf: 2, maxDfShare: 0.5 }

/** Counts document frequencies and keeps the useful terms. */
export function fitVocabulary(docs: ReadonlyArray<ReadonlyArray<string>>, options = DEFAULT_VOCABULARY): Vocabulary {
  const df = new Map<string, number>()
  for (const doc of docs) {
    for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1)
  }
  const maxDf = Math.max(options.minDf, Math.floor(docs.length * options.maxDfShare))
  const kept = [...df]
    .filter(([, count]) => count >= options.minDf && count <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures)
  const terms = kept.map(([term]) => term)
  const idf = new Float32Array(kept.length)
  kept.forEach(([, count], i) => {
    idf[i] = Math.log((1 + docs.length) / (1 + count)) + 1
  })
  return { terms, index: new Map(terms.map((term, i) => [term, i])), idf }
}

/** A paper's terms as a unit-length TF-IDF vector (terms outside the vocabulary are dropped). */
export function vectorize(doc: ReadonlyArray<string>, vocabulary: Vocabulary): SparseVector {
  const counts = new Map<number, number>()
  for (const term of doc) {
    const i = vocabulary.index.get(term)
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1)
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b))
  const val = new Float32Array(idx.length)
  let norm = 0
  idx.forEach((feature, k) => {
    const weight = (1 + Math.log(counts.get(feature) ?? 1)) * (vocabulary.idf[feature] ?? 0)
    val[k] = weight
    norm += weight * weight
  })
  norm = Math.sqrt(norm)
  if (norm > 0) for (let k = 0; k < val.length; k += 1) val[k] = (val[k] ?? 0) / norm
  return { idx, val }
}

/** The dot product of a sparse vector with a dense one. */
export function dotDense(vector: SparseVector, dense: Float32Array): number {
  let sum = 0
  for (let k = 0; k < vector.idx.length; k += 1) sum += (vector.val[k] ?? 0) * (dense[vector.idx[k] ?? 0] ?? 0)
  return sum
}
