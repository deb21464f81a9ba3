import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect-format'
import { ParseError } from './parse-error'
import { thrownAppError } from '../../../../test/helpers/expect-helpers'
import { HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'

const sample = readFixture(HF_PAGE_COPY)
const fixture = readFixture

const failure = (text: string) => thrownAppError(() => detectFormat(text))

describe('sources/detect-format', () => {
  it('detects a list of identifiers with comments and blank lines', () => {
    const text = '# to read\n2401.00001\n\nhttps://arxiv.org/abs/2401.00002\n10.1000/xyz\r\n'
    expect(detectFormat(text)).toBe('ids')
  })

  it('detects the copied Hugging Face page', () => {
    expect(detectFormat(sample)).toBe('hf-page')
  })

  it('detects the one-line variant of a page copy', () => {
    expect(detectFormat('A Title\n\nAn abstract.\n\n  • 7 authors · May 19\n')).toBe('hf-page')
  })

  it('detects a page copy with one malformed separator, so the parser can name its line', () => {
    const text = 'A\n\nAn abstract.\n\n·\nsoon\n\nB\n\nAnother.\n\n·\nMay 19'
    expect(detectFormat(text)).toBe('hf-page')
  })

  it('does not take a lone bullet line for a page copy', () => {
    expect(failure('Shopping:\n•\nmilk').code).toBe('unsupported-format')
  })

  it('rejects other text as an unsupported format and lists the known ones', () => {
    const error = failure('Dear colleagues,\nplease read these papers.')
    expect(error).not.toBeInstanceOf(ParseError)
    expect(error.code).toBe('unsupported-format')
    expect(error.message).toContain('a copied Hugging Face papers page')
    expect(error.message).toContain('arXiv ids, arXiv or Hugging Face paper URLs, or DOIs')
    expect(error.message).toContain('a BibTeX, RIS or CSL-JSON file, an RSS or Atom feed')
  })

  it('names the first line that is not an identifier in a mostly-id list', () => {
    const error = failure('2401.00001\n2401.00002\nsee also the slides')
    expect(error.code).toBe('unsupported-format')
    expect(error.message).toContain("Line 3 is not an identifier: 'see also the slides'")
  })

  it('detects a BibTeX file, even after a comment or blank lines', () => {
    expect(detectFormat('% exported\n\n@misc{key,\n  title = {T}\n}\n')).toBe('bibtex')
    expect(detectFormat(fixture('zotero/stock-zotero-bibtex_ethankim00-blog.bib'))).toBe('bibtex')
  })

  it('detects an RIS file with LF or CRLF endings', () => {
    expect(detectFormat(fixture('zotero/zotero-translators_RIS-testcase-tandf.ris'))).toBe('ris')
    expect(detectFormat(fixture('zotero/zotero-translators_RIS-testcase-scopus-crlf.ris'))).toBe(
      'ris',
    )
  })

  it('detects CSL-JSON, as an array or one item', () => {
    expect(detectFormat(fixture('zotero/bbt-pandoc-schomd.csl.json'))).toBe('csl-json')
    expect(detectFormat('\uFEFF{"title": "x"}')).toBe('csl-json')
  })

  it('detects RSS and Atom feeds, with or without an XML declaration', () => {
    expect(detectFormat(fixture('arxiv-rss/assembled-from-spec_rss2_math.OC.xml'))).toBe('feed')
    expect(detectFormat(fixture('arxiv-rss/assembled-from-spec_atom_math.OC.xml'))).toBe('feed')
    expect(detectFormat('<!-- note -->\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBe(
      'feed',
    )
  })

  it('detects a markdown paper list', () => {
    expect(detectFormat(fixture('awesome-lists/Awesome-Parallel-Text-Generation_README.md'))).toBe(
      'awesome',
    )
    expect(
      detectFormat(
        '- [A paper](https://arxiv.org/abs/2401.00001)\n- [B](https://example.org/b.pdf)\n',
      ),
    ).toBe('awesome')
  })

  it('still reads a plain list of arXiv URLs as identifiers, not as markdown', () => {
    expect(
      detectFormat('https://arxiv.org/abs/2401.00001\nhttps://arxiv.org/abs/2401.00002\n'),
    ).toBe('ids')
  })

  it('rejects empty input with a parse error', () => {
    const error = failure('\n  \n')
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(/empty/)
  })

  it('rejects binary input with a parse error', () => {
    const error = failure('%PDF-1.7\n\u0000\u0000\u0000')
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(/binary/)
  })
})
