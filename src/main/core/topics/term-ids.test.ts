import { describe, expect, it } from 'vitest'
import { readTopicsCorpus } from '../../../../test/helpers/arxiv-corpus'
import { createTermCache, createTermDictionary, paperTermIds, termNames } from './term-ids'
import { paperTerms, type TopicText } from './tokenize'

const corpus = readTopicsCorpus()
const asText = (paper: (typeof corpus)[number]): TopicText => ({
  title: paper.title,
  abstract: paper.abstract,
  authors: paper.authors,
  organization: 'Some Lab',
  keywords: ['cs.CL'],
})

describe('term ids', () => {
  it('name the same terms as the string tokenizer, on real papers', () => {
    const dictionary = createTermDictionary()
    for (const paper of corpus) {
      const text = asText(paper)
      expect(termNames(paperTermIds(text, dictionary), dictionary)).toEqual(paperTerms(text))
    }
  })

  it('keep every bigram apart as the pair table grows', () => {
    const dictionary = createTermDictionary()
    const words = Array.from({ length: 400 }, (_, i) => dictionary.term(`w${i}`))
    const ids = words.flatMap((left) => words.map((right) => dictionary.pair(left, right)))
    expect(new Set(ids).size).toBe(words.length ** 2)
    expect(dictionary.pair(words[7] ?? 0, words[300] ?? 0)).toBe(ids[7 * 400 + 300])
    expect(dictionary.name(ids[7 * 400 + 300] ?? 0)).toBe('w7 w300')
  })

  it('give a term the same id every time', () => {
    const dictionary = createTermDictionary()
    const first = paperTermIds(asText(corpus[0] as (typeof corpus)[number]), dictionary)
    const size = dictionary.size
    expect(paperTermIds(asText(corpus[0] as (typeof corpus)[number]), dictionary)).toEqual(first)
    expect(dictionary.size).toBe(size)
  })

  it('are read again only for papers whose text changed', () => {
    const cache = createTermCache()
    const papers = corpus.slice(0, 3).map((paper, i) => ({ ...asText(paper), id: i + 1 }))
    const [a, b, c] = cache.read(papers)
    const edited = papers.map((paper, i) =>
      i === 1 ? { ...paper, title: 'Sparse attention for long documents' } : { ...paper },
    )
    const [a2, b2, c2] = cache.read(edited)
    expect(a2).toBe(a)
    expect(c2).toBe(c)
    expect(b2).not.toBe(b)
    expect(termNames(b2 ?? new Int32Array(), cache.dictionary)).toEqual(
      paperTerms(edited[1] as TopicText),
    )
  })

  it('start afresh once the terms of edited papers pile up', () => {
    const cache = createTermCache()
    const round = (from: number) =>
      corpus.slice(from, from + 150).map((paper, i) => ({ ...asText(paper), id: i + 1 }))
    cache.read(round(0))
    const first = cache.dictionary.size
    // the same papers rewritten again and again: their old terms are no one's any more
    for (const from of [150, 300, 450]) cache.read(round(from))
    const fresh = createTermCache()
    const docs = fresh.read(round(450))
    expect(cache.dictionary.size).toBeLessThan(2 * first + fresh.dictionary.size)
    expect(termNames(cache.read(round(450))[3] ?? new Int32Array(), cache.dictionary)).toEqual(
      termNames(docs[3] ?? new Int32Array(), fresh.dictionary),
    )
  })
})
