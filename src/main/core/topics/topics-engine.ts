// The state of the topics thread: the last trained index and what it answers. Pure computation on
// a corpus read elsewhere, so tests and the benchmark drive it without a thread or a database.
import type { PrecisionPoint } from '@shared/api/topics-api'
import { autoKey, type TopicCorpus } from './library-corpus'
import { DISMISSED_PENALTY } from './topics-repo'
import { confidence, tagMargins, toSparseRows, trainTagModel } from './linear-model'
import {
  buildPostings,
  interestProfile,
  nearestPapers,
  profileScores,
  sharedTerms,
  type Postings,
} from './similarity'
import { createTermCache } from './term-ids'
import {
  buildTopicIndex,
  suggestForPaper,
  type LearnedSuggestion,
  type TopicIndex,
} from './topic-index'

/** What one training produced, for the main thread to write. */
export type TrainResult = {
  papers: number
  tags: number
  trainMs: number
  /** Every paper's "For you" score, or null when the user has kept nothing yet. */
  forYou: Array<[paperId: number, score: number]> | null
  /** Tags to apply by the user's auto-tagging rules (each pair once ever). */
  autoApply: Array<{ paperId: number; tag: string }>
}

export type RelatedHit = { id: number; similarity: number; sharedTopics: string[] }

const SHARED_TOPICS = 3
const PREVIEW_FOLDS = 5
export const PREVIEW_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95] as const

export type TopicsEngine = {
  train(corpus: TopicCorpus): TrainResult
  /** Suggestions per paper; null for a paper the last training did not see. */
  suggest(ids: ReadonlyArray<number>, limit: number): Array<LearnedSuggestion[] | null>
  /** Papers most similar to one, or null when the last training did not see it. */
  related(id: number, limit: number): RelatedHit[] | null
  /** How right a tag's suggestions were on the papers the user tagged, held out fold by fold. */
  preview(tag: string): PrecisionPoint[]
  /** True when the last training saw every one of these papers. */
  knows(ids: ReadonlyArray<number>): boolean
}

export function createTopicsEngine(): TopicsEngine {
  let index: TopicIndex | null = null
  let postings: Postings | null = null
  // kept between trainings: a retraining reads only changed papers and starts from the last model
  const terms = createTermCache()

  const autoApply = (trained: TopicIndex, corpus: TopicCorpus): TrainResult['autoApply'] => {
    const rules = corpus.autoTags
      .map((rule) => ({
        ...rule,
        t: trained.model.tags.findIndex((tag) => tag.toLowerCase() === rule.tag.toLowerCase()),
      }))
      .filter((rule) => rule.t >= 0)
    if (rules.length === 0) return []
    const out: TrainResult['autoApply'] = []
    trained.vectors.forEach((vector, i) => {
      const paperId = trained.ids[i] ?? 0
      const margins = tagMargins(trained.model, vector)
      for (const rule of rules) {
        if (trained.tagSets[i]?.has(trained.model.tags[rule.t] ?? '')) continue
        if (corpus.autoApplied.has(autoKey(paperId, rule.tag))) continue
        if (confidence(margins[rule.t] ?? 0) >= rule.threshold) out.push({ paperId, tag: rule.tag })
      }
    })
    return out
  }

  return {
    train(corpus) {
      const started = performance.now()
      const trained = buildTopicIndex(corpus.papers, { terms, warmFrom: index })
      index = trained
      postings = null
      let forYou: TrainResult['forYou'] = null
      if (corpus.kept.length > 0) {
        const known = (id: number) => trained.position.has(id)
        const kept = corpus.kept.flatMap((id, j) =>
          known(id)
            ? [{ at: trained.position.get(id) ?? 0, weight: corpus.keptWeights[j] ?? 1 }]
            : [],
        )
        const profile = interestProfile(
          trained.vectors,
          kept.map((k) => k.at),
          corpus.dismissed.flatMap((id) => trained.position.get(id) ?? []),
          trained.vocabulary.terms.length,
          kept.map((k) => k.weight),
        )
        const scores = profileScores(trained.vectors, profile)
        const dismissed = new Set(corpus.dismissed)
        // a dismissed paper goes below every other, whatever its words
        forYou = trained.ids.map((id, i) => [
          id,
          (scores[i] ?? 0) - (dismissed.has(id) ? DISMISSED_PENALTY : 0),
        ])
      }
      return {
        papers: trained.ids.length,
        tags: trained.model.tags.length,
        trainMs: performance.now() - started,
        forYou,
        autoApply: autoApply(trained, corpus),
      }
    },
    suggest(ids, limit) {
      return ids.map((id) => (index ? suggestForPaper(index, id, limit) : null))
    },
    related(id, limit) {
      const i = index?.position.get(id)
      const query = i === undefined ? undefined : index?.vectors[i]
      if (!index || i === undefined || !query) return null
      postings ??= buildPostings(index.vectors, index.vocabulary.terms.length)
      const trained = index
      return nearestPapers(postings, trained.vectors.length, query, limit, (doc) => doc === i).map(
        ({ doc, similarity }) => ({
          id: trained.ids[doc] ?? 0,
          similarity,
          sharedTopics: sharedTerms(
            query,
            trained.vectors[doc] ?? query,
            trained.vocabulary.terms,
            SHARED_TOPICS,
          ),
        }),
      )
    },
    preview(tag) {
      const counts = PREVIEW_THRESHOLDS.map((threshold) => ({ threshold, suggested: 0, right: 0 }))
      if (!index) return counts
      const trained = index
      const wanted = tag.toLowerCase()
      const tagged = trained.tagSets.flatMap((set, i) => (set.size > 0 ? [i] : []))
      const carries = (i: number) =>
        [...(trained.tagSets[i] ?? [])].some((name) => name.toLowerCase() === wanted)
      for (let fold = 0; fold < PREVIEW_FOLDS; fold += 1) {
        const train = tagged.filter((_, k) => k % PREVIEW_FOLDS !== fold)
        const held = tagged.filter((_, k) => k % PREVIEW_FOLDS === fold)
        const { model } = trainTagModel(
          toSparseRows(
            train.map(
              (i) => trained.vectors[i] ?? { idx: new Int32Array(), val: new Float32Array() },
            ),
          ),
          train.map((i) => (carries(i) ? [0] : [])),
          [tag],
          trained.vocabulary.terms.length,
        )
        for (const i of held) {
          const vector = trained.vectors[i]
          if (!vector) continue
          const score = confidence(tagMargins(model, vector)[0] ?? 0)
          for (const point of counts) {
            if (score < point.threshold) continue
            point.suggested += 1
            if (carries(i)) point.right += 1
          }
        }
      }
      return counts
    },
    knows(ids) {
      return index !== null && ids.every((id) => index?.position.has(id))
    },
  }
}
