import { describe, expect, it } from 'vitest'
import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { useTestCore } from '../../../test/helpers/test-core'

const IDS = ['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005']

async function listOf(
  api: LibraryApi,
): Promise<{ listId: number; ids: PaperId[]; arxivOf: Map<PaperId, string> }> {
  const report = await api.importText({ text: IDS.join('\n'), format: 'ids', sourceName: 'ids' })
  const list = await api.createList({ name: 'Reading group' })
  // added in an order of their own, not the import's
  const [a, b, c, d, e] = report.paperIds as [PaperId, PaperId, PaperId, PaperId, PaperId]
  await api.addToList({ listId: list.id, ids: [c, a, e, b, d] })
  const arxivOf = new Map(report.paperIds.map((id, i) => [id, IDS[i] ?? '']))
  return { listId: list.id, ids: [c, a, e, b, d], arxivOf }
}

const rowsOf = async (api: LibraryApi, listId: number, order?: 'asc' | 'desc') =>
  (await api.listPaperRows({ listId, sort: 'list', order, limit: 100 })).rows.map((r) => r.id)

describe('core: a list in its own order', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('lists a list in the order its papers were added to it, either way round', async () => {
    const { api } = openCore(tempDir())
    const { listId, ids } = await listOf(api)
    expect(await rowsOf(api, listId)).toEqual(ids)
    expect(await rowsOf(api, listId, 'desc')).toEqual([...ids].reverse())
    const window = await api.listPaperRows({ listId, sort: 'list', limit: 2, offset: 2 })
    expect(window).toMatchObject({ total: 5 })
    expect(window.rows.map((r) => r.id)).toEqual(ids.slice(2, 4))
    // outside a list view "List order" means Date added
    const all = await api.listPaperRows({ sort: 'list', limit: 100 })
    const added = await api.listPaperRows({ sort: 'added', limit: 100 })
    expect(all.rows.map((r) => r.id)).toEqual(added.rows.map((r) => r.id))
  })

  it('moves a paper before, after or to a place, and the returned move undoes it', async () => {
    const { api, core } = openCore(tempDir())
    const { listId, ids } = await listOf(api)
    const [c, a, e, b, d] = ids as [PaperId, PaperId, PaperId, PaperId, PaperId]
    const events: AppEventEnvelope[] = []
    core.events.subscribe((event) => events.push(event))

    const moved = await api.moveInList({ listId, paperId: d, before: a })
    expect(moved).toEqual({ from: 5, to: 2, undo: { listId, paperId: d, to: 5 } })
    expect(await rowsOf(api, listId)).toEqual([c, d, a, e, b])
    expect(events).toEqual([
      { type: 'library.changed', payload: { reason: 'list-order', paperIds: [d] } },
    ])

    await api.moveInList({ listId, paperId: c, after: b })
    expect(await rowsOf(api, listId)).toEqual([d, a, e, b, c])
    await api.moveInList({ listId, paperId: e, to: 1 })
    expect(await rowsOf(api, listId)).toEqual([e, d, a, b, c])

    await api.moveInList(moved.undo)
    expect(await rowsOf(api, listId)).toEqual([e, a, b, c, d])
    // a move that leaves the paper where it is changes nothing and wakes no door
    events.length = 0
    expect(await api.moveInList({ listId, paperId: d, to: 5 })).toMatchObject({ from: 5, to: 5 })
    expect(events).toEqual([])
  })

  it('keeps the order through removals and additions, new papers at the end', async () => {
    const { api } = openCore(tempDir())
    const { listId, ids } = await listOf(api)
    const [c, a, e, b, d] = ids as [PaperId, PaperId, PaperId, PaperId, PaperId]
    await api.removeFromList({ listId, ids: [a] })
    await api.moveInList({ listId, paperId: d, before: c })
    await api.addToList({ listId, ids: [a] })
    expect(await rowsOf(api, listId)).toEqual([d, c, e, b, a])
  })

  it('refuses a move it cannot make, with a message naming why', async () => {
    const { api } = openCore(tempDir())
    const { listId, ids } = await listOf(api)
    const [c, a] = ids as [PaperId, PaperId]
    const other = await api.createList({ name: 'Empty' })
    await expect(api.moveInList({ listId, paperId: c, to: 6 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('holds 5 papers: a place is 1 to 5') as unknown,
    })
    await expect(api.moveInList({ listId, paperId: c, before: c })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(api.moveInList({ listId: other.id, paperId: c, to: 1 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('is not in the list “Empty”') as unknown,
    })
    await expect(api.moveInList({ listId, paperId: c, before: a, to: 1 })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(api.moveInList({ listId: 999, paperId: c, to: 1 })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(await rowsOf(api, listId)).toEqual(ids)
  })

  it('searches inside the list and exports it in its own order', async () => {
    const { api } = openCore(tempDir())
    const { listId, ids, arxivOf } = await listOf(api)
    const [c, a, e, b, d] = ids as [PaperId, PaperId, PaperId, PaperId, PaperId]
    await api.moveInList({ listId, paperId: b, to: 1 })
    const found = await api.searchPaperRows({
      listId,
      query: 'is:unread',
      sort: 'list',
      order: 'asc',
      offset: 0,
      limit: 100,
    })
    expect(found.rows.map((r) => r.id)).toEqual([b, c, a, e, d])
    const exported = await api.exportPapers({ scope: { kind: 'list', listId }, format: 'csl-json' })
    const items = JSON.parse(exported.text) as unknown[]
    expect(items.map((item) => JSON.stringify(item))).toEqual(
      [b, c, a, e, d].map((id) => expect.stringContaining(arxivOf.get(id) ?? '?') as unknown),
    )
  })
})
