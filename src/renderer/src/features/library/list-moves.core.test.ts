// A renderer test against a real core (a SQLite file in a temp dir, every call through `dispatch`):
// `*.core.test.ts` files run in the dom project but are typechecked with the main process's config.
import { describe, expect, it, vi } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { useStoreOverCore } from '../../../../../test/helpers/store-over-core'
import type { LibraryStore } from './library-store'

describe('renderer/features/library: moving papers in a list over a real core', () => {
  const openStore = useStoreOverCore()
  let store: LibraryStore
  let api: LibraryApi

  /** A library screen showing a list of four papers, the first focused. */
  const start = async (): Promise<{ listId: number; ids: PaperId[] }> => {
    let ids: PaperId[] = []
    let listId = 0
    const opened = await openStore(async (api) => {
      const report = await api.importText({
        text: '2401.00001\n2401.00002\n2401.00003\n2401.00004',
        format: 'ids',
        sourceName: 'ids',
      })
      ids = [...report.paperIds].reverse()
      const list = await api.createList({ name: 'Club' })
      await api.addToList({ listId: list.id, ids })
      listId = list.id
    })
    store = opened.store
    api = opened.api
    await vi.advanceTimersByTimeAsync(1_000)
    store.setScope({ kind: 'list', listId, name: 'Club' })
    await vi.advanceTimersByTimeAsync(1_000)
    return { listId, ids }
  }
  const shown = () => [0, 1, 2, 3].map((i) => store.rowAt(i)?.id)
  const stored = async (listId: number) =>
    (await api.listPaperRows({ listId, sort: 'list', limit: 10 })).rows.map((row) => row.id)

  it('opens a list in its own order and moves the focused paper, which keeps the focus', async () => {
    const { listId, ids } = await start()
    const [a, b, c, d] = ids as [PaperId, PaperId, PaperId, PaperId]
    expect(store.getState()).toMatchObject({ sort: 'list', order: 'asc' })
    expect(shown()).toEqual([a, b, c, d])
    store.focus(0)
    // two keys pressed at once: both moves land, in order
    const first = store.moveFocusedInList(1)
    const second = store.moveFocusedInList(1)
    expect(shown()).toEqual([b, c, a, d])
    expect(store.getState().focusIndex).toBe(2)
    await Promise.all([first, second])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await stored(listId)).toEqual([b, c, a, d])
    expect(shown()).toEqual([b, c, a, d])
    expect(store.rowAt(store.getState().focusIndex)?.id).toBe(a)

    // undo takes the moves back, last first
    await store.undo()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await stored(listId)).toEqual([b, a, c, d])
    await store.undo()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await stored(listId)).toEqual([a, b, c, d])
    expect(shown()).toEqual([a, b, c, d])
  })

  it('drops a paper below another, and moves nothing when sorted another way', async () => {
    const { listId, ids } = await start()
    const [a, b, c, d] = ids as [PaperId, PaperId, PaperId, PaperId]
    await store.moveInList(d, a, 'below')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await stored(listId)).toEqual([a, d, b, c])
    // last first, "below" means before in the list
    store.setSort('list', 'desc')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(shown()).toEqual([c, b, d, a])
    await store.moveInList(a, c, 'below')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await stored(listId)).toEqual([d, b, a, c])
    store.setSort('title')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(store.canMoveInList()).toBe(false)
    await store.moveInList(a, b, 'above')
    expect(await stored(listId)).toEqual([d, b, a, c])
    // leaving the list leaves its order behind
    store.setSort('list')
    store.setScope({ kind: 'view', view: 'all' })
    expect(store.getState()).toMatchObject({ sort: 'added', order: 'desc' })
  })
})
