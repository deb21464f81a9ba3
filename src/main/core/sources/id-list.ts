import type { ArxivRef } from '@shared/model/ids'
import { arxivIdFromDoi, arxivIdFromUrl, normaliseDoi, parseArxivId } from '@shared/model/ids'
import type { PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { assertTextInput, quoteLine, splitLines } from './text-input'

/** A paper identifier read from one line. */
export type Identifier = { kind: 'arxiv'; arxiv: ArxivRef } | { kind: 'doi'; doi: string }

const KNOWN_HOST = /^(?:www\.|export\.)?(?:arxiv\.org|huggingface\.co|hf\.co|(?:dx\.)?doi\.org)\//i
const TRAILING_COMMENT = /\s+[#%].*$/

/** True for a line the id list ignores: blank, or a `#` or `%` comment. */
export function isIgnorableLine(line: string): boolean {
  const trimmed = line.trim()
  return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')
}

/**
 * Reads one identifier: an arXiv id, an arXiv or Hugging Face paper URL, or a DOI (bare, `doi:` or
 * doi.org). An arXiv-assigned DOI becomes its arXiv id. Null when the line is none of these.
 */
export function parseIdentifier(line: string): Identifier | null {
  let text = line.replace(TRAILING_COMMENT, '').trim()
  if (KNOWN_HOST.test(text)) text = `https://${text}`
  const arxiv = parseArxivId(text) ?? arxivIdFromUrl(text)
  if (arxiv) return { kind: 'arxiv', arxiv }
  const doi = normaliseDoi(text)
  if (!doi) return null
  const fromDoi = arxivIdFromDoi(doi)
  if (fromDoi) return { kind: 'arxiv', arxiv: fromDoi }
  // An arXiv DOI whose id does not parse is malformed rather than a journal DOI.
  return doi.startsWith('10.48550/') ? null : { kind: 'doi', doi }
}

/** Parses paper identifiers, one per line, into drafts in order (repeats included). */
export function parseIdList(text: string): ParsedList {
  assertTextInput(text)
  const drafts: PaperDraft[] = []
  for (const [index, raw] of splitLines(text).entries()) {
    if (isIgnorableLine(raw)) continue
    const line = index + 1
    const identifier = parseIdentifier(raw)
    if (!identifier) {
      throw new ParseError(
        `not an arXiv id, arXiv or Hugging Face paper URL, or DOI: '${quoteLine(raw)}'`,
        line,
      )
    }
    const provenance = { line, rank: drafts.length + 1, section: null, raw }
    drafts.push(
      identifier.kind === 'arxiv'
        ? { arxivId: identifier.arxiv.id, arxivVersion: identifier.arxiv.version, provenance }
        : { doi: identifier.doi, provenance },
    )
  }
  if (drafts.length === 0) {
    throw new ParseError('the list has no identifiers, only blank or comment lines')
  }
  return { drafts, skipped: [] }
}
