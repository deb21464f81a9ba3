import { describe, expect, it } from 'vitest'
import { fitPanes, LIST_MIN_WIDTH } from './fit-panes'

const used = (fit: ReturnType<typeof fitPanes>) =>
  (fit.sidebarCollapsed ? 5 : fit.sidebar + 10) + LIST_MIN_WIDTH + fit.detail

describe('fitPanes', () => {
  it('keeps the chosen widths when they fit', () => {
    expect(fitPanes({ sidebar: 240, detail: 420 }, 1280)).toEqual({
      sidebar: 240,
      detail: 420,
      sidebarCollapsed: false,
    })
  })

  it('never needs more than the window from 800 px up', () => {
    for (let width = 800; width <= 1600; width += 10) {
      for (const sizes of [
        { sidebar: 240, detail: 420 },
        { sidebar: 420, detail: 760 },
        { sidebar: 180, detail: 300 },
      ]) {
        expect(used(fitPanes(sizes, width))).toBeLessThanOrEqual(width)
      }
    }
  })

  it('squeezes the detail pane first, then folds the sidebar away', () => {
    expect(fitPanes({ sidebar: 240, detail: 420 }, 1000)).toEqual({
      sidebar: 240,
      detail: 390,
      sidebarCollapsed: false,
    })
    expect(fitPanes({ sidebar: 240, detail: 420 }, 900).sidebarCollapsed).toBe(false)
    expect(fitPanes({ sidebar: 240, detail: 420 }, 800).sidebarCollapsed).toBe(true)
  })
})
