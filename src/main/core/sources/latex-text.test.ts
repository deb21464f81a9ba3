import { describe, expect, it } from 'vitest'
import { bracesBalance, latexToText } from './latex-text'
import { htmlToPlain, richTextToPlain } from './markup-text'

describe('sources/latex-text', () => {
  it('turns TeX accents into composed Unicode', () => {
    expect(latexToText("Journal de l'\\'Ecole polytechnique - Math\\'ematiques")).toBe(
      "Journal de l'École polytechnique - Mathématiques",
    )
    expect(latexToText('R{\\o}nnow and M{\\"u}ller')).toBe('Rønnow and Müller')
    expect(latexToText("Barth\\'elemy")).toBe('Barth\u00e9lemy')
  })

  it('leaves plain text and unbalanced fragments as they are', () => {
    expect(latexToText('Plain name')).toBe('Plain name')
    expect(latexToText('a {b')).toBe('a {b')
    expect(latexToText('a } @misc{evil, title={x}')).toBe('a } @misc{evil, title={x}')
  })

  it('tells balanced braces from unbalanced ones, escapes aside', () => {
    expect(bracesBalance('{a} \\{ {b}')).toBe(true)
    expect(bracesBalance('}{')).toBe(false)
  })
})

describe('sources/markup-text', () => {
  it('removes rich-text tags but keeps a literal less-than sign', () => {
    expect(richTextToPlain('The <i>big</i> <span class="nocase">NLP</span> a<b test')).toBe(
      'The big NLP a<b test',
    )
    expect(richTextToPlain('x<sup>2</sup> and H<sub>20</sub>')).toBe('x^2 and H_{20}')
  })

  it('turns an HTML fragment into text, dropping scripts and decoding entities once', () => {
    expect(
      htmlToPlain('<p>A &amp;amp; B</p><script>alert(1)</script><img src=x onerror=y>').trim(),
    ).toBe('A &amp; B')
  })
})
