// A second opinion for tag suggestions: the tags of the paper's nearest tagged papers (cosine over
// the same TF-IDF vectors). One linear SVM per tag ranks well on the whole, but a tag's margin
// knows nothing of the papers it was fit on; adding the neighbours' vote (each one's similarity,
// as a share of the ten nearest) lifted recall@3 of the primary category by about 0.01–0.02 on
// every split of the benchmark (`npm run bench -- tags`), over the SVM alone and scikit-learn.
import { buildPostings, nearestPapers, type Postings } from './similarity'
import type { SparseVector } from './tfidf'

/** How many nearest tagged papers vote. */
const VOTERS = 10
/** How much a unanimous vote adds to a margin (margins are about ±1 around the boundary). */
export const VOTE_WEIGHT = 1

/** The tagged papers, searchable by their terms, with the tag indexes each carries. */
export type TagVoters = {
  postings: Postings
  ids: Int32Array
  labels: ReadonlyArray<ReadonlyArray<number>>
}

export function buildTagVoters(
  vectors: ReadonlyArray<SparseVector>,
  ids: Int32Array,
  labels: ReadonlyArray<ReadonlyArray<number>>,
  nFeatures: number,
): TagVoters {
  return { postings: buildPostings(vectors, nFeatures), ids, labels }
}

/** Each tag's share of the similarity of the nearest tagged papers (0–1), leaving out paper `selfId`. */
export function tagVotes(
  voters: TagVoters,
  nTags: number,
  vector: SparseVector,
  selfId: number | null,
): Float64Array {
  const votes = new Float64Array(nTags)
  const near = nearestPapers(
    voters.postings,
    voters.ids.length,
    vector,
    VOTERS,
    (row) => voters.ids[row] === selfId,
  )
  let total = 0
  for (const { doc, similarity } of near) {
    total += similarity
    for (const t of voters.labels[doc] ?? []) votes[t] = (votes[t] ?? 0) + similarity
  }
  if (total > 0) for (let t = 0; t < nTags; t += 1) votes[t] = (votes[t] ?? 0) / total
  return votes
}
