import { arxivIdFromUrl } from '@shared/model/ids'

/** What choosing a PDF address needs to know about a paper. */
export type PdfLinkFacts = {
  arxivId: string | null
  latestVersion: number | null
  /** The latest version is a withdrawal notice. */
  withdrawn: boolean
  pdfUrl: string | null
}

/** Versions tried at most, newest first. */
const MAX_VERSIONS = 3

/**
 * The addresses to try for a paper's PDF, in order: arXiv's `/pdf/<id>v<N>` from the configured
 * arXiv site (a withdrawn latest version starts at the previous one; a missing version falls back
 * to earlier ones), else its own PDF link. Empty when nothing is known.
 */
export function pdfCandidates(paper: PdfLinkFacts, arxivBase: string): string[] {
  const candidates: string[] = []
  if (paper.arxivId) {
    const base = `${arxivBase}/pdf/${paper.arxivId}`
    const latest = paper.latestVersion
    if (latest === null) candidates.push(base)
    else {
      const first = paper.withdrawn ? latest - 1 : latest
      for (let v = first; v >= 1 && v > first - MAX_VERSIONS; v -= 1) {
        candidates.push(`${base}v${v}`)
      }
    }
  }
  const own = paper.pdfUrl && isHttpUrl(paper.pdfUrl) ? paper.pdfUrl : null
  // An arXiv link of a paper with an arXiv id is already covered through the configured site.
  if (own && !(paper.arxivId && arxivIdFromUrl(own))) candidates.push(own)
  return candidates
}

/** True for an absolute http(s) URL without credentials. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === ''
    )
  } catch {
    return false
  }
}

/** A status that means "this version is not there" (try an earlier one), not a failure of the server. */
export function isMissingStatus(status: number): boolean {
  return status === 404 || status === 410
}
