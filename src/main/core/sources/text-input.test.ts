import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ParseError } from './parse-error'
import { assertTextInput, lineLocator, quoteLine, splitLines } from './text-input'

function failure(text: string): ParseError {
  try {
    assertTextInput(text)
  } catch (error) {
    if (error instanceof ParseError) return error
    throw error
  }
  throw new Error('expected a ParseError')
}

describe('sources/text-input', () => {
  it('accepts ordinary text with tabs and any line ending', () => {
    expect(() => assertTextInput('a\tb\r\nc\rd\n')).not.toThrow()
  })

  it('accepts text with a few stray control characters', () => {
    expect(() => assertTextInput(`${'a normal line of text '.repeat(5)}\u0007`)).not.toThrow()
  })

  it('rejects empty and blank text without naming a line', () => {
    for (const text of ['', '   ', '\n\r\n\t', '\u200b\ufeff\n']) {
      const error = failure(text)
      expect(error.message).toBe('the text is empty')
      expect(error.line).toBeNull()
    }
  })

  it('rejects text with a NUL byte, naming its line', () => {
    const error = failure('one\r\ntwo\nthr\u0000ee')
    expect(error.line).toBe(3)
    expect(error.message).toMatch(/binary file.*NUL/)
  })

  it('rejects text made mostly of control or undecodable characters', () => {
    const error = failure('ab\n\u0001\u0002\u0003\ufffd\ufffd\u0080')
    expect(error.line).toBe(2)
    expect(error.message).toMatch(/binary file/)
  })

  it('splits lines on LF, CRLF and CR', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd'])
  })

  it('quotes at most 80 characters of a line', () => {
    expect(quoteLine('  short  ')).toBe('short')
    expect(quoteLine('y'.repeat(100))).toBe(`${'y'.repeat(79)}…`)
  })

  it('numbers the line of any offset as splitting the text before it would', () => {
    const text = fc
      .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n'), { maxLength: 60 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (sample) => {
        const lineAt = lineLocator(sample)
        for (let index = 0; index <= sample.length; index += 1) {
          // (an offset between the two characters of a CRLF is no place a text starts)
          if (sample[index - 1] === '\r' && sample[index] === '\n') continue
          expect(lineAt(index)).toBe(splitLines(sample.slice(0, index)).length)
        }
      }),
    )
  })
})
