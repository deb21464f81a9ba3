import { describe, expect, it } from 'vitest'
import { splitMath } from './inline-math'

describe('detail/inline-math', () => {
  it('splits inline and display formulas from text', () => {
    expect(splitMath('costs $O(n^2)$ and $$\\sum_i x_i$$ too')).toEqual([
      { kind: 'text', text: 'costs ' },
      { kind: 'math', tex: 'O(n^2)', display: false },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '\\sum_i x_i', display: true },
      { kind: 'text', text: ' too' },
    ])
  })

  it('leaves escaped, unclosed and empty dollars as text', () => {
    expect(splitMath('price \\$5 and $ alone and $$')).toEqual([
      { kind: 'text', text: 'price $5 and $ alone and $$' },
    ])
  })

  it('reads \\( \\) and \\[ \\] delimiters', () => {
    expect(splitMath('\\(a\\) \\[b\\]').filter((p) => p.kind === 'math')).toEqual([
      { kind: 'math', tex: 'a', display: false },
      { kind: 'math', tex: 'b', display: true },
    ])
  })

  it('does not let a stray dollar swallow paragraphs', () => {
    expect(splitMath('costs $5.\n\nLater it costs $6.')).toEqual([
      { kind: 'text', text: 'costs $5.\n\nLater it costs $6.' },
    ])
  })
})
