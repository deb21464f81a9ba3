import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { displayTitle, type Paper } from '@shared/model/paper'

/** What the app copies and drags for a paper: its formatted reference, BibTeX entry and key. */
export type CitationSource = {
  /** The paper's reference (APA) and citation key (given now if it had none). */
  cite: (id: PaperId) => Promise<{ text: string; key: string }>
  /** The paper's BibTeX entry. */
  bibtex: (id: PaperId) => Promise<string>
}

/** Citations through the library's API, as `papershelf cite` and `export` make them. */
export function apiCitationSource(
  api: Pick<LibraryApi, 'citePapers' | 'exportPapers'>,
): CitationSource {
  return {
    cite: async (id) => {
      const [citation] = await api.citePapers({ ids: [id], style: 'apa' })
      if (!citation) throw new Error(`Paper ${id} could not be cited.`)
      return { text: citation.text, key: citation.key }
    },
    bibtex: async (id) =>
      (await api.exportPapers({ scope: { kind: 'papers', ids: [id] }, format: 'bibtex' })).text,
  }
}

/**
 * A reference made on the spot, for a drag that starts before the formatted citation arrived:
 * authors, year, title and the paper's address.
 */
export function quickReference(
  paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt' | 'arxivId' | 'doi'>,
): string {
  const authors = paper.authors.length > 3 ? `${paper.authors[0]} et al.` : paper.authors.join(', ')
  const year = paper.publishedAt?.slice(0, 4)
  const link = paper.doi
    ? `https://doi.org/${paper.doi}`
    : paper.arxivId
      ? `https://arxiv.org/abs/${paper.arxivId}`
      : null
  return [[authors, year ? `(${year})` : ''].filter(Boolean).join(' '), displayTitle(paper), link]
    .filter((part) => part && part.trim() !== '')
    .join('. ')
}
