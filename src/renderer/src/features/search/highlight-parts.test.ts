import { describe, expect, it } from 'vitest'
import { highlightParts } from './highlight-parts'

describe('renderer/features/search/highlight-parts', () => {
  it('splits text into plain and marked runs', () => {
    expect(highlightParts('Fast Speculative Decoding', [[5, 16]])).toEqual([
      { text: 'Fast ', marked: false },
      { text: 'Speculative', marked: true },
      { text: ' Decoding', marked: false },
    ])
  })

  it('merges overlapping ranges, sorts them and clips them to the text', () => {
    expect(
      highlightParts('abcdef', [
        [4, 99],
        [0, 2],
        [1, 3],
      ]),
    ).toEqual([
      { text: 'abc', marked: true },
      { text: 'd', marked: false },
      { text: 'ef', marked: true },
    ])
  })

  it('returns the whole text unmarked without ranges, and nothing for empty text', () => {
    expect(highlightParts('<b>plain</b>')).toEqual([{ text: '<b>plain</b>', marked: false }])
    expect(highlightParts('', [[0, 3]])).toEqual([])
  })
})
