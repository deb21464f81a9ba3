import { describe, expect, it } from 'vitest'
import type { PaperId } from '@shared/model/ids'
import { placeOf, reorderRows, sortsForScope } from './list-moves'

const id = (n: number) => n as PaperId
const rows = [1, 2, 3, 4].map((n) => ({ id: id(n) }))
const ids = (result: ReturnType<typeof reorderRows>) => result?.rows.map((row) => row.id)

describe('library/list-moves', () => {
  it('puts a row above or below another, either way through the list', () => {
    expect(ids(reorderRows(rows, id(4), id(2), 'above'))).toEqual([1, 4, 2, 3])
    expect(reorderRows(rows, id(4), id(2), 'above')?.index).toBe(1)
    expect(ids(reorderRows(rows, id(1), id(3), 'below'))).toEqual([2, 3, 1, 4])
    expect(reorderRows(rows, id(1), id(3), 'below')?.index).toBe(2)
    expect(ids(reorderRows(rows, id(2), id(1), 'above'))).toEqual([2, 1, 3, 4])
  })

  it('moves nothing onto itself or next to a row it does not hold', () => {
    expect(reorderRows(rows, id(2), id(2), 'above')).toBeNull()
    expect(reorderRows(rows, id(2), id(9), 'above')).toBeNull()
    expect(reorderRows(rows, id(9), id(2), 'above')).toBeNull()
  })

  it('turns above and below into before and after, shown first-first or last-first', () => {
    expect(placeOf(id(3), 'above', 'asc')).toEqual({ before: 3 })
    expect(placeOf(id(3), 'below', 'asc')).toEqual({ after: 3 })
    expect(placeOf(id(3), 'above', 'desc')).toEqual({ after: 3 })
    expect(placeOf(id(3), 'below', 'desc')).toEqual({ before: 3 })
  })

  it('opens a list in its own order and leaves it for date added elsewhere', () => {
    const current = { sort: 'title', order: 'asc', searchSort: 'relevance' } as const
    expect(sortsForScope({ kind: 'list', listId: 1, name: 'x' }, current)).toEqual({
      sort: 'list',
      order: 'asc',
    })
    expect(sortsForScope({ kind: 'view', view: 'all' }, current)).toEqual({})
    expect(
      sortsForScope(
        { kind: 'tag', tag: 'llm' },
        { sort: 'list', order: 'asc', searchSort: 'list' },
      ),
    ).toEqual({ sort: 'added', order: 'desc', searchSort: 'relevance' })
  })
})
