import { describe, expect, it } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { HF_PAGE_COPY, readFixture } from '../../../test/helpers/fixtures'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { TEST_NOW, useTestCore } from '../../../test/helpers/test-core'

const IDS = ['2401.00001', '2401.00002', '2401.00003', '2401.00004'].join('\n')

async function fill(api: LibraryApi): Promise<PaperId[]> {
  const report = await api.importText({ text: IDS, format: 'ids', sourceName: 'ids.txt' })
  return [...report.paperIds]
}

const stateOf = async (api: LibraryApi) =>
  (await api.listPaperRows({ sort: 'title', limit: 100 })).rows.map((row) => ({
    id: row.id,
    tags: row.tags,
    status: row.status,
    starred: row.starred,
  }))

describe('library-ui-service', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('lists light rows one window at a time with the view total', async () => {
    const { api } = openCore(tempDir())
    await fill(api)
    const page = await api.listPaperRows({ sort: 'title', limit: 2, offset: 1 })
    expect(page.total).toBe(4)
    expect(page.rows.map((row) => row.title)).toEqual(
      ['arXiv:2401.00002', 'arXiv:2401.00003'].map(() => null),
    )
    expect(page.rows.map((row) => row.arxivId)).toEqual(['2401.00002', '2401.00003'])
    expect(page.rows[0]).not.toHaveProperty('abstract')
    expect(page.rows[0]).toMatchObject({ pdf: 'remote', hasNote: false, status: 'unread' })
  })

  it('orders windows like the full listing, unknown values last, across window edges', async () => {
    const { api } = openCore(tempDir())
    await api.importText({ text: readFixture(HF_PAGE_COPY), format: 'hf-page', sourceName: 'page' })
    await fill(api)
    for (const sort of ['upvotes', 'published', 'title', 'added'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = (await api.listPapers({ sort, order, limit: 100 })).papers.map((p) => p.id)
        const windows: PaperId[] = []
        for (let offset = 0; offset < expected.length; offset += 5) {
          const page = await api.listPaperRows({ sort, order, limit: 5, offset })
          windows.push(...page.rows.map((row) => row.id))
        }
        expect(windows, `${sort} ${order}`).toEqual(expected)
      }
    }
  })

  it('lists papers added together in the order of their source, newest or oldest first', async () => {
    const { api } = openCore(tempDir())
    const page = ['2401.00003', '2401.00001', '2401.00004', '2401.00002']
    await api.importText({ text: page.join('\n'), format: 'ids', sourceName: 'copied.txt' })
    for (const order of ['desc', 'asc'] as const) {
      const rows = (await api.listPaperRows({ sort: 'added', order, limit: 10 })).rows
      expect(
        rows.map((row) => row.arxivId),
        order,
      ).toEqual(page)
      const listed = (await api.listPapers({ sort: 'added', order, limit: 10 })).papers
      expect(
        listed.map((paper) => paper.arxivId),
        order,
      ).toEqual(page)
    }
  })

  it('narrows rows to a smart view, a tag with its sub-tags, and a list', async () => {
    const { api } = openCore(tempDir())
    const [a, b, c] = (await fill(api)) as [PaperId, PaperId, PaperId]
    await api.updatePapers({ ids: [a], status: 'read' })
    await api.updatePapers({ ids: [b], addTags: ['llm/decoding'] })
    await api.updatePapers({ ids: [c], addTags: ['llm'] })
    await api.updatePapers({ ids: [a], addTags: ['llmx'] })
    const list = await api.createList({ name: 'Reading group' })
    await api.addToList({ listId: list.id, ids: [c, a] })
    const ids = async (filter: Parameters<LibraryApi['listPaperRows']>[0]) =>
      (await api.listPaperRows(filter)).rows.map((row) => row.id).sort()
    expect(await ids({ view: 'read' })).toEqual([a])
    expect(await ids({ view: 'unread' })).toHaveLength(3)
    expect(await ids({ tag: 'llm' })).toEqual([b, c].sort())
    expect(await ids({ tag: 'llm/decoding' })).toEqual([b])
    expect(await ids({ listId: list.id })).toEqual([a, c].sort())
    expect(await api.listPaperIds({ view: 'all', tag: 'llm' })).toHaveLength(2)
  })

  it('counts the smart views and follows edits', async () => {
    const { api } = openCore(tempDir())
    const [a, b] = (await fill(api)) as [PaperId, PaperId]
    await api.updatePapers({ ids: [a, b], starred: true, status: 'reading' })
    expect(await api.libraryCounts({})).toEqual({
      all: 4,
      new: 4,
      unread: 2,
      reading: 2,
      read: 0,
      starred: 2,
      newSince: null,
    })
  })

  it('counts as new only what arrived since the previous visit began', async () => {
    const dir = tempDir()
    let now = TEST_NOW
    const { api } = openCore(dir, () => now)
    expect(await api.beginVisit({})).toEqual({ newSince: null })
    await fill(api)
    now = new Date(TEST_NOW.getTime() + 10 * 60_000)
    expect(await api.beginVisit({})).toEqual({ newSince: null })
    now = new Date(TEST_NOW.getTime() + 5 * 3600_000)
    expect(await api.beginVisit({})).toEqual({ newSince: TEST_NOW.toISOString() })
    expect((await api.libraryCounts({})).new).toBe(0)
    await api.importText({ text: '2402.00001', format: 'ids', sourceName: 'later' })
    expect((await api.libraryCounts({})).new).toBe(1)
    expect((await api.listPaperRows({ view: 'new' })).rows.map((r) => r.arxivId)).toEqual([
      '2402.00001',
    ])
  })

  it('undoes a bulk edit exactly, leaving papers that already had the change alone', async () => {
    const { api } = openCore(tempDir())
    const [a, b, c] = (await fill(api)) as [PaperId, PaperId, PaperId]
    await api.updatePapers({ ids: [a], addTags: ['survey'], status: 'read', starred: true })
    await api.updatePapers({ ids: [b], status: 'reading' })
    const before = await stateOf(api)
    const edit = await api.updatePapers({
      ids: [a, b, c],
      addTags: ['survey', 'llm'],
      status: 'unread',
      starred: true,
    })
    expect(edit.changed).toBe(2 + 3 + 2 + 2)
    expect(edit.undo).toContainEqual({ ids: [b, c], removeTags: ['survey'] })
    for (const step of edit.undo) await api.updatePapers(step)
    expect(await stateOf(api)).toEqual(before)
  })

  it('undoes removing a tag from papers that had it', async () => {
    const { api } = openCore(tempDir())
    const [a, b] = (await fill(api)) as [PaperId, PaperId]
    await api.updatePapers({ ids: [a], addTags: ['x'] })
    const edit = await api.updatePapers({ ids: [a, b], removeTags: ['x'] })
    expect(edit).toEqual({ changed: 1, undo: [{ ids: [a], addTags: ['x'] }] })
  })

  it('finds tagged papers by the tag after a bulk edit through search', async () => {
    const { api } = openCore(tempDir())
    const [a] = (await fill(api)) as [PaperId]
    await api.updatePapers({ ids: [a], addTags: ['zebrafish'] })
    expect((await api.search({ query: 'zebrafish' })).map((hit) => hit.id)).toEqual([a])
  })

  it('renames a tag with its sub-tags, and refuses a name in use', async () => {
    const { api } = openCore(tempDir())
    const [a, b] = (await fill(api)) as [PaperId, PaperId]
    await api.updatePapers({ ids: [a], addTags: ['llm', 'llm/decoding'] })
    await api.updatePapers({ ids: [b], addTags: ['vision'] })
    const tags = await api.listTags({})
    const llm = tags.find((tag) => tag.name === 'llm')!
    const renamed = await api.renameTag({ id: llm.id, name: 'language' })
    expect(renamed).toMatchObject({ name: 'language', paperCount: 1 })
    expect((await api.listTags({})).map((tag) => tag.name)).toEqual([
      'language',
      'language/decoding',
      'vision',
    ])
    await expect(api.renameTag({ id: llm.id, name: 'VISION' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })

  it('merges tags into one and deletes the merged ones', async () => {
    const { api } = openCore(tempDir())
    const [a, b, c] = (await fill(api)) as [PaperId, PaperId, PaperId]
    await api.updatePapers({ ids: [a, b], addTags: ['ml'] })
    await api.updatePapers({ ids: [b, c], addTags: ['machine-learning'] })
    const tags = await api.listTags({})
    const ml = tags.find((tag) => tag.name === 'ml')!
    const other = tags.find((tag) => tag.name === 'machine-learning')!
    await api.mergeTags({ ids: [other.id], into: ml.id })
    expect(await api.listTags({})).toEqual([{ id: ml.id, name: 'ml', color: null, paperCount: 3 }])
  })

  it('recolors, deletes and restores a tag', async () => {
    const { api } = openCore(tempDir())
    const [a, b] = (await fill(api)) as [PaperId, PaperId]
    await api.updatePapers({ ids: [a, b], addTags: ['nlp'] })
    const [nlp] = await api.listTags({})
    expect(await api.setTagColor({ id: nlp!.id, color: '#aa3300' })).toMatchObject({
      color: '#aa3300',
    })
    await expect(api.setTagColor({ id: nlp!.id, color: 'red' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    const deleted = await api.deleteTag({ id: nlp!.id })
    expect(deleted).toEqual({ name: 'nlp', color: '#aa3300', paperIds: [a, b] })
    expect(await api.listTags({})).toEqual([])
    await api.createTag({ name: deleted.name, color: deleted.color })
    await api.updatePapers({ ids: [...deleted.paperIds], addTags: [deleted.name] })
    expect(await api.listTags({})).toMatchObject([{ name: 'nlp', color: '#aa3300', paperCount: 2 }])
  })

  it('keeps user lists: create, add, rename, remove and delete', async () => {
    const { api } = openCore(tempDir())
    const [a, b] = (await fill(api)) as [PaperId, PaperId]
    const list = await api.createList({ name: 'To discuss' })
    await expect(api.createList({ name: 'to discuss' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect(await api.addToList({ listId: list.id, ids: [a, b, a] })).toEqual({ changed: 2 })
    expect(await api.renameList({ id: list.id, name: 'Journal club' })).toMatchObject({
      name: 'Journal club',
      paperCount: 2,
    })
    expect(await api.removeFromList({ listId: list.id, ids: [a] })).toEqual({ changed: 1 })
    expect(await api.listLists({})).toEqual([{ id: list.id, name: 'Journal club', paperCount: 1 }])
    await api.deleteList({ id: list.id })
    expect(await api.listLists({})).toEqual([])
    await expect(api.addToList({ listId: list.id, ids: [a] })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect((await api.libraryInfo({})).paperCount).toBe(4)
  })
})
