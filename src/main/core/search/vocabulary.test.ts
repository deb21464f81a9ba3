import { describe, expect, it } from 'vitest'
import { editDistance } from './edit-distance'
import { buildVocabulary } from './vocabulary'

describe('core/search/vocabulary', () => {
  const vocabulary = buildVocabulary([
    ['diffusion', 40],
    ['language', 55],
    ['models', 70],
    ['model', 12],
    ['deepspeed', 3],
    ['ulysses', 1],
    ['speculative', 9],
    ['decoding', 11],
    ['fusion', 8],
  ])

  it('counts swaps of neighbouring letters as one edit and stops past the limit', () => {
    expect(editDistance('langauge', 'language', 2)).toBe(1)
    expect(editDistance('difusion', 'diffusion', 2)).toBe(1)
    expect(editDistance('deepsped', 'deepspeed', 2)).toBe(1)
    expect(editDistance('kitten', 'sitting', 2)).toBe(3)
    expect(editDistance('abc', 'abcdef', 1)).toBe(2)
  })

  it('corrects a typo to the nearest, most common library words', () => {
    expect(vocabulary.corrections('difusion', 2, 3).map((c) => c.term)).toEqual([
      'diffusion',
      'fusion',
    ])
    expect(vocabulary.corrections('ulyses', 1, 3)).toEqual([{ term: 'ulysses', edits: 1, docs: 1 }])
    expect(vocabulary.corrections('modle', 1, 3).map((c) => c.term)).toEqual(['models', 'model'])
    expect(vocabulary.corrections('zebra', 2, 3)).toEqual([])
  })

  it('knows prefixes and completes them, most common first', () => {
    expect(vocabulary.hasPrefix('spec')).toBe(true)
    expect(vocabulary.hasPrefix('spex')).toBe(false)
    expect(vocabulary.completions('mode', 5)).toEqual(['models', 'model'])
    expect(vocabulary.docs('language')).toBe(55)
    expect(vocabulary.docs('nothing')).toBe(0)
  })
})
