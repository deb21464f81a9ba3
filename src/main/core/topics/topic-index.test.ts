import { describe, expect, it } from 'vitest'
import { readTopicsCorpus, type CorpusPaper } from '../../../../test/helpers/arxiv-corpus'
import { buildTopicIndex, suggestForPaper, withParentTags, type TopicPaper } from './topic-index'
import { buildPostings, interestProfile, nearestPapers, profileScores } from './similarity'
import { wordTerms } from './tokenize'
import { createTermCache } from './term-ids'
import { tagVotes } from './tag-votes'

const corpus = readTopicsCorpus()
const primary = (i: number) => corpus[i]?.categories[0]
/** Every fifth paper is held out: untagged in the library, as a new paper is. */
const heldOut = (i: number) => i % 5 === 0

const asPaper = (paper: CorpusPaper, i: number, tags: ReadonlyArray<string>): TopicPaper => ({
  id: i + 1,
  title: paper.title,
  abstract: paper.abstract,
  authors: paper.authors,
  organization: null,
  keywords: [],
  tags,
})

describe('topic index on real arXiv papers', () => {
  const index = buildTopicIndex(
    corpus.map((paper, i) => asPaper(paper, i, heldOut(i) ? [] : paper.categories)),
  )
  const held = corpus.map((_, i) => i).filter(heldOut)

  it('suggests the primary category of held-out papers among its first three', () => {
    const hits = held.filter((i) =>
      (suggestForPaper(index, i + 1, 3) ?? []).some((s) => s.tag === primary(i)),
    ).length
    expect(held.length).toBeGreaterThan(100)
    expect(hits / held.length).toBeGreaterThan(0.9)
  })

  it('gives a confidence and names words of the paper as the reason', () => {
    const i = held.find((k) => primary(k) === 'cs.CL') ?? 0
    const [best] = suggestForPaper(index, i + 1, 1) ?? []
    expect(best?.score).toBeGreaterThan(0)
    expect(best?.score).toBeLessThan(1)
    const terms = new Set(wordTerms(`${corpus[i]?.title} ${corpus[i]?.abstract}`))
    expect(best?.reason.length).toBeGreaterThan(0)
    for (const word of best?.reason ?? []) expect(terms.has(word)).toBe(true)
  })

  it('leaves out the tags a paper already has', () => {
    const tagged = corpus.findIndex((_, i) => !heldOut(i))
    const tags = new Set(corpus[tagged]?.categories)
    for (const s of suggestForPaper(index, tagged + 1, 5) ?? []) expect(tags.has(s.tag)).toBe(false)
  })

  it('learns a parent tag from its sub-tags', () => {
    expect(withParentTags('ml/nlp/decoding')).toEqual(['ml', 'ml/nlp', 'ml/nlp/decoding'])
    const nested = buildTopicIndex(
      corpus.map((paper, i) =>
        asPaper(paper, i, heldOut(i) ? [] : [`field/${(primary(i) ?? '').replace('.', '-')}`]),
      ),
    )
    const i = held.find((k) => primary(k) === 'astro-ph.GA') ?? 0
    const tags = (suggestForPaper(nested, i + 1, 2) ?? []).map((s) => s.tag)
    expect(tags).toEqual(expect.arrayContaining(['field', 'field/astro-ph-GA']))
  })

  it('finds related papers of the same field and names what they share', () => {
    const postings = buildPostings(index.vectors, index.vocabulary.terms.length)
    let same = 0
    for (const i of held) {
      const query = index.vectors[i]
      if (!query) continue
      const near = nearestPapers(postings, index.vectors.length, query, 10, (doc) => doc === i)
      expect(near.map((n) => n.doc)).not.toContain(i)
      same += near.filter((n) => primary(n.doc) === primary(i)).length / 10
    }
    expect(same / held.length).toBeGreaterThan(0.7)
  })

  it('ranks papers like the kept ones first and the dismissed field down', () => {
    const kept = corpus
      .flatMap((_, i) => (!heldOut(i) && primary(i) === 'math.RT' ? [i] : []))
      .slice(0, 10)
    const top = (dismissed: number[]) => {
      const scores = profileScores(
        index.vectors,
        interestProfile(index.vectors, kept, dismissed, index.vocabulary.terms.length),
      )
      return held.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, 10)
    }
    expect(top([]).filter((i) => primary(i) === 'math.RT').length).toBeGreaterThanOrEqual(9)
    const cv = corpus.flatMap((_, i) => (!heldOut(i) && primary(i) === 'cs.CV' ? [i] : []))
    const scoresWith = profileScores(
      index.vectors,
      interestProfile(index.vectors, kept, cv, index.vocabulary.terms.length),
    )
    const scoresWithout = profileScores(
      index.vectors,
      interestProfile(index.vectors, kept, [], index.vocabulary.terms.length),
    )
    const heldCv = held.filter((i) => primary(i) === 'cs.CV')
    const mean = (scores: Float32Array) =>
      heldCv.reduce((sum, i) => sum + (scores[i] ?? 0), 0) / heldCv.length
    expect(mean(scoresWith)).toBeLessThan(mean(scoresWithout))
  })

  it('trains the same model from the same papers', { timeout: 30_000 }, () => {
    const again = buildTopicIndex(
      corpus.map((paper, i) => asPaper(paper, i, heldOut(i) ? [] : paper.categories)),
    )
    const bytes = (weights: Float32Array) =>
      Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)
    expect(bytes(again.model.weights).equals(bytes(index.model.weights))).toBe(true)
    expect(Buffer.from(index.model.bias.buffer).some((b) => b !== 0)).toBe(true)
  })

  it('lets the nearest tagged papers vote, never the paper itself', () => {
    const papers = corpus.map((paper, i) =>
      asPaper(
        paper,
        i,
        heldOut(i) ? [] : i === 1 ? [...paper.categories, 'solo'] : paper.categories,
      ),
    )
    const built = buildTopicIndex(papers)
    const solo = built.model.tags.indexOf('solo')
    const vector = built.vectors[1] ?? { idx: new Int32Array(), val: new Float32Array() }
    expect(tagVotes(built.voters, built.model.tags.length, vector, null)[solo]).toBeGreaterThan(0)
    expect(tagVotes(built.voters, built.model.tags.length, vector, 2)[solo]).toBe(0)
    const votes = tagVotes(built.voters, built.model.tags.length, built.vectors[0] ?? vector, null)
    expect(votes.reduce((a, b) => Math.max(a, b), 0)).toBeLessThanOrEqual(1)
    expect(votes[built.model.tags.indexOf(primary(0) ?? '')]).toBeGreaterThan(0.5)
  })

  it(
    'retrains after a few edits from the last model and ends where a fresh training does',
    { timeout: 60_000 },
    () => {
      const terms = createTermCache()
      const papers = corpus.map((paper, i) => asPaper(paper, i, heldOut(i) ? [] : paper.categories))
      const before = buildTopicIndex(papers, { terms })
      // the user tags five held-out papers, one with a new tag
      const edited = papers.map((paper, i) =>
        i % 5 === 0 && i < 25
          ? { ...paper, tags: [...(corpus[i]?.categories ?? []), i === 0 ? 'to-read' : 'math'] }
          : paper,
      )
      const warm = buildTopicIndex(edited, { terms, warmFrom: before })
      const fresh = buildTopicIndex(edited)
      expect(warm.model.tags).toEqual(fresh.model.tags)
      expect(warm.model.tags).toContain('to-read')
      expect(warm.trained.ids.length).toBe(before.trained.ids.length + 5)
      let largest = 0
      warm.model.weights.forEach(
        (w, k) => (largest = Math.max(largest, Math.abs(w - (fresh.model.weights[k] ?? 0)))),
      )
      expect(largest).toBeLessThan(0.05)
      const top = (built: typeof warm, i: number) => suggestForPaper(built, i + 1, 1)?.[0]?.tag
      const agree = held.filter((i) => top(warm, i) === top(fresh, i)).length
      expect(agree / held.length).toBeGreaterThan(0.97)
    },
  )
})

describe('terms', () => {
  it('drops inline math, folds plurals and pairs neighbouring words', () => {
    expect(wordTerms('Large Language Models with $\\alpha$-divergences')).toEqual([
      'large',
      'language',
      'large language',
      'model',
      'language model',
      'divergence',
    ])
  })
})
