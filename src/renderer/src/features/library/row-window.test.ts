import { describe, expect, it } from 'vitest'
import { pagesFor, pagesToEvict } from './row-window'

describe('library/row-window', () => {
  it('fetches the pages in view with one page of margin, within the total', () => {
    expect(pagesFor(0, 20, 1000, 100)).toEqual([0, 1])
    expect(pagesFor(250, 270, 1000, 100)).toEqual([1, 2, 3])
    expect(pagesFor(980, 999, 1000, 100)).toEqual([8, 9])
    expect(pagesFor(0, 10, 0, 100)).toEqual([])
  })

  it('drops the pages farthest from the view beyond the cap', () => {
    expect(pagesToEvict([0, 1, 2, 50, 51, 52], [50, 51, 52], 4)).toEqual([0, 1])
    expect(pagesToEvict([0, 1], [0], 4)).toEqual([])
  })
})
