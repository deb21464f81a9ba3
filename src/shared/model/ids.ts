import { z } from 'zod'

/** A paper's row id in a library. */
export const paperIdSchema = z.number().int().positive().brand<'PaperId'>()
export type PaperId = z.infer<typeof paperIdSchema>

/** A tag's row id in a library. */
export const tagIdSchema = z.number().int().positive().brand<'TagId'>()
export type TagId = z.infer<typeof tagIdSchema>

/** A source's (list, feed or imported file) row id in a library. */
export const sourceIdSchema = z.number().int().positive().brand<'SourceId'>()
export type SourceId = z.infer<typeof sourceIdSchema>

/** An arXiv identifier split into its versionless id and optional version. */
export type ArxivRef = { id: string; version: number | null }

const NEW_STYLE = /^(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v([1-9]\d*))?$/
const OLD_STYLE =
  /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Z]{2})?\/(\d{2})(0[1-9]|1[0-2])(\d{3})(?:v([1-9]\d*))?$/

/** Parses a bare arXiv id (new or old style, optional `arXiv:` prefix and version); null if it is not one. */
export function parseArxivId(text: string): ArxivRef | null {
  const bare = text.trim().replace(/^arxiv:\s*/i, '')
  const modern = NEW_STYLE.exec(bare)
  if (modern) {
    const [, yy, mm, num, version] = modern as unknown as [string, string, string, string, string?]
    // New-style ids start in 2007-04; four-digit sequence numbers until 2014-12, five from 2015-01.
    if (`${yy}${mm}` < '0704') return null
    const fiveDigits = `${yy}${mm}` >= '1501'
    if (num.length !== (fiveDigits ? 5 : 4)) return null
    return { id: `${yy}${mm}.${num}`, version: version ? Number(version) : null }
  }
  const legacy = OLD_STYLE.exec(bare)
  if (legacy) {
    const [, archive, yy, mm, num, version] = legacy as unknown as [
      string,
      string,
      string,
      string,
      string,
      string?,
    ]
    // Old-style ids run from 1991-07 to 2007-03.
    if (yy < '91' && `${yy}${mm}` > '0703') return null
    // The subject class is dropped: `math.CA/0611800` is the paper `math/0611800`.
    return { id: `${archive}/${yy}${mm}${num}`, version: version ? Number(version) : null }
  }
  return null
}

const ARXIV_URL =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i
const HF_PAPER_URL =
  /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/papers\/([^/?#]+?)(?:\.md)?\/?(?:[?#].*)?$/i

/** Finds the arXiv id in an arXiv abs/pdf/html URL or a Hugging Face paper URL; null otherwise. */
export function arxivIdFromUrl(url: string): ArxivRef | null {
  const match = ARXIV_URL.exec(url.trim()) ?? HF_PAPER_URL.exec(url.trim())
  return match?.[1] ? parseArxivId(safeDecode(match[1])) : null
}

/** A malformed percent escape leaves the text as it is rather than throwing. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

const DOI = /^10\.\d{4,9}\/\S+$/
const DOI_PREFIXES = /^(?:doi:\s*|https?:\/\/(?:dx\.|www\.)?doi\.org\/)/i

/** Normalises a DOI (bare, `doi:` or doi.org URL) to its lower-case bare form; null if it is not one. */
export function normaliseDoi(text: string): string | null {
  let bare = safeDecode(text.trim().replace(DOI_PREFIXES, ''))
  // DOIs are case-insensitive by definition; trailing sentence punctuation is not part of one.
  bare = bare.replace(/[.,;]+$/, '').toLowerCase()
  return DOI.test(bare) ? bare : null
}

/** The DataCite DOI arXiv assigns to a preprint, e.g. `10.48550/arxiv.2405.12345`. */
export function isArxivDoi(doi: string): boolean {
  return doi.toLowerCase().startsWith('10.48550/arxiv.')
}

/** The arXiv id inside an arXiv-assigned DOI, or null. */
export function arxivIdFromDoi(doi: string): ArxivRef | null {
  return isArxivDoi(doi) ? parseArxivId(doi.slice('10.48550/arxiv.'.length)) : null
}
