// The topic index of a library: every paper's TF-IDF vector and one classifier per user tag.
// Built in the topics thread (topics-worker.ts) and queried there; nothing here touches the
// database, so the benchmark and the tests build it from plain records.
import { termLabel, type TopicText } from './tokenize'
import {
  DEFAULT_VOCABULARY,
  fitVocabulary,
  vectorizeAll,
  type SparseVector,
  type Vocabulary,
} from './tfidf'
import { createTermCache, type TermCache } from './term-ids'
import { buildTagVoters, tagVotes, VOTE_WEIGHT, type TagVoters } from './tag-votes'
import {
  confidence,
  DEFAULT_TRAINING,
  tagMargins,
  toSparseRows,
  topContributions,
  trainTagModel,
  type TagModel,
  type TrainOptions,
} from './linear-model'

/** A paper as the index reads it: its text and the user's tags. */
export type TopicPaper = TopicText & { id: number; tags: ReadonlyArray<string> }

/** A tag the model suggests, its confidence (0–1) and the terms that weighed most. */
export type LearnedSuggestion = { tag: string; score: number; reason: ReadonlyArray<string> }

export type TopicIndex = {
  vocabulary: Vocabulary
  ids: ReadonlyArray<number>
  vectors: ReadonlyArray<SparseVector>
  position: ReadonlyMap<number, number>
  /** Each paper's own tags with their parents (`a/b` carries `a`), as the model learned them. */
  tagSets: ReadonlyArray<ReadonlySet<string>>
  model: TagModel
  /** The papers the classifiers were trained on (ids, in row order) and their dual variables, for the next training to start from. */
  trained: { ids: Int32Array; dual: Float32Array }
  /** The tagged papers, for the neighbours' vote in suggestions. */
  voters: TagVoters
}

export type BuildOptions = {
  training?: TrainOptions
  vocabulary?: typeof DEFAULT_VOCABULARY
  /** Term ids kept from earlier trainings (the topics thread's): only new or changed papers are read again. */
  terms?: TermCache
  /** The index this one replaces: its classifiers' dual variables start the new training. */
  warmFrom?: TopicIndex | null
}

/** The previous training's dual variables laid out for this one's rows and tags (0 for what is new). */
function warmDual(
  previous: TopicIndex,
  ids: Int32Array,
  tags: ReadonlyArray<string>,
): Float32Array {
  const { ids: oldIds, dual: oldDual } = previous.trained
  const oldRow = new Map(Array.from(oldIds, (id, row) => [id, row]))
  const oldTag = new Map(previous.model.tags.map((tag, t) => [tag, t]))
  const n = ids.length
  const nOld = oldIds.length
  const rows = Array.from(ids, (id) => oldRow.get(id) ?? -1)
  const dual = new Float32Array(n * tags.length)
  tags.forEach((tag, t) => {
    const before = oldTag.get(tag)
    if (before === undefined) return
    rows.forEach((row, i) => {
      if (row >= 0) dual[t * n + i] = oldDual[before * nOld + row] ?? 0
    })
  })
  return dual
}

/** A tag and its parents: `ml/nlp/decoding` → `ml`, `ml/nlp`, `ml/nlp/decoding`. */
export function withParentTags(tag: string): string[] {
  const parts = tag.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** Vectorises every paper (the vocabulary comes from all of them) and trains on the tagged ones. */
export function buildTopicIndex(
  papers: ReadonlyArray<TopicPaper>,
  options: BuildOptions = {},
): TopicIndex {
  const terms = options.terms ?? createTermCache()
  const docs = terms.read(papers)
  const vocabulary = fitVocabulary(docs, terms.dictionary, options.vocabulary ?? DEFAULT_VOCABULARY)
  const vectors = vectorizeAll(docs, vocabulary)
  const tagSets = papers.map((paper) => new Set(paper.tags.flatMap(withParentTags)))
  const tagNames = [...new Set(tagSets.flatMap((set) => [...set]))].sort()
  const tagIndex = new Map(tagNames.map((tag, i) => [tag, i]))
  const trainVectors: SparseVector[] = []
  const trainLabels: number[][] = []
  const trainIds: number[] = []
  tagSets.forEach((set, i) => {
    const vector = vectors[i]
    if (set.size === 0 || !vector) return
    trainVectors.push(vector)
    trainLabels.push([...set].map((tag) => tagIndex.get(tag) ?? 0))
    trainIds.push(papers[i]?.id ?? 0)
  })
  const ids = Int32Array.from(trainIds)
  const warm = options.warmFrom ? warmDual(options.warmFrom, ids, tagNames) : undefined
  const training = options.training ?? DEFAULT_TRAINING
  const { model, dual } = trainTagModel(
    toSparseRows(trainVectors),
    trainLabels,
    tagNames,
    vocabulary.terms.length,
    training,
    warm,
  )
  return {
    vocabulary,
    ids: papers.map((paper) => paper.id),
    vectors,
    position: new Map(papers.map((paper, i) => [paper.id, i])),
    tagSets,
    model,
    trained: { ids, dual },
    voters: buildTagVoters(trainVectors, ids, trainLabels, vocabulary.terms.length),
  }
}

/** How many terms a reason names. */
const REASON_TERMS = 3

/**
 * The tags the model would give a vector, best first, leaving out `skip` (tags it already has):
 * each tag's SVM margin plus the vote of the nearest tagged papers (other than `selfId`).
 */
export function suggestForVector(
  index: Pick<TopicIndex, 'model' | 'vocabulary' | 'voters'>,
  vector: SparseVector,
  limit: number,
  skip: ReadonlySet<string> = new Set(),
  selfId: number | null = null,
): LearnedSuggestion[] {
  const margins = tagMargins(index.model, vector)
  const votes = tagVotes(index.voters, margins.length, vector, selfId)
  for (let t = 0; t < margins.length; t += 1) {
    margins[t] = (margins[t] ?? 0) + VOTE_WEIGHT * (votes[t] ?? 0)
  }
  const ranked = [...margins.keys()]
    .filter((t) => !skip.has(index.model.tags[t] ?? ''))
    .sort((a, b) => (margins[b] ?? 0) - (margins[a] ?? 0))
    .slice(0, limit)
  return ranked.map((t) => ({
    tag: index.model.tags[t] ?? '',
    score: confidence(margins[t] ?? 0),
    reason: topContributions(index.model, vector, t, REASON_TERMS).map((f) =>
      termLabel(index.vocabulary.terms[f] ?? ''),
    ),
  }))
}

/** Learned suggestions for a paper of the index, without the tags it has. */
export function suggestForPaper(
  index: TopicIndex,
  id: number,
  limit: number,
): LearnedSuggestion[] | null {
  const i = index.position.get(id)
  const vector = i === undefined ? undefined : index.vectors[i]
  if (i === undefined || !vector) return null
  return suggestForVector(index, vector, limit, index.tagSets[i], id)
}

/** Every tag's confidence for a paper (for auto-tagging and the precision preview). */
export function tagConfidences(
  index: Pick<TopicIndex, 'model'>,
  vector: SparseVector,
): Float64Array {
  return tagMargins(index.model, vector).map(confidence)
}
