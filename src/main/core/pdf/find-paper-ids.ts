import { normaliseDoi, parseArxivId } from '@shared/model/ids'

/** Identifiers found in a PDF's first pages or metadata. */
export type FoundIds = { arxivId: string | null; arxivVersion: number | null; doi: string | null }

// arXiv stamps `arXiv:2401.01234v2 [cs.CL] 3 Jan 2024` in the margin of page 1; old ids look like `hep-th/9901001`.
const ARXIV_STAMP =
  /\barXiv:\s*((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/gi
const ARXIV_URL =
  /arxiv\.org\/(?:abs|pdf)\/((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*\/\d{7})(?:v\d+)?)/gi
const DOI = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/[^\s"<>]+)/gi

/** The first arXiv id and DOI in the given texts (metadata first, then page text), validated. */
export function findPaperIds(texts: ReadonlyArray<string | null>): FoundIds {
  let arxiv: { id: string; version: number | null } | null = null
  let doi: string | null = null
  for (const text of texts) {
    if (!text) continue
    // Text extraction may break `arXiv:2401.01234` across a line; joining lines keeps it whole.
    const flat = text.replace(/-\n/g, '-').replace(/\s*\n\s*/g, ' ')
    if (!arxiv) {
      for (const match of [...flat.matchAll(ARXIV_STAMP), ...flat.matchAll(ARXIV_URL)]) {
        const parsed = parseArxivId(match[1] ?? '')
        if (parsed) {
          arxiv = parsed
          break
        }
      }
    }
    if (!doi) {
      for (const match of flat.matchAll(DOI)) {
        const found = normaliseDoi((match[1] ?? '').replace(/[).,;\]]+$/, ''))
        // arXiv's own DataCite DOI names the preprint; the arXiv id says that better.
        if (found && !found.startsWith('10.48550/arxiv.')) {
          doi = found
          break
        }
        if (found && !arxiv) arxiv = parseArxivId(found.slice('10.48550/arxiv.'.length))
      }
    }
    if (arxiv && doi) break
  }
  return { arxivId: arxiv?.id ?? null, arxivVersion: arxiv?.version ?? null, doi }
}
