// A renderer test against a real core (a SQLite file in a temp dir, every call through `dispatch`):
// `*.core.test.ts` files run in the dom project but are typechecked with the main process's config.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../../test/helpers/test-core'
import { createToastStore } from '../../components/toast-store'
import { createLibraryStore, type LibraryStore } from './library-store'

/** The API with a count of calls per method. */
function counted(api: LibraryApi): { api: LibraryApi; calls: Map<string, number> } {
  const calls = new Map<string, number>()
  const proxy = new Proxy(api, {
    get(target, method: string) {
      const call = target[method as keyof LibraryApi] as (input: unknown) => Promise<unknown>
      return (input: unknown) => {
        calls.set(method, (calls.get(method) ?? 0) + 1)
        return call(input)
      }
    },
  })
  return { api: proxy, calls }
}

describe('renderer/features/library/library-store over a real core', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  let store: LibraryStore
  let stop: () => void = () => undefined

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    stop()
    vi.useRealTimers()
  })

  /** A library screen on three papers, loaded, with the first paper open. */
  const start = async () => {
    const { api, core } = openCore(tempDir())
    await api.importText({
      text: '2401.00001\n2401.00002\n2401.00003',
      format: 'ids',
      sourceName: 'ids',
    })
    const probe = counted(api)
    store = createLibraryStore({
      api: probe.api,
      subscribeToEvents: (listener) => core.events.subscribe(listener),
      toasts: createToastStore(),
    })
    stop = store.start()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.getState().detail?.id).toBe(store.rowAt(0)?.id)
    probe.calls.clear()
    return probe
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
