import { readFixture } from './fixtures'

/** A real arXiv record of the fixture corpus (primary category first). */
export type CorpusPaper = {
  arxivId: string
  title: string
  abstract: string
  authors: string[]
  categories: string[]
}

/** 589 real arXiv papers, about 100 from each of six primary categories (see test/fixtures/README.md). */
export function readTopicsCorpus(): CorpusPaper[] {
  return readFixture('arxiv-corpus/topics-600.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusPaper)
}

/** The papers as a CSL-JSON file (arXiv id in `URL`), as an import takes them. */
export function corpusAsCslJson(papers: ReadonlyArray<CorpusPaper>): string {
  return JSON.stringify(
    papers.map((paper) => ({
      id: paper.arxivId,
      type: 'article',
      title: paper.title,
      abstract: paper.abstract,
      URL: `https://arxiv.org/abs/${paper.arxivId}`,
      author: paper.authors.map((name) => ({ literal: name })),
    })),
  )
}
