import { describe, expect, it } from 'vitest'
import { bylineOf } from './paper-format'

const paper = (authors: string[], authorCount: number | null = authors.length) => ({
  authors,
  authorCount,
  organization: null,
})

describe('renderer/library/paper-format bylineOf', () => {
  it('names the first three authors and counts the rest', () => {
    expect(bylineOf(paper(['A One', 'B Two', 'C Three'], 7))).toBe('A One, B Two, C Three +4')
  })

  it('names the author a search matched when not among the first, in place of the third', () => {
    const row = paper(['A One', 'B Two', 'C Three'], 7)
    expect(bylineOf(row, 'Kenji Watanabe')).toBe('A One, B Two, … Kenji Watanabe +4')
    expect(bylineOf(row, 'B Two')).toBe('A One, B Two, C Three +4')
  })
})
