import { describe, expect, it } from 'vitest'
import { insertPapers } from '../../../../test/helpers/bulk-papers'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'

describe('core/db: a view gathered once for the searches typed in it', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  const library = () => {
    const dir = tempDir()
    const ids = insertPapers(dir, 12, (i) => ({
      title: `Sparse attention kernels ${i}`,
      // a paper tagged with a tag and its sub-tag is gathered once
      tags: i < 6 ? ['gpu', 'gpu/cuda'] : ['cpu'],
    }))
    return { dir, ids }
  }
  const idsOf = (page: { rows: ReadonlyArray<{ id: number }> }) =>
    page.rows.map((row) => row.id).sort((a, b) => a - b)

  it('sees the edits of its own process between two searches of one view', async () => {
    const { dir, ids } = library()
    const { api } = openCore(dir)
    const query = { tag: 'gpu', query: 'sparse attention' }
    expect(idsOf(await api.searchPaperRows(query))).toEqual(ids.slice(0, 6))
    await api.tagPapers({ ids: [ids[8] as number], tags: ['gpu/rocm'] })
    expect(idsOf(await api.searchPaperRows(query))).toEqual([...ids.slice(0, 6), ids[8]])
    await api.untagPapers({
      ids: [ids[0] as number, ids[8] as number],
      tags: ['gpu', 'gpu/cuda', 'gpu/rocm'],
    })
    expect(idsOf(await api.searchPaperRows(query))).toEqual(ids.slice(1, 6))
  })

  it('sees what another process wrote to the library between two searches', async () => {
    const { dir, ids } = library()
    const reader = openCore(dir).api
    const writer = openCore(dir).api
    const query = { tag: 'cpu', query: 'kernels' }
    expect(idsOf(await reader.searchPaperRows(query))).toEqual(ids.slice(6))
    await writer.tagPapers({ ids: [ids[0] as number], tags: ['cpu'] })
    expect(idsOf(await reader.searchPaperRows(query))).toEqual([ids[0], ...ids.slice(6)])
  })

  it('gathers the papers a tag and a list hold both, and switches between views', async () => {
    const { dir, ids } = library()
    const { api } = openCore(dir)
    const list = await api.createList({ name: 'reading group' })
    await api.addToList({ listId: list.id, ids: [ids[1] as number, ids[7] as number] })
    const both = await api.searchPaperRows({ tag: 'gpu', listId: list.id, query: 'sparse' })
    expect(idsOf(both)).toEqual([ids[1]])
    expect(idsOf(await api.searchPaperRows({ listId: list.id, query: 'sparse' }))).toEqual([
      ids[1],
      ids[7],
    ])
    expect(idsOf(await api.searchPaperRows({ tag: 'cpu', query: 'sparse' }))).toEqual(ids.slice(6))
  })
})
