import { AppError } from '@shared/api/errors'
import { isHfPageCopy } from './hf-page-copy'
import { isIgnorableLine, parseIdentifier } from './id-list'
import { assertTextInput, quoteLine, splitLines } from './text-input'

/** The pasted-text formats the importer reads. */
export type TextFormat = 'hf-page' | 'ids'

const KNOWN_FORMATS =
  'a copied Hugging Face papers page (select the list on the page and copy it), or a list of ' +
  'arXiv ids, arXiv or Hugging Face paper URLs, or DOIs, one per line'

/** Tells which format pasted text is in; throws `unsupported-format` when it is neither. */
export function detectFormat(text: string): TextFormat {
  assertTextInput(text)
  const lines = splitLines(text)
  const stranger = lines.findIndex((line) => !isIgnorableLine(line) && !parseIdentifier(line))
  if (stranger < 0) return 'ids'
  if (isHfPageCopy(text)) return 'hf-page'
  const anyId = lines.some((line) => !isIgnorableLine(line) && parseIdentifier(line))
  const hint = anyId
    ? ` Line ${stranger + 1} is not an identifier: '${quoteLine(lines[stranger] ?? '')}'.`
    : ''
  throw new AppError(
    'unsupported-format',
    `This text is in a format the importer does not know.${hint} It reads ${KNOWN_FORMATS}.`,
  )
}
