import { describe, expect, it } from 'vitest'
import type { PaperId } from '@shared/model/ids'
import { defaultOrder, sortRows } from './sort-rows'

const row = (
  id: number,
  over: Partial<{
    title: string | null
    upvotes: number | null
    publishedAt: string | null
    addedAt: string
  }>,
) => ({
  id: id as PaperId,
  title: null,
  upvotes: null,
  publishedAt: null,
  addedAt: '2026-01-01T00:00:00.000Z',
  ...over,
})

describe('library/sort-rows', () => {
  const rows = [
    row(1, { title: 'beta', upvotes: 5, publishedAt: '2025-01-02' }),
    row(2, { title: 'Alpha', upvotes: null, publishedAt: '2025-03-01' }),
    row(3, { title: null, upvotes: 40, publishedAt: null }),
    row(4, { title: 'gamma', upvotes: 5, publishedAt: '2024-12-31' }),
  ]
  const ids = (sorted: ReadonlyArray<{ id: PaperId }>) => sorted.map((r) => r.id)

  it('sorts titles case-insensitively A to Z, unknown titles last', () => {
    expect(ids(sortRows(rows, 'title'))).toEqual([2, 1, 4, 3])
  })

  it('sorts upvotes high to low, ties by id, unknown last', () => {
    expect(ids(sortRows(rows, 'upvotes'))).toEqual([3, 4, 1, 2])
  })

  it('keeps unknown values last when the order is reversed', () => {
    expect(ids(sortRows(rows, 'published', 'asc'))).toEqual([4, 1, 2, 3])
    expect(ids(sortRows(rows, 'published', 'desc'))).toEqual([2, 1, 4, 3])
  })

  it('starts dates and upvotes newest or highest first, titles A to Z', () => {
    expect([defaultOrder('added'), defaultOrder('upvotes'), defaultOrder('title')]).toEqual([
      'desc',
      'desc',
      'asc',
    ])
  })

  it('leaves its input untouched', () => {
    const before = ids(rows)
    sortRows(rows, 'title')
    expect(ids(rows)).toEqual(before)
  })
})
