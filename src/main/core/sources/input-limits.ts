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
  let start = 0
  let line = 1
  while (start <= text.length) {
    const end = nextBreak(text, start)
    if (end - start > maxLine) {
      throw new ParseError(
        `a line of ${megabytes(end - start)}, more than the ${megabytes(maxLine)} a line of ${what} may hold`,
        line,
      )
    }
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1
    line++
  }
}

function nextBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from)
  const cr = text.indexOf('\r', from)
  if (lf < 0 && cr < 0) return text.length
  if (lf < 0) return cr
  if (cr < 0) return lf
  return Math.min(lf, cr)
}

function megabytes(chars: number): string {
  return chars >= 1024 * 1024
    ? `${(chars / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(chars / 1024)} KB`
}
