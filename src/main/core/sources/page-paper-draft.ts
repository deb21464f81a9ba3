import type { PagePaper } from '@shared/pages/page-paper'
import type { PaperDraft } from './paper-draft'

/** A paper found on a web page as a draft: it then meets the library like any source's. */
export function pagePaperDraft(paper: PagePaper, rank: number): PaperDraft {
  return {
    arxivId: paper.arxivId,
    arxivVersion: paper.arxivVersion,
    doi: paper.doi,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors.map((name) => ({ name })),
    authorCount: paper.authors.length > 0 ? paper.authors.length : null,
    publishedAt: paper.publishedAt,
    journalRef: paper.venue,
    pdfUrl: paper.pdfUrl,
    provenance: { line: null, rank, section: null, raw: paper.pageUrl },
  }
}
