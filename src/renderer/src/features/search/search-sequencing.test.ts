import type { LibraryApi } from '@shared/api/library-api'
import type { SearchRow, SearchRowPage } from '@shared/api/search-api'
import type { PaperId } from '@shared/model/ids'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createToastStore } from '../../components/toast-store'
import { createLibraryStore, type LibraryStore } from '../library/library-store'

type Pending = { query: string; answer: () => void }

/** A row whose title is the query it answers, so the painted rows say which query they belong to. */
function rowFor(query: string, n: number): SearchRow {
  return {
    id: n as PaperId,
    arxivId: null,
    doi: null,
    title: `answer to ${query}`,
    authors: [],
    authorCount: null,
    organization: null,
    publishedAt: null,
    upvotes: null,
    tags: [],
    status: 'unread',
    starred: false,
    addedAt: '2026-01-01T00:00:00.000Z',
    pdf: null,
    hasNote: false,
    score: 1,
    highlights: {},
    snippet: null,
  }
}

/** A library whose search answers wait until the test releases them, in any order. */
function fakeApi(pending: Pending[]): LibraryApi {
  let n = 0
  const api: Partial<LibraryApi> = {
    searchPaperRows: ({ query }) =>
      new Promise<SearchRowPage>((resolve) => {
        n += 1
        const row = rowFor(query, n)
        pending.push({
          query,
          answer: () =>
            resolve({
              total: 1,
              rows: [row],
              warnings: [{ message: `warning for ${query}`, start: 0, end: 1 }],
              corrections: [],
            }),
        })
      }),
    listPaperRows: () => Promise.resolve({ rows: [], total: 0 }),
    getPaper: () => new Promise(() => undefined),
  }
  return api as LibraryApi
}

const shown = (store: LibraryStore) =>
  Array.from({ length: store.getState().total }, (_, i) => store.rowAt(i)?.title)

describe('renderer/features/search/search-sequencing', () => {
  let pending: Pending[]
  let store: LibraryStore

  beforeEach(() => {
    vi.useFakeTimers()
    pending = []
    store = createLibraryStore({
      api: fakeApi(pending),
      subscribeToEvents: () => () => undefined,
      toasts: createToastStore(),
      debounceMs: 100,
    })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const answer = async (query: string) => {
    const entry = pending.find((p) => p.query === query)
    if (!entry) throw new Error(`no search for ${query} was sent`)
    entry.answer()
    await vi.advanceTimersByTimeAsync(0)
  }

  it('paints only the latest query when answers arrive out of order', async () => {
    store.setQuery('spec')
    await vi.advanceTimersByTimeAsync(150)
    store.setQuery('speculative')
    await vi.advanceTimersByTimeAsync(150)
    expect(pending.map((p) => p.query)).toEqual(['spec', 'speculative'])

    await answer('speculative')
    await answer('spec')

    expect(shown(store)).toEqual(['answer to speculative'])
    expect(store.getState().shownQuery).toBe('speculative')
    expect(store.getState().searchWarnings.map((w) => w.message)).toEqual([
      'warning for speculative',
    ])
  })

  it('drops an answer that arrives after the query changed but before the next search is sent', async () => {
    store.setQuery('spec')
    await vi.advanceTimersByTimeAsync(150)
    store.setQuery('specul')
    await answer('spec')
    expect(shown(store)).toEqual([])
    expect(store.getState().shownQuery).toBe('')

    await vi.advanceTimersByTimeAsync(150)
    await answer('specul')
    expect(shown(store)).toEqual(['answer to specul'])
  })

  it('sends a query at once; keys typed while a search is on its way send only the latest, when it is back', async () => {
    const latest = createLibraryStore({
      api: fakeApi(pending),
      subscribeToEvents: () => () => undefined,
      toasts: createToastStore(),
    })
    latest.setQuery('spec')
    await vi.advanceTimersByTimeAsync(0)
    expect(pending.map((p) => p.query)).toEqual(['spec'])
    latest.setQuery('specu')
    latest.setQuery('specul')
    await vi.advanceTimersByTimeAsync(500)
    // nothing more is sent while 'spec' is on its way
    expect(pending.map((p) => p.query)).toEqual(['spec'])
    await answer('spec')
    expect(pending.map((p) => p.query)).toEqual(['spec', 'specul'])
    // the answer to a query typed over is not painted
    expect(shown(latest)).toEqual([])
    await answer('specul')
    expect(shown(latest)).toEqual(['answer to specul'])
    // with nothing on its way, the next key is sent at once
    latest.setQuery('speculative')
    await vi.advanceTimersByTimeAsync(0)
    expect(pending.map((p) => p.query)).toEqual(['spec', 'specul', 'speculative'])
  })

  it('sends one search for a burst of keystrokes', async () => {
    for (const query of ['s', 'sp', 'spe', 'spec']) {
      store.setQuery(query)
      await vi.advanceTimersByTimeAsync(60)
    }
    await vi.advanceTimersByTimeAsync(150)
    expect(pending.map((p) => p.query)).toEqual(['spec'])
  })
})
