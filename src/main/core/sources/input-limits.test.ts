import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assertMaxLineLength } from './input-limits'
import { ParseError } from './parse-error'
import { splitLines } from './text-input'

/** The line the check names, or null when it lets the text through. */
function refusedLine(text: string, maxLine: number): number | null {
  try {
    assertMaxLineLength(text, maxLine, 'a test file')
    return null
  } catch (error) {
    if (error instanceof ParseError) return error.line
    throw error
  }
}

describe('sources/input-limits', () => {
  it('names the first line over the limit, whatever the line endings', () => {
    expect(refusedLine('ab\ncd\r\nefgh\rij', 3)).toBe(3)
    expect(refusedLine('ab\r\ncd\r\nef\r\nghij', 3)).toBe(4)
    expect(refusedLine('abcd', 3)).toBe(1)
    expect(refusedLine('ab\r\r\ncd\n', 3)).toBeNull()
    expect(refusedLine('', 0)).toBeNull()
  })

  it('agrees with the line splitter on any mix of LF, CRLF and CR', () => {
    const piece = fc.constantFrom('a', 'bb', 'cccc', '\n', '\r\n', '\r')
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (parts, max) => {
          const text = parts.join('')
          const first = splitLines(text).findIndex((line) => line.length > max)
          expect(refusedLine(text, max)).toBe(first === -1 ? null : first + 1)
        },
      ),
    )
  })

  it('reads a long file with no CR in one pass', () => {
    // Many LF lines and no CR: the case where looking for each line's next CR rescans the rest.
    const text = 'x'.repeat(60).concat('\n').repeat(200_000)
    expect(refusedLine(text, 60)).toBeNull()
    expect(refusedLine(`${text}${'y'.repeat(61)}`, 60)).toBe(200_001)
  })
})
