import { describe, expect, it } from 'vitest'
import type { ImportFormat } from '@shared/api/inputs'
import type { LibraryApi } from '@shared/api/library-api'
import { HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'

const page = readFixture(HF_PAGE_COPY)
const importPage = (api: LibraryApi, text = page) =>
  api.importText({ text, format: 'auto', sourceName: 'daily.txt' })

describe('import/import-text', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('imports every entry of a copied Hugging Face page', async () => {
    const { api } = openCore(tempDir())
    const report = await importPage(api)
    expect(report).toMatchObject({ format: 'hf-page', added: 12, updated: 0, unchanged: 0, refused: [] })
    const { papers, total } = await api.listPapers({ sort: 'published', limit: 100 })
    expect(total).toBe(12)
    const tidar = papers.find((p) => p.title?.startsWith('TiDAR'))
    expect(tidar).toMatchObject({
      organization: 'NVIDIA',
      authorCount: null,
      publishedAt: '2025-11-11',
      upvotes: 5,
      status: 'unread',
      starred: false,
      tags: [],
      arxivId: null,
    })
  })

  it('imports the complete entries of a copy cut mid-entry and reports the cut-off one', async () => {
    const { api } = openCore(tempDir())
    const cut = page.slice(0, page.indexOf('  • 8 authors\n·\nDec 6, 2023'))
    const report = await importPage(api, cut)
    expect(report.added).toBe(11)
    expect(report.refused).toHaveLength(1)
    expect(report.refused[0]?.entry).toMatch(/^Holmes: Towards Distributed/)
    expect(report.refused[0]?.reason).toMatch(/cut/)
  })

  it('adds nothing when the same page is imported twice', async () => {
    const { api } = openCore(tempDir())
    const first = await importPage(api)
    const second = await importPage(api)
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 12 })
    expect(second.paperIds).toEqual(first.paperIds)
    expect((await api.libraryInfo({})).paperCount).toBe(12)
  })

  it("keeps the user's tags, status, star and note when a re-import refreshes remote metadata", async () => {
    const { api } = openCore(tempDir())
    const { paperIds } = await importPage(api)
    const id = paperIds[2]
    if (id === undefined) throw new Error('expected a third paper')
    await api.tagPapers({ ids: [id], tags: ['diffusion', 'llm/decoding'] })
    await api.setStatus({ ids: [id], status: 'reading' })
    await api.setStarred({ ids: [id], starred: true })
    await api.setNote({ id, note: 'compare with Dream' })

    const bumped = page.replace('Nov 11 5', 'Nov 11 42')
    const report = await importPage(api, bumped)
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 11 })
    const paper = await api.getPaper({ id })
    expect(paper).toMatchObject({
      upvotes: 42,
      tags: ['diffusion', 'llm/decoding'],
      status: 'reading',
      starred: true,
      note: 'compare with Dream',
    })
  })

  it('puts the --tag tags on every imported paper', async () => {
    const { api } = openCore(tempDir())
    await api.importText({ text: page, format: 'hf-page', sourceName: 'p.txt', tags: ['to-read'] })
    const tags = await api.listTags({})
    expect(tags).toMatchObject([{ name: 'to-read', paperCount: 12 }])
  })

  it('records where each paper came from, with its rank on the page', async () => {
    const { api } = openCore(tempDir())
    const { paperIds } = await importPage(api)
    const paper = await api.getPaper({ id: paperIds[1] ?? paperIds[0]! })
    expect(paper.provenance).toMatchObject([{ sourceName: 'daily.txt', sourceKind: 'file:hf-page', rank: 2 }])
  })

  it('imports a list of identifiers as one paper per identity, whatever the version or URL form', async () => {
    const { api } = openCore(tempDir())
    const ids = [
      '2401.00001',
      'arXiv:2401.00001v2',
      'https://arxiv.org/pdf/2401.00001v3',
      'https://huggingface.co/papers/2402.00002',
      'hep-th/9901001',
      'https://doi.org/10.1145/3292500.3330701',
    ].join('\n')
    const report = await api.importText({ text: ids, format: 'auto', sourceName: 'ids.txt' })
    expect(report).toMatchObject({ format: 'ids', added: 4 })
    expect(report.refused.map((r) => r.line)).toEqual([2, 3])
    const paper = await api.findPaper({ ref: '2401.00001' })
    expect(paper).toMatchObject({ arxivId: '2401.00001', latestVersion: 3, title: null })
    expect(await api.findPaper({ ref: 'doi:10.1145/3292500.3330701' })).toMatchObject({ doi: '10.1145/3292500.3330701' })
  })

  describe('malformed input leaves the library exactly as it was', () => {
    const cases: Array<[string, string, ImportFormat, RegExp]> = [
      ['an empty file', '', 'auto', /empty/i],
      ['a binary file', '\u0000\u0001PK\u0003\u0004\u0000\u0000garbage\u0000', 'auto', /binary/i],
      ['a copy cut in its first entry', page.slice(0, page.indexOf('ASGDiffusion') - 300), 'hf-page', /cut/i],
      ['a separator without a date', page.replace('May 19\n', 'read more\n'), 'auto', /line \d+/],
      ['an unrecognised format', 'Dear colleague,\nplease read these papers.\n', 'auto', /Hugging Face/],
      ['an id list with a stray line', '2401.00001\nsee also the appendix\n', 'ids', /line 2/],
    ]
    it.each(cases)('refuses %s with a clear message', async (_label, text, format, message) => {
      const dir = tempDir()
      const { api } = openCore(dir)
      await importPage(api)
      const before = snapshotLibrary(dir)
      const failure = await api.importText({ text, format, sourceName: 'daily.txt' }).then(
        () => null,
        (error: Error) => error,
      )
      expect(failure?.message).toMatch(/^daily\.txt/)
      expect(failure?.message).toMatch(message)
      expect(snapshotLibrary(dir)).toEqual(before)
    })
  })

  it('rolls back every paper of an import that fails half-way', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'one.txt' })
    const before = snapshotLibrary(dir)
    withLibraryDb(dir, (db) =>
      db.exec(`CREATE TRIGGER fail_on_fourth BEFORE INSERT ON papers
               WHEN (SELECT count(*) FROM papers) >= 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END`),
    )
    await expect(importPage(api)).rejects.toThrow('disk full')
    withLibraryDb(dir, (db) => db.exec('DROP TRIGGER fail_on_fourth'))
    expect(snapshotLibrary(dir)).toEqual(before)
  })
})
