// Paper-to-paper closeness over the TF-IDF vectors: cosine similarity through an inverted index
// (a query reads only the papers that share a term with it), and the "For you" profile, a
// Rocchio centroid: close to what the user kept, away from what they dismissed.
import { dotDense, type SparseVector } from './tfidf'
import { termLabel } from './tokenize'

/** For each feature, the papers holding it and its weight there. */
export type Postings = { start: Int32Array; docs: Int32Array; vals: Float32Array }

export function buildPostings(vectors: ReadonlyArray<SparseVector>, nFeatures: number): Postings {
  const start = new Int32Array(nFeatures + 1)
  for (const v of vectors) for (const f of v.idx) start[f + 1] = (start[f + 1] ?? 0) + 1
  for (let f = 0; f < nFeatures; f += 1) start[f + 1] = (start[f + 1] ?? 0) + (start[f] ?? 0)
  const fill = start.slice(0, nFeatures)
  const docs = new Int32Array(start[nFeatures] ?? 0)
  const vals = new Float32Array(docs.length)
  vectors.forEach((v, doc) => {
    for (let k = 0; k < v.idx.length; k += 1) {
      const f = v.idx[k] ?? 0
      const at = fill[f] ?? 0
      docs[at] = doc
      vals[at] = v.val[k] ?? 0
      fill[f] = at + 1
    }
  })
  return { start, docs, vals }
}

/** The `limit` papers most similar to `query` (cosine), best first; `skip` leaves papers out. */
export function nearestPapers(
  postings: Postings,
  nDocs: number,
  query: SparseVector,
  limit: number,
  skip: (doc: number) => boolean,
): Array<{ doc: number; similarity: number }> {
  const scores = new Float32Array(nDocs)
  for (let k = 0; k < query.idx.length; k += 1) {
    const f = query.idx[k] ?? 0
    const q = query.val[k] ?? 0
    const end = postings.start[f + 1] ?? 0
    for (let p = postings.start[f] ?? 0; p < end; p += 1) {
      const doc = postings.docs[p] ?? 0
      scores[doc] = (scores[doc] ?? 0) + q * (postings.vals[p] ?? 0)
    }
  }
  const best: Array<{ doc: number; similarity: number }> = []
  for (let doc = 0; doc < nDocs; doc += 1) {
    const similarity = scores[doc] ?? 0
    if (similarity <= 0 || skip(doc)) continue
    if (best.length === limit && similarity <= (best[limit - 1]?.similarity ?? 0)) continue
    best.push({ doc, similarity })
    best.sort((a, b) => b.similarity - a.similarity)
    if (best.length > limit) best.pop()
  }
  return best
}

/** The terms two papers share that weigh most in both, as a person reads them. */
export function sharedTerms(
  a: SparseVector,
  b: SparseVector,
  terms: ReadonlyArray<string>,
  count: number,
): string[] {
  const parts: Array<[feature: number, weight: number]> = []
  let j = 0
  for (let k = 0; k < a.idx.length; k += 1) {
    const f = a.idx[k] ?? 0
    while (j < b.idx.length && (b.idx[j] ?? 0) < f) j += 1
    if (j < b.idx.length && b.idx[j] === f) parts.push([f, (a.val[k] ?? 0) * (b.val[j] ?? 0)])
  }
  return parts
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(([f]) => termLabel(terms[f] ?? ''))
}

/** How strongly a dismissed paper pushes its topics away, against a kept one pulling. */
const DISMISSED_WEIGHT = 0.5

/**
 * The profile of what the user kept minus what they dismissed, one weight per feature: the
 * weighted mean of the kept papers (`keptWeights`, as `kept`; all 1 when absent) minus half the
 * mean of the dismissed ones.
 */
export function interestProfile(
  vectors: ReadonlyArray<SparseVector>,
  kept: ReadonlyArray<number>,
  dismissed: ReadonlyArray<number>,
  nFeatures: number,
  keptWeights?: ReadonlyArray<number>,
): Float32Array {
  const profile = new Float32Array(nFeatures)
  const add = (
    docs: ReadonlyArray<number>,
    weights: ReadonlyArray<number> | undefined,
    sign: number,
  ) => {
    const total = weights ? weights.reduce((sum, w) => sum + w, 0) : docs.length
    if (total <= 0) return
    docs.forEach((doc, j) => {
      const v = vectors[doc]
      if (!v) return
      const each = (sign * (weights?.[j] ?? 1)) / total
      for (let k = 0; k < v.idx.length; k += 1) {
        const f = v.idx[k] ?? 0
        profile[f] = (profile[f] ?? 0) + each * (v.val[k] ?? 0)
      }
    })
  }
  add(kept, keptWeights, 1)
  add(dismissed, undefined, -DISMISSED_WEIGHT)
  return profile
}

/** Every paper's closeness to a profile (higher: more the user's kind of paper). */
export function profileScores(
  vectors: ReadonlyArray<SparseVector>,
  profile: Float32Array,
): Float32Array {
  return Float32Array.from(vectors, (v) => dotDense(v, profile))
}
