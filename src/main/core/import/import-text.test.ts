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
    expect(report).toMatchObject({
      format: 'hf-page',
      added: 12,
      updated: 0,
      unchanged: 0,
      refused: [],
    })
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
    expect(paper.provenance).toMatchObject([
      { sourceName: 'daily.txt', sourceKind: 'file:hf-page', rank: 2 },
    ])
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
    expect(await api.findPaper({ ref: 'doi:10.1145/3292500.3330701' })).toMatchObject({
      doi: '10.1145/3292500.3330701',
    })
  })

  describe('malformed input leaves the library exactly as it was', () => {
    const cases: Array<[string, string, ImportFormat, RegExp]> = [
      ['an empty file', '', 'auto', /empty/i],
      ['a binary file', '\u0000\u0001PK\u0003\u0004\u0000\u0000garbage\u0000', 'auto', /binary/i],
      [
        'a copy cut in its first entry',
        page.slice(0, page.indexOf('ASGDiffusion') - 300),
        'hf-page',
        /cut/i,
      ],
      ['a separator without a date', page.replace('May 19\n', 'read more\n'), 'auto', /line \d+/],
      [
        'an unrecognised format',
        'Dear colleague,\nplease read these papers.\n',
        'auto',
        /Hugging Face/,
      ],
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

describe('import/import-text (reference files, feeds and lists)', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  const BIB = readFixture('zotero/stock-zotero-bibtex_ethankim00-blog.bib')
  const README = readFixture('awesome-lists/Awesome-Parallel-Text-Generation_README.md')
  const FEED = readFixture('arxiv-rss/assembled-from-spec_rss2_math.OC.xml')

  const files: Array<[string, string, number, string]> = [
    ['refs.bib', 'bibtex', 12, BIB],
    ['biblatex.bib', 'bibtex', 3, readFixture('zotero/bbt-460_arxiv-identifiers.biblatex')],
    ['refs.ris', 'ris', 1, readFixture('zotero/zotero-translators_RIS-testcase-scopus-crlf.ris')],
    ['refs.json', 'csl-json', 4, readFixture('zotero/bbt-pandoc-schomd.csl.json')],
    ['math.OC.xml', 'feed', 1, FEED],
    ['atom.xml', 'feed', 1, readFixture('arxiv-rss/assembled-from-spec_atom_math.OC.xml')],
  ]
  it.each(files)(
    'imports %s as %s (%i papers), and a second import adds and changes nothing',
    async (name, format, count, text) => {
      const { api } = openCore(tempDir())
      const first = await api.importText({ text, sourceName: name })
      expect(first).toMatchObject({ format, added: count, updated: 0, unchanged: 0 })
      const second = await api.importText({ text, sourceName: name })
      expect(second).toMatchObject({ format, added: 0, updated: 0, unchanged: count })
      expect(second.paperIds).toEqual(first.paperIds)
    },
  )

  it('imports a Zotero BibTeX export with the file as the source and keywords as suggested tags', async () => {
    const { api } = openCore(tempDir())
    const { paperIds } = await api.importText({ text: BIB, sourceName: 'refs.bib' })
    const paper = await api.getPaper({ id: paperIds[0]! })
    expect(paper).toMatchObject({
      arxivId: '2203.07687',
      title:
        'Compressing Sentence Representation for Semantic Retrieval via Homomorphic Projective Distillation',
      authors: ['Xuandong Zhao', 'Zhiguo Yu', 'Ming Wu', 'Lei Li'],
      publishedAt: '2022-03',
      provenance: [{ sourceName: 'refs.bib', sourceKind: 'file:bibtex', rank: 1 }],
    })
    expect(paper.suggestedTags).toContainEqual({
      label: 'Computer Science - Information Retrieval',
      origin: 'keyword',
    })
  })

  it("keeps the user's tags, status and note when a reference file is imported again with changes", async () => {
    const { api } = openCore(tempDir())
    const { paperIds } = await api.importText({ text: BIB, sourceName: 'refs.bib' })
    const id = paperIds[3]!
    await api.tagPapers({ ids: [id], tags: ['peft'] })
    await api.setStatus({ ids: [id], status: 'read' })
    await api.setNote({ id, note: 'side network' })
    const edited = BIB.replace('{LST}: {Ladder} {Side}-{Tuning}', '{LST}: {Ladder} {Side} {Tuning}')
    const report = await api.importText({ text: edited, sourceName: 'refs.bib' })
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 11 })
    expect(await api.getPaper({ id })).toMatchObject({
      title: 'LST: Ladder Side Tuning for Parameter and Memory Efficient Transfer Learning',
      tags: ['peft'],
      status: 'read',
      note: 'side network',
    })
  })

  it('imports every arXiv paper of the real awesome list, with sections, and reports its repeats', async () => {
    const { api } = openCore(tempDir())
    const report = await api.importText({ text: README, sourceName: 'README.md' })
    expect(report.format).toBe('awesome')
    const { papers } = await api.listPapers({ limit: 1000 })
    const imported = new Set(papers.map((p) => p.arxivId).filter((id) => id !== null))
    const linked = new Set(
      [...README.matchAll(/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/g)].map((m) => m[1]),
    )
    expect(imported).toEqual(linked)
    expect(report.added).toBe(papers.length)
    expect(report.added + report.refused.length).toBe(177)
    const repeat = report.refused.find((r) => r.entry.startsWith('Medusa'))
    expect(repeat?.reason).toMatch(/^the same paper as the entry on line \d+$/)
    const eagle = await api.findPaper({ ref: '2401.15077' })
    expect(eagle?.provenance).toMatchObject([
      { sourceKind: 'file:awesome', section: 'Methodology / AR-Based / Draft-and-Verify' },
    ])
    expect(eagle?.suggestedTags).toContainEqual({
      label: 'Methodology/AR-Based/Draft-and-Verify',
      origin: 'list-section',
    })
    const again = await api.importText({ text: README, sourceName: 'README.md' })
    expect(again).toMatchObject({ added: 0, updated: 0 })
  })

  it('lets arXiv metadata from a feed fill in a paper first known from a BibTeX file', async () => {
    const { api } = openCore(tempDir())
    await api.importText({
      text: '@misc{m, title = {Mass concentration}, eprint = {2203.01250}, archiveprefix = {arXiv}}',
      sourceName: 'one.bib',
    })
    const report = await api.importText({ text: FEED, sourceName: 'math.OC.xml' })
    expect(report).toMatchObject({ added: 0, updated: 1 })
    const paper = await api.findPaper({ ref: '2203.01250' })
    expect(paper).toMatchObject({
      title: 'Mass concentration in rescaled first order integral functionals',
      latestVersion: 3,
    })
    expect(paper?.provenance.map((p) => p.sourceKind)).toEqual(['file:bibtex', 'file:feed'])
  })

  describe('malformed files leave the library exactly as it was', () => {
    const big = 'a'.repeat(50 * 1024 * 1024)
    const cases: Array<[string, string, ImportFormat, RegExp]> = [
      [
        'BibTeX with unbalanced braces',
        '@misc{ok, title={A}}\n@misc{bad,\n title = {B {c,\n}\n',
        'auto',
        /line 2: entry 'bad' is not valid BibTeX/,
      ],
      [
        'a broken RIS file',
        'AU  - Doe, J.\nTY  - JOUR\nER  - \n',
        'ris',
        /line 1: a tag before the first 'TY {2}- ' line/,
      ],
      ['invalid CSL-JSON', '[{"title": "A"}, {"title": ', 'auto', /not valid JSON/],
      [
        'deeply nested JSON',
        `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
        'csl-json',
        /nested more than 16 levels/,
      ],
      [
        'truncated XML',
        FEED.slice(0, FEED.indexOf('</title>', 400)),
        'auto',
        /not well-formed XML/,
      ],
      [
        'a billion-laughs feed',
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>',
        'feed',
        /declares XML entities/,
      ],
      [
        "arXiv's error feed",
        '<rss version="2.0"><channel><title>Feed error for query: cs.XX</title><description>Invalid category</description></channel></rss>',
        'auto',
        /^bad\.file: arXiv refused the feed query: Invalid category$/,
      ],
      ['a 50 MB single line as BibTeX', `@misc{k, title = {${big}}}`, 'bibtex', /50\.0 MB/],
      ['a 50 MB single line as a feed', `<rss>${big}`, 'auto', /50\.0 MB/],
      ['a 50 MB single line as CSL-JSON', `["${big}"]`, 'csl-json', /50\.0 MB/],
      ['a 50 MB single line as RIS', `TY  - ${big}`, 'ris', /50\.0 MB/],
      [
        'a 50 MB single line as a list',
        `- [x](https://arxiv.org/abs/2401.00001) ${big}`,
        'awesome',
        /50\.0 MB/,
      ],
    ]
    it.each(cases)(
      'refuses %s with a message naming the file',
      async (_label, text, format, message) => {
        const dir = tempDir()
        const { api } = openCore(dir)
        await api.importText({ text: BIB, sourceName: 'refs.bib' })
        const before = snapshotLibrary(dir)
        const failure = await api.importText({ text, format, sourceName: 'bad.file' }).then(
          () => null,
          (error: Error) => error,
        )
        expect(failure?.message).toMatch(/^bad\.file[,:] /)
        expect(failure?.message).toMatch(message)
        expect(snapshotLibrary(dir)).toEqual(before)
      },
    )
  })
})
