import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { fixturePath, readFixture } from '../../../../test/helpers/fixtures'
import type { parseBibtex as ParseBibtex } from './bibtex'
import { parse as parseBibValue } from '@citation-js/plugin-bibtex/lib/input/value.js'
import { bracesBalance } from './latex-text'

// The whole BibTeX reader with the plain-value readers and without them (every field then goes
// through citation-js's field reader, as before they existed) gives the same drafts.

type Corpus = {
  arxivId: string
  title: string
  abstract: string
  authors: string[]
  categories: string[]
}

/** TeX the quick reader takes (a file with one unreadable field is read by the careful parser). */
function readable(tex: string): boolean {
  if (!bracesBalance(tex) || /\\(?:(?:re)?newcommand|def)(?![A-Za-z])/.test(tex)) return false
  try {
    parseBibValue(tex, 'abstract')
    return true
  } catch {
    return false
  }
}

/** A BibTeX file of the real arXiv papers as a reference manager would export them. */
function corpusBibtex(): string {
  return readFileSync(fixturePath('arxiv-corpus/papers.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Corpus)
    .filter((p) => readable(p.title) && readable(p.abstract))
    .map(
      (p, i) => `@article{paper${i},
  title = {${p.title}},
  author = {${p.authors.join(' and ')}},
  abstract = {${p.abstract}},
  keywords = {${p.categories.join(', ')}},
  journal = {arXiv e-prints},
  year = {20${p.arxivId.slice(0, 2)}},
  month = ${['jan', 'mar', 'dec'][i % 3]},
  eprint = {${p.arxivId}},
  archiveprefix = {arXiv},
  primaryclass = {${p.categories[0] ?? ''}},
}
`,
    )
    .join('\n')
}

async function readers(): Promise<{
  current: typeof ParseBibtex
  fieldReaderOnly: typeof ParseBibtex
}> {
  const current = (await import('./bibtex')).parseBibtex
  vi.resetModules()
  vi.doMock('./bibtex-plain', () => ({
    readPlainText: () => undefined,
    readPlainList: () => undefined,
    readPlainNames: () => undefined,
  }))
  const fieldReaderOnly = (await import('./bibtex')).parseBibtex
  vi.doUnmock('./bibtex-plain')
  return { current, fieldReaderOnly }
}

describe('sources/bibtex-plain (whole files)', () => {
  it.each([
    'zotero/bbt-2483_arxiv-preprint.bibtex',
    'zotero/bbt-460_arxiv-identifiers.bibtex',
    'zotero/bbt-460_arxiv-identifiers.biblatex',
    'zotero/stock-zotero-bibtex_ethankim00-blog.bib',
  ])('reads %s as the field reader alone does', async (name) => {
    const { current, fieldReaderOnly } = await readers()
    const text = readFixture(name)
    expect(current(text, { sourceUrl: name })).toEqual(fieldReaderOnly(text, { sourceUrl: name }))
  })

  it('reads the arXiv corpus as BibTeX as the field reader alone does', async () => {
    const { current, fieldReaderOnly } = await readers()
    const text = corpusBibtex()
    const read = current(text, { sourceUrl: 'corpus.bib' })
    expect(read.drafts.length).toBeGreaterThan(4_500)
    expect(read).toEqual(fieldReaderOnly(text, { sourceUrl: 'corpus.bib' }))
  }, 120_000)
})
