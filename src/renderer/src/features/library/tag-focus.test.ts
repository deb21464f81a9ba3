import type { LibraryApi } from '@shared/api/library-api'
import type { PaperDetail } from '@shared/model/paper'
import type { PaperId } from '@shared/model/ids'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createToastStore } from '../../components/toast-store'
import { createLibraryStore, type LibraryStore } from './library-store'

const row = (id: number) => ({
  id: id as PaperId,
  arxivId: null,
  doi: null,
  title: `paper ${id}`,
  authors: [],
  authorCount: null,
  organization: null,
  publishedAt: null,
  upvotes: null,
  tags: [],
  status: 'unread' as const,
  starred: false,
  addedAt: '2026-01-01T00:00:00.000Z',
  pdf: null,
  hasNote: false,
})

describe('renderer/features/library the tag key right after moving', () => {
  let store: LibraryStore
  const details = new Map<number, (detail: PaperDetail) => void>()

  beforeEach(() => {
    vi.useFakeTimers()
    details.clear()
    const api: Partial<LibraryApi> = {
      listPaperRows: () => Promise.resolve({ rows: [1, 2, 3].map(row), total: 3 }),
      // Each paper's detail arrives only when the test says so.
      getPaper: ({ id }) => new Promise((resolve) => details.set(id, resolve)),
    }
    store = createLibraryStore({
      api: api as LibraryApi,
      subscribeToEvents: () => () => undefined,
      toasts: createToastStore(),
      debounceMs: 10,
    })
  })
  afterEach(() => vi.useRealTimers())

  const arrive = (id: number) =>
    details.get(id)?.({ ...row(id), abstract: null, note: null } as unknown as PaperDetail)

  it('opens the tag box of the focused paper, not of the one the pane still shows', async () => {
    store.setQuery('')
    await vi.advanceTimersByTimeAsync(100)
    arrive(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().detail?.id).toBe(1)

    store.moveFocus(1)
    const before = store.getState().tagFocusRequest
    store.requestTagFocus()
    await vi.advanceTimersByTimeAsync(0)
    // Paper 2's detail is not shown yet: the tag box of paper 1 must not take the keys.
    expect(store.getState().tagFocusRequest).toBe(before)
    arrive(2)
    await vi.advanceTimersByTimeAsync(0)
    expect(store.getState().detail?.id).toBe(2)
    expect(store.getState().tagFocusRequest).toBe(before + 1)

    // Once the pane shows the focused paper, the key acts at once.
    store.requestTagFocus()
    expect(store.getState().tagFocusRequest).toBe(before + 2)
  })
})
