import { ParseError } from './parse-error'

// Control characters other than tab, line feed, vertical tab, form feed and carriage return, the
// C1 block and the replacement character that stands for bytes that were not valid UTF-8.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NON_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/g
const NON_TEXT_RATIO = 0.1

/** Splits text into lines on LF, CRLF or a lone CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n/)
}

/**
 * The 1-based line number of any offset in `text` (line breaks as `splitLines` counts them),
 * from one pass over the text: a file of thousands of entries asks for thousands of lines.
 */
export function lineLocator(text: string): (index: number) => number {
  const starts = [0]
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length)
  return (index) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= index) low = middle
      else high = middle - 1
    }
    return low + 1
  }
}

/** Throws a ParseError when the text is empty, blank, or looks like a binary file, not text. */
export function assertTextInput(text: string): void {
  const nul = text.indexOf('\u0000')
  if (nul >= 0) {
    throw new ParseError(
      'this looks like a binary file, not text (it contains a NUL byte)',
      lineOf(text, nul),
    )
  }
  const strange = text.match(NON_TEXT)?.length ?? 0
  if (strange > 0 && strange / text.length > NON_TEXT_RATIO) {
    const first = text.search(NON_TEXT)
    throw new ParseError(
      'this looks like a binary file, not text (too many control or undecodable characters)',
      lineOf(text, first),
    )
  }
  if (!/[^\s\u200B-\u200D\u2060\uFEFF]/.test(text)) {
    throw new ParseError('the text is empty')
  }
}

/** Shortens a line for quoting in a message: at most 80 characters, with an ellipsis. */
export function quoteLine(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed
}

function lineOf(text: string, index: number): number {
  return splitLines(text.slice(0, index)).length
}
