// A renderer test against a real core (a SQLite file in a temp dir, every call through `dispatch`):
// `*.core.test.ts` files run in the dom project but are typechecked with the main process's config.
import { describe, expect, it, vi } from 'vitest'
import { useStoreOverCore } from '../../../../../test/helpers/store-over-core'
import type { LibraryStore } from './library-store'

describe('renderer/features/library/library-store over a real core', () => {
  const openStore = useStoreOverCore()
  let store: LibraryStore

  /** A library screen on three papers, loaded, with the first paper open. */
  const start = async () => {
    const opened = await openStore(async (api) => {
      await api.importText({
        text: '2401.00001\n2401.00002\n2401.00003',
        format: 'ids',
        sourceName: 'ids',
      })
    })
    store = opened.store
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.getState().detail?.id).toBe(store.rowAt(0)?.id)
    opened.calls.clear()
    return opened
  }

  it('an edit of one paper calls no method twice: one write, then one refresh of what it affects', async () => {
    const { calls } = await start()
    const id = store.rowAt(0)?.id
    await store.toggleStar()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(Object.fromEntries(calls)).toEqual({
      updatePapers: 1,
      listPaperRows: 1,
      libraryCounts: 1,
      listTags: 1,
      getPaper: 1,
    })
    expect(store.rowAt(0)).toMatchObject({ id, starred: true })
    expect(store.getState().detail).toMatchObject({ id, starred: true })
    expect(store.getState().counts?.starred).toBe(1)
  })

  it('a key pressed twice at once reads the new state: star, then unstar', async () => {
    await start()
    const first = store.toggleStar()
    const second = store.toggleStar()
    await Promise.all([first, second])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.rowAt(0)?.starred).toBe(false)
    expect(store.getState().counts?.starred).toBe(0)
  })

  it('while searching, an edit refreshes the matches with one search call', async () => {
    const { calls } = await start()
    store.setQuery('is:unread')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.getState().total).toBe(3)
    calls.clear()
    await store.setStatus('read')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(calls.get('updatePapers')).toBe(1)
    expect(calls.get('searchPaperRows')).toBe(1)
    expect(calls.has('listPaperRows')).toBe(false)
    expect([...calls.values()].every((n) => n === 1)).toBe(true)
    // the paper left the search's view
    expect(store.getState().total).toBe(2)
  })
})
