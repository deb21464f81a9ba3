// The inbox's keys against a real core: each action changes the rows at once, writes once and
// refreshes once; nothing moved comes back, and the undo puts it back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import { useTempDir } from '../../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../../test/helpers/test-core'
import { createToastStore } from '../../components/toast-store'
import { createLibraryStore, type LibraryStore } from './library-store'
import { createTriageStore, type TriageStore } from './triage-store'

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

describe('renderer/features/library/triage-store over a real core', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  let store: LibraryStore
  let triage: TriageStore
  let stop: () => void = () => undefined

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    stop()
    vi.useRealTimers()
  })

  /** The inbox of five papers, loaded, the first one under the cursor. */
  const start = async () => {
    const { api, core } = openCore(tempDir())
    const ids = Array.from({ length: 5 }, (_, i) => `2401.0000${i + 1}`).join('\n')
    await api.importText({ text: ids, format: 'ids', sourceName: 'ids', inbox: true })
    const probe = counted(api)
    const toasts = createToastStore()
    store = createLibraryStore({
      api: probe.api,
      subscribeToEvents: (listener) => core.events.subscribe(listener),
      toasts,
    })
    triage = createTriageStore({ api: probe.api, store, toasts })
    stop = store.start()
    store.setScope({ kind: 'view', view: 'inbox' })
    await vi.advanceTimersByTimeAsync(1_000)
    probe.calls.clear()
    return { ...probe, api }
  }

  it('keeps the paper under the cursor: the next one is there at once, one write and one refresh follow', async () => {
    const { calls, api } = await start()
    const [first, second] = [store.rowAt(0)?.id, store.rowAt(1)?.id]
    const keeping = triage.act('keep')
    // before the core answered
    expect(store.getState().total).toBe(4)
    expect(store.rowAt(0)?.id).toBe(second)
    await keeping
    await vi.advanceTimersByTimeAsync(1_000)
    expect(Object.fromEntries(calls)).toEqual({
      triagePapers: 1,
      listPaperRows: 1,
      libraryCounts: 1,
      listTags: 1,
      listLists: 1,
      getPaper: 1,
    })
    expect(store.getState().detail?.id).toBe(second)
    expect(store.getState().counts).toMatchObject({ inbox: 4, all: 1 })
    expect((await api.findPaper({ ref: String(first) }))?.triage).toBe('library')
  })

  it('a burst of keys moves one paper each, and Ctrl+Z puts the last one back', async () => {
    const { api } = await start()
    const order = [0, 1, 2].map((i) => store.rowAt(i)?.id)
    await Promise.all([triage.act('dismiss'), triage.act('delete'), triage.act('keep')])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.getState().total).toBe(2)
    const states = await Promise.all(
      order.map(async (id) => (await api.findPaper({ ref: String(id) }))?.triage),
    )
    expect(states).toEqual(['dismissed', 'trash', 'library'])
    await store.undo()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.getState().total).toBe(3)
    expect((await api.findPaper({ ref: String(order[2]) }))?.triage).toBe('inbox')
  })
})
