// The inbox's keys against a real core: each action changes the rows at once, writes once and
// refreshes once; nothing moved comes back, and the undo puts it back.
import { describe, expect, it, vi } from 'vitest'
import { useStoreOverCore } from '../../../../../test/helpers/store-over-core'
import type { LibraryStore } from './library-store'
import { createTriageStore, type TriageStore } from './triage-store'

describe('renderer/features/library/triage-store over a real core', () => {
  const openStore = useStoreOverCore()
  let store: LibraryStore
  let triage: TriageStore

  /** The inbox of five papers, loaded, the first one under the cursor. */
  const start = async () => {
    const opened = await openStore(async (api) => {
      const ids = Array.from({ length: 5 }, (_, i) => `2401.0000${i + 1}`).join('\n')
      await api.importText({ text: ids, format: 'ids', sourceName: 'ids', inbox: true })
    })
    const { countedApi, toasts } = opened
    store = opened.store
    triage = createTriageStore({ api: countedApi, store, toasts })
    store.setScope({ kind: 'view', view: 'inbox' })
    await vi.advanceTimersByTimeAsync(1_000)
    opened.calls.clear()
    return opened
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
