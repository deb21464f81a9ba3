import type { LibraryApi } from '@shared/api/library-api'
import type { PaperDetail } from '@shared/model/paper'
import { readFixture } from './fixtures'

/** CSL-JSON papers whose text is hard to export: TeX specials, markup, accents, Greek, a suffix. */
export const TRICKY_CSL = JSON.stringify([
  {
    id: 'tricky1',
    type: 'article-journal',
    title: '<script>alert(1)</script> & 50% of $x_1$ {braces} ~ #hash: Über Ωmega',
    author: [
      { given: 'José', family: 'Müller' },
      { given: 'Łukasz', family: 'Kaiser' },
      { given: 'Ludwig', family: 'van Beethoven' },
      { given: 'Martin Luther', family: 'King', suffix: 'Jr.' },
    ],
    issued: { 'date-parts': [[2021, 3, 9]] },
    DOI: '10.1000/xyz_123',
    'container-title': 'Journal of Things & Stuff',
  },
  {
    id: 'tricky2',
    type: 'article',
    title: 'Attention Is All You Need',
    author: [
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'Noam', family: 'Shazeer' },
    ],
    issued: { 'date-parts': [[2017, 6]] },
    URL: 'https://arxiv.org/abs/1706.03762',
  },
  {
    id: 'tricky3',
    type: 'article-journal',
    title: 'A paper known by its year',
    author: [{ literal: 'The Consortium' }],
    issued: { 'date-parts': [[1999]] },
    DOI: '10.5555/12345678',
  },
])

/** A library of real Zotero BibTeX, an awesome list and the tricky papers, some of them tagged. */
export async function buildCurationLibrary(api: LibraryApi): Promise<void> {
  await api.importText({
    text: readFixture('zotero/stock-zotero-bibtex_ethankim00-blog.bib'),
    sourceName: 'zotero.bib',
  })
  const tricky = await api.importText({
    text: TRICKY_CSL,
    format: 'csl-json',
    sourceName: 'tricky.json',
  })
  await api.importText({
    text: awesomeExcerpt(),
    format: 'awesome',
    sourceName: 'awesome.md',
  })
  const [first, second] = tricky.paperIds
  if (first === undefined || second === undefined) {
    throw new Error('the tricky papers were not imported')
  }
  await api.tagPapers({ ids: [first, second], tags: ['llm/decoding', 'to-read'] })
}

/** Every paper of a library, in full. */
export async function allPapers(api: LibraryApi): Promise<PaperDetail[]> {
  const ids = await api.listPaperIds({})
  return Promise.all(ids.map((id) => api.getPaper({ id })))
}

/** What a round trip must keep of a paper: its identity, title, authors and date. */
export function essentials(paper: PaperDetail) {
  return {
    arxivId: paper.arxivId,
    doi: paper.doi,
    title: paper.title,
    authors: paper.authors,
    publishedAt: paper.publishedAt,
  }
}

/** The first sections of the recorded awesome list (small enough to parse inline). */
export function awesomeExcerpt(): string {
  return readFixture('awesome-lists/Awesome-Parallel-Text-Generation_README.md')
    .split('\n')
    .slice(0, 40)
    .join('\n')
}
