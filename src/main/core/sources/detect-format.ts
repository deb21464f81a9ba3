import { AppError } from '@shared/api/errors'
import { isHfPageCopy } from './hf-page-copy'
import { isIgnorableLine, parseIdentifier } from './id-list'
import { assertTextInput, quoteLine, splitLines } from './text-input'

/** The text formats the importer reads. */
export type TextFormat = 'hf-page' | 'ids' | 'bibtex' | 'ris' | 'csl-json' | 'feed' | 'awesome'

const KNOWN_FORMATS =
  'a copied Hugging Face papers page (select the list on the page and copy it), or a list of ' +
  'arXiv ids, arXiv or Hugging Face paper URLs, or DOIs, one per line; or a BibTeX, RIS or ' +
  'CSL-JSON file, an RSS or Atom feed, or a markdown paper list (a GitHub awesome list)'

// Only the start of a file is looked at for the structural formats, so detection stays quick.
const HEAD_CHARS = 64 * 1024
const FEED_ROOT =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b/
const RIS_RECORD = /^TY {2}- /m
const BIBTEX_ENTRY = /^\s*@\s*[a-zA-Z]+\s*[{(]/m
const MARKDOWN_LINK = /\]\(\s*https?:\/\//
const MARKDOWN_BLOCK = /^(?:#{1,6}\s|\s*(?:[-*+]|\d+\.)\s+\S|\s*\|.*\|)/m

/** Tells which format a text is in; throws `unsupported-format` when it is none the importer reads. */
export function detectFormat(text: string): TextFormat {
  assertTextInput(text)
  const head = text.slice(0, HEAD_CHARS).replace(/^\uFEFF/, '')
  const start = head.trimStart()
  if (FEED_ROOT.test(start)) return 'feed'
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json'
  if (RIS_RECORD.test(head)) return 'ris'
  if (BIBTEX_ENTRY.test(head)) return 'bibtex'
  const lines = splitLines(text)
  const stranger = lines.findIndex((line) => !isIgnorableLine(line) && !parseIdentifier(line))
  if (stranger < 0) return 'ids'
  if (isHfPageCopy(text)) return 'hf-page'
  if (MARKDOWN_LINK.test(head) && MARKDOWN_BLOCK.test(head)) return 'awesome'
  const anyId = lines.some((line) => !isIgnorableLine(line) && parseIdentifier(line))
  const hint = anyId
    ? ` Line ${stranger + 1} is not an identifier: '${quoteLine(lines[stranger] ?? '')}'.`
    : ''
  throw new AppError(
    'unsupported-format',
    `This text is in a format the importer does not know.${hint} It reads ${KNOWN_FORMATS}.`,
  )
}
