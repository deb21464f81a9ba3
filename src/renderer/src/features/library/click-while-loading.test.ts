import type { LibraryApi, SearchHit } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createToastStore } from '../../components/toast-store'
import { createLibraryStore, type LibraryStore } from './library-store'

const row = (id: number): SearchHit => ({
  id: id as PaperId,
  arxivId: null,
  doi: null,
  title: `paper ${id}`,
  abstract: null,
  authors: [],
  authorCount: null,
  organization: null,
  publishedAt: null,
  upvotes: null,
  tags: [],
  status: 'unread',
  starred: false,
  note: null,
  addedAt: '2026-01-01T00:00:00.000Z',
  score: 1,
  highlights: {},
  snippet: null,
})

describe('renderer/features/library a click while rows are replaced', () => {
  let store: LibraryStore
  let releaseRows: () => void

  beforeEach(() => {
    vi.useFakeTimers()
    const api: Partial<LibraryApi> = {
      searchPaperRows: () =>
        Promise.resolve({
          rows: [{ ...row(7), pdf: null, hasNote: false }],
          total: 1,
          warnings: [],
          corrections: [],
        }),
      // The library's rows, paper 7 sixth, arrive only when the test says so.
      listPaperRows: () =>
        new Promise((resolve) => {
          releaseRows = () =>
            resolve({
              rows: [1, 2, 3, 4, 5, 7, 8].map((id) => ({ ...row(id), pdf: null, hasNote: false })),
              total: 7,
            })
        }),
      getPaper: () => new Promise(() => undefined),
    }
    store = createLibraryStore({
      api: api as LibraryApi,
      subscribeToEvents: () => () => undefined,
      toasts: createToastStore(),
      debounceMs: 10,
    })
  })
  afterEach(() => vi.useRealTimers())

  const focusedTitle = () => store.rowAt(store.getState().focusIndex)?.title

  it('focuses the paper clicked, not the first row, when the rows arrive after the click', async () => {
    store.setQuery('seven')
    await vi.advanceTimersByTimeAsync(20)
    expect(focusedTitle()).toBe('paper 7')

    // The search is cleared; its hit is still drawn when the user clicks it.
    store.setQuery('')
    await vi.advanceTimersByTimeAsync(20)
    store.click(0, { shift: false, toggle: false }, 7 as PaperId)
    releaseRows()
    await vi.advanceTimersByTimeAsync(0)

    expect(store.getState().focusIndex).toBe(5)
    expect(focusedTitle()).toBe('paper 7')
  })

  it('selects by the paper drawn, when the rows moved under the pointer', async () => {
    store.setQuery('')
    await vi.advanceTimersByTimeAsync(20)
    releaseRows()
    await vi.advanceTimersByTimeAsync(0)
    // Drawn at index 0 before the rows changed; the store now holds paper 7 at index 5.
    store.click(0, { shift: false, toggle: false }, 7 as PaperId)
    expect(focusedTitle()).toBe('paper 7')
  })
})
