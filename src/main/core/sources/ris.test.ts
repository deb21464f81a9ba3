import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { ParseError } from './parse-error'
import { parseRis } from './ris'
import { textLike, thrownAppError } from '../../../../test/helpers/expect-helpers'

const parse = (text: string) => parseRis(text, { sourceUrl: 'refs.ris' })

const failure = (text: string) => thrownAppError(() => parse(text))

describe('sources/ris', () => {
  it('reads a Taylor & Francis record field by field', () => {
    const { drafts, skipped } = parse(
      readFixture('zotero/zotero-translators_RIS-testcase-tandf.ris'),
    )
    expect(skipped).toEqual([])
    expect(drafts).toEqual([
      {
        arxivId: null,
        arxivVersion: null,
        doi: '10.3109/07434618.2014.906498',
        title: textLike(
          /^From Basic to Applied Research .* Communication:\s+Potential Contributions of Eye Tracking Research Methods$/,
        ),
        abstract: null,
        authors: [
          { name: 'Janice Light', affiliation: null },
          { name: 'David McNaughton', affiliation: null },
        ],
        publishedAt: '2014-06-01',
        suggestedTags: [],
        provenance: {
          line: 1,
          rank: 1,
          section: null,
          raw: textLike(/"TY":"JOUR"/),
        },
      },
    ])
  })

  it('reads CRLF Scopus records and skips the one without a title or identifier', () => {
    const { drafts, skipped } = parse(
      readFixture('zotero/zotero-translators_RIS-testcase-scopus-crlf.ris'),
    )
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({
      doi: '10.1016/s0027-9684(15)31340-7',
      publishedAt: '2008',
      title: textLike(/^Using focus groups to adapt/),
    })
    expect(drafts[0]?.authors?.map((a) => a.name)).toEqual([
      'C.J. Bryan',
      'L. Wetmore-Arkader',
      'T. Calvano',
      'J.A. Deatrick',
      'V.N. Giri',
      'D.W. Bruner',
    ])
    expect(skipped).toEqual([
      { line: 20, entry: 'record 2 (TY JOUR)', reason: 'neither a title nor an arXiv id or DOI' },
    ])
  })

  it('keeps every author when A1 and AU are mixed, in order', () => {
    const { drafts } = parse(
      readFixture('zotero/zotero-translators_RIS-testcase-mixed-author-tags.ris'),
    )
    expect(drafts[0]?.authors?.map((a) => a.name)).toEqual([
      'Danko Georgiev',
      'Leon Bello',
      'Avishy Carmi',
      'Eliahu Cohen',
    ])
  })

  it('reads a Zotero record with an HTML note', () => {
    const { drafts } = parse(readFixture('zotero/zotero-core-test_book_and_child_note.ris'))
    expect(drafts).toMatchObject([{ title: 'Parent', authors: [], provenance: { line: 1 } }])
  })

  it('reads a Zotero preprint export: arXiv DOI, dates with a part, keywords, continuation lines', () => {
    const text = [
      '\uFEFFTY  - GEN',
      'TI  - Speculative decoding',
      'AU  - Doe, Jane',
      'AU  - Roe, R., Jr.',
      'AB  - First line',
      'continues here.',
      'DA  - 2022/06/16/',
      'PY  - 2022',
      'DO  - 10.48550/arXiv.2206.07690',
      'UR  - http://arxiv.org/abs/2206.07690',
      'N1  - <p>Comment: 7 pages</p>',
      'KW  - Computer Science - Machine Learning',
      'KW  - decoding',
      'ER  - ',
      '',
    ].join('\r\n')
    expect(parse(text).drafts).toEqual([
      {
        arxivId: '2206.07690',
        arxivVersion: null,
        doi: null,
        title: 'Speculative decoding',
        abstract: 'First line continues here.',
        authors: [
          { name: 'Jane Doe', affiliation: null },
          { name: 'R. Roe Jr.', affiliation: null },
        ],
        publishedAt: '2022-06-16',
        suggestedTags: [
          { label: 'Computer Science - Machine Learning', origin: 'keyword' },
          { label: 'decoding', origin: 'keyword' },
        ],
        provenance: { line: 1, rank: 1, section: null, raw: textLike(/^\{"TY":"GEN"/) },
      },
    ])
  })

  it('finds an arXiv id in a note when nothing else names it', () => {
    const text = 'TY  - JOUR\nTI  - X\nN1  - arXiv: 2401.00001v2\nER  -\n'
    expect(parse(text).drafts[0]).toMatchObject({ arxivId: '2401.00001', arxivVersion: 2 })
  })

  it('refuses a tag before the first record, naming its line', () => {
    const error = failure('\nTI  - Orphan\nTY  - JOUR\nER  - \n')
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toBe("line 2: a tag before the first 'TY  - ' line: 'TI  - Orphan'")
  })

  it('reads a record start as the plugin does: a TY line needs the space after its dash', () => {
    expect(failure('\tTY  -JOUR\nTI  - Title\nER  - \n').message).toMatch(
      /no RIS records were found/,
    )
    expect(parse('TY  -JOUR\nTY  - BOOK\nTI  - B\nER  - \n').drafts).toMatchObject([
      { title: 'B', provenance: { line: 2 } },
    ])
  })

  it('refuses text without records', () => {
    expect(failure('Title: a paper\nAuthor: someone\n').message).toMatch(
      /no RIS records were found/,
    )
  })

  it('refuses a 50 MB single line by its size', () => {
    const error = failure(`TY  - JOUR\nTI  - ${'a'.repeat(50 * 1024 * 1024)}\nER  - \n`)
    expect(error.code).toBe('too-large')
  })

  it('refuses a line longer than any real tag value, naming it', () => {
    const error = failure(`TY  - JOUR\nAB  - ${'a'.repeat(2 * 1024 * 1024)}\nER  - \n`)
    expect(error.message).toMatch(/^line 2: a line of 2\.0 MB/)
  })
})
