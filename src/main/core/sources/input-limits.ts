import { AppError } from '@shared/api/errors'
import { ParseError } from './parse-error'

/** Refuses a text longer than a format allows, before any parsing work. */
export function assertMaxChars(text: string, maxChars: number, what: string): void {
  if (text.length > maxChars) {
    throw new AppError(
      'too-large',
      `${what} of ${megabytes(text.length)} is more than the ${megabytes(maxChars)} this importer reads`,
    )
  }
}

/** Refuses a text with a line longer than `maxLine` characters (no real entry has one). */
export function assertMaxLineLength(text: string, maxLine: number, what: string): void {
  // One pass over the text: looking for the next CR and the next LF from every line's start
  // rescans the whole rest of a file that has none of one kind (seconds for a 10 MB BibTeX file).
  const breaks = /\r\n|\r|\n/g
  let start = 0
  let line = 1
  for (;;) {
    const found = breaks.exec(text)
    const end = found ? found.index : text.length
    if (end - start > maxLine) {
      throw new ParseError(
        `a line of ${megabytes(end - start)}, more than the ${megabytes(maxLine)} a line of ${what} may hold`,
        line,
      )
    }
    if (!found) return
    start = breaks.lastIndex
    line++
  }
}

function megabytes(chars: number): string {
  return chars >= 1024 * 1024
    ? `${(chars / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(chars / 1024)} KB`
}
