import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from '@shared/api/curation-api'
import type { PaperId } from '@shared/model/ids'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import {
  allPapers,
  awesomeExcerpt,
  buildCurationLibrary,
  essentials,
} from '../../../../test/helpers/curation-library'

const openCore = useTestCore()
const tempDir = useTempDir()

const IMPORT_FORMAT = {
  bibtex: 'bibtex',
  biblatex: 'bibtex',
  'csl-json': 'csl-json',
  ris: 'ris',
  awesome: 'awesome',
} as const

describe('export → import round trip', { timeout: 30_000 }, () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format}: an empty library gets the same papers, titles, authors and dates`, async () => {
      const { api } = openCore(tempDir())
      await buildCurationLibrary(api)
      const papers = await allPapers(api)
      const original = papers.map(essentials)
      const exported = await api.exportPapers({ scope: { kind: 'library' }, format })
      expect(exported.count).toBe(original.length)

      const { api: copy } = openCore(tempDir())
      const report = await copy.importText({
        text: exported.text,
        format: IMPORT_FORMAT[format],
        sourceName: `export${exported.extension}`,
      })
      expect(report.refused).toEqual([])
      const back = (await allPapers(copy)).map(essentials)
      if (format === 'awesome') {
        // A list line links the paper and shows its title; authors are for readers, not the importer.
        const ids = (p: (typeof original)[number]) => ({
          arxivId: p.arxivId,
          doi: p.doi,
          title: p.title,
        })
        expect(sortById(back.map(ids))).toEqual(sortById(original.map(ids)))
      } else {
        expect(sortById(back)).toEqual(sortById(original))
      }
    })
  }

  it('tags travel as keywords when asked, and only then', async () => {
    const { api } = openCore(tempDir())
    await buildCurationLibrary(api)
    for (const format of ['bibtex', 'biblatex', 'csl-json', 'ris'] as const) {
      const withTags = await api.exportPapers({
        scope: { kind: 'tag', tag: 'llm' },
        format,
        options: { keywords: true, abstracts: false },
      })
      const { api: copy } = openCore(tempDir())
      await copy.importText({
        text: withTags.text,
        format: IMPORT_FORMAT[format],
        sourceName: 'tags',
      })
      const papers = await allPapers(copy)
      expect(papers, format).toHaveLength(2)
      for (const paper of papers) {
        const keywords = paper.suggestedTags
          .filter((t) => t.origin === 'keyword')
          .map((t) => t.label)
        expect(keywords.sort(), format).toEqual(['llm/decoding', 'to-read'])
      }
      const without = await api.exportPapers({ scope: { kind: 'tag', tag: 'llm' }, format })
      expect(without.text, format).not.toContain('to-read')
    }
  })
})

describe('BibTeX output', { timeout: 30_000 }, () => {
  it('parses with an independent parser with no warnings, and every key is unique', async () => {
    const { api } = openCore(tempDir())
    await buildCurationLibrary(api)
    for (const format of ['bibtex', 'biblatex'] as const) {
      const { text, count } = await api.exportPapers({
        scope: { kind: 'library' },
        format,
        options: { keywords: true, abstracts: true },
      })
      const parsed = parse(text, { sentenceCase: false })
      expect(parsed.errors, format).toEqual([])
      expect(parsed.entries).toHaveLength(count)
      const keys = parsed.entries.map((e) => e.key.toLowerCase())
      expect(new Set(keys).size).toBe(keys.length)
    }
  })

  it('escapes TeX specials, keeps UTF-8 in BibLaTeX only, and writes arXiv eprints', async () => {
    const { api } = openCore(tempDir())
    await buildCurationLibrary(api)
    const tricky = await api.findPaper({ ref: '10.1000/xyz_123' })
    const arxiv = await api.findPaper({ ref: '1706.03762' })
    if (!tricky || !arxiv) throw new Error('test papers missing')
    const scope = { kind: 'papers' as const, ids: [tricky.id, arxiv.id] }
    const bibtex = (await api.exportPapers({ scope, format: 'bibtex' })).text
    expect([...bibtex].every((c) => c.charCodeAt(0) < 128)).toBe(true)
    expect(bibtex).toContain('\\&')
    expect(bibtex).toContain('50\\%')
    expect(bibtex).toContain('doi = {10.1000/xyz_123}')
    expect(bibtex).toMatch(
      /@misc\{vaswani2017attention,[^@]*eprint = \{1706\.03762\},\s*archivePrefix = \{arXiv\}/,
    )
    expect(bibtex).toContain('@article{muller2021script,')
    expect(bibtex).toContain('\\textless{}script\\textgreater{}')
    const biblatex = (await api.exportPapers({ scope, format: 'biblatex' })).text
    expect(biblatex).toContain('Müller, José')
    expect(biblatex).toContain('Ωmega')
    expect(biblatex).toContain('50\\%')
    expect(biblatex).toContain('eprinttype = {arxiv}')
    expect(biblatex).toContain('date = {2021-03-09}')
  })
})

describe('awesome Markdown', { timeout: 30_000 }, () => {
  it('exports a followed list with its sections in order, and reads back the same', async () => {
    const { api } = openCore(tempDir())
    const imported = await api.importText({
      text: awesomeExcerpt(),
      format: 'awesome',
      sourceName: 'awesome.md',
    })
    const sectionsOf = async (target: typeof api, ids: ReadonlyArray<PaperId>) =>
      Promise.all(
        ids.map(async (id) => {
          const paper = await target.getPaper({ id })
          return { title: paper.title, section: paper.provenance[0]?.section ?? null }
        }),
      )
    const before = await sectionsOf(api, imported.paperIds)
    expect(new Set(before.map((b) => b.section)).size).toBeGreaterThan(1)
    const markdown = await api.exportPapers({
      scope: { kind: 'source', sourceId: imported.sourceId },
      format: 'awesome',
    })
    const { api: copy } = openCore(tempDir())
    const back = await copy.importText({
      text: markdown.text,
      format: 'awesome',
      sourceName: 'again.md',
    })
    expect(back.refused).toEqual([])
    expect(await sectionsOf(copy, back.paperIds)).toEqual(before)
  })

  it('takes sections from sub-tags under an exported tag', async () => {
    const { api } = openCore(tempDir())
    await buildCurationLibrary(api)
    const arxiv = await api.findPaper({ ref: '2203.07687' })
    if (!arxiv) throw new Error('test paper missing')
    await api.tagPapers({ ids: [arxiv.id], tags: ['llm'] })
    const { text, count } = await api.exportPapers({
      scope: { kind: 'tag', tag: 'llm' },
      format: 'awesome',
    })
    expect(count).toBe(3)
    expect(text).toMatch(/^# llm\n\n- \[Compressing[^\n]*\n\n## decoding\n\n- /)
    expect(text).toContain('\\<script\\>')
  })
})

function sortById<T extends { arxivId: string | null; doi: string | null; title: string | null }>(
  papers: T[],
): T[] {
  const key = (p: T) => p.arxivId ?? p.doi ?? p.title ?? ''
  return [...papers].sort((a, b) => key(a).localeCompare(key(b)))
}
