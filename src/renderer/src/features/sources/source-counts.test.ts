import { describe, expect, it } from 'vitest'
import { sourceCountsText } from './source-counts'

describe('sources/source-counts', () => {
  it('names the library and inbox counts of a source', () => {
    expect(sourceCountsText({ paperCount: 1, inboxCount: 0 })).toBe(
      '1 paper in the library, 0 in the inbox',
    )
    expect(sourceCountsText({ paperCount: 0, inboxCount: 28 })).toBe(
      '0 papers in the library, 28 in the inbox',
    )
  })
})
