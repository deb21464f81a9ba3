import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseBibtex } from './bibtex'
import { ParseError } from './parse-error'
import { textLike, thrownAppError } from '../../../../test/helpers/expect-helpers'

const options = { sourceUrl: 'refs.bib' }
const parse = (text: string) => parseBibtex(text, options)

const failure = (text: string) => thrownAppError(() => parse(text))

describe('sources/bibtex', () => {
  it('reads a Better BibTeX arXiv preprint field by field', () => {
    const { drafts, skipped } = parse(readFixture('zotero/bbt-2483_arxiv-preprint.bibtex'))
    expect(skipped).toEqual([])
    expect(drafts).toEqual([
      {
        arxivId: '2206.07690',
        arxivVersion: null,
        // The arXiv DOI names the preprint, not a published version.
        doi: null,
        title:
          'ELUDE: Generating Interpretable Explanations via a Decomposition into Labelled and Unlabelled Features',
        abstract: null,
        authors: [
          { name: 'Vikram V. Ramaswamy', affiliation: null },
          { name: 'Sunnie S. Y. Kim', affiliation: null },
          { name: 'Nicole Meister', affiliation: null },
          { name: 'Ruth Fong', affiliation: null },
          { name: 'Olga Russakovsky', affiliation: null },
        ],
        publishedAt: '2022-06',
        suggestedTags: [
          { label: 'cs', origin: 'arxiv-category' },
          { label: 'eess', origin: 'arxiv-category' },
          { label: 'q-bio', origin: 'arxiv-category' },
        ],
        provenance: {
          line: 1,
          rank: 1,
          section: null,
          raw: textLike(/^@misc\{Ramaswamy2022/),
        },
      },
    ])
  })

  it('reads BibTeX accents, journal DOIs and eprint ids from the Better BibTeX export', () => {
    const { drafts } = parse(readFixture('zotero/bbt-460_arxiv-identifiers.bibtex'))
    expect(drafts.map((d) => [d.arxivId, d.doi, d.publishedAt, d.provenance.line])).toEqual([
      ['1401.2910', '10.1126/science.1252319', '2014-07', 1],
      ['1508.05387', '10.1007/jhep02(2016)087', '2016-02', 21],
      ['1305.4904', null, '2013-05', 39],
    ])
    expect(drafts[0]?.authors?.[0]).toEqual({ name: 'Troels F. Rønnow', affiliation: null })
    expect(drafts[0]?.authors).toHaveLength(9)
    expect(drafts[1]?.title).toBe(
      'BV Master Action for Heterotic and Type II String Field Theories',
    )
    expect(drafts[1]?.suggestedTags).toContainEqual({
      label: 'Batalin-Vilkoviski formalism',
      origin: 'keyword',
    })
    expect(drafts[0]?.abstract).toMatch(
      /^The development of small-scale digital and analog quantum devices/,
    )
  })

  it('reads the BibLaTeX form: eprinttype, full dates', () => {
    const { drafts } = parse(readFixture('zotero/bbt-460_arxiv-identifiers.biblatex'))
    expect(drafts.map((d) => [d.arxivId, d.publishedAt])).toEqual([
      ['1401.2910', '2014-07-25'],
      ['1508.05387', '2016-02'],
      ['1305.4904', '2013-05-21'],
    ])
    expect(drafts[0]?.authors?.[0]?.name).toBe('Troels F. Rønnow')
  })

  it('reads a stock Zotero export with a Google Scholar entry at its end', () => {
    const { drafts, skipped } = parse(readFixture('zotero/stock-zotero-bibtex_ethankim00-blog.bib'))
    expect(skipped).toEqual([])
    expect(drafts.map((d) => d.arxivId)).toEqual([
      '2203.07687',
      '2208.09684',
      '2009.14167',
      '2206.06522',
      '2205.12410',
      null,
      '1503.02531',
      '2203.06904',
      '2208.07339',
      '2206.01861',
      '2205.14135',
      '2208.11503',
    ])
    const [first] = drafts
    expect(first).toMatchObject({
      title:
        'Compressing Sentence Representation for Semantic Retrieval via Homomorphic Projective Distillation',
      authors: [
        { name: 'Xuandong Zhao' },
        { name: 'Zhiguo Yu' },
        { name: 'Ming Wu' },
        { name: 'Lei Li' },
      ],
      publishedAt: '2022-03',
      suggestedTags: [
        { label: 'Computer Science - Computation and Language', origin: 'keyword' },
        { label: 'Computer Science - Information Retrieval', origin: 'keyword' },
      ],
      provenance: { line: 2, rank: 1 },
    })
    expect(drafts[5]).toMatchObject({
      title: 'Adaptive Budget Allocation for Parameter-Efficient Fine-Tuning',
      authors: [{ name: 'Anonymous' }],
    })
    expect(drafts[10]?.authors?.at(-1)?.name).toBe('Christopher Ré')
    expect(drafts[11]).toMatchObject({
      title: 'DPTDR: Deep Prompt Tuning for Dense Passage Retrieval',
      publishedAt: '2022',
    })
  })

  it('turns TeX commands into Unicode text and markup into plain text', () => {
    const text = String.raw`@article{k,
  title = {The \textit{Ma{\"o}t} \emph{model} with $\alpha$-masses \& {\'E}cole},
  author = {M{\"u}ller, J{\"o}rg and {Google Research} and de la Fuente, Ana and Smith, Jr., John},
  abstract = {Uses \url{http://x.y} and $x^{2}$, 50\%.},
  note = {arXiv: 1312.5602},
  year = 2013
}`
    const [draft] = parse(text).drafts
    expect(draft).toMatchObject({
      arxivId: '1312.5602',
      title: 'The Maöt model with α-masses & École',
      authors: [
        { name: 'Jörg Müller' },
        { name: 'Google Research' },
        { name: 'Ana de la Fuente' },
        { name: 'John Smith Jr.' },
      ],
      abstract: 'Uses http://x.y and x², 50%.',
      publishedAt: '2013',
    })
  })

  it('finds the arXiv id in number, url or journal, and ignores eprints of other archives', () => {
    const text = `@misc{a, title = {A}, number = {arXiv:2401.00001}}
@misc{b, title = {B}, url = {https://arxiv.org/abs/2401.00002v3}}
@article{c, title = {C}, journal = {arXiv preprint arXiv:2401.00003}}
@article{d, title = {D}, eprint = {12345}, eprinttype = {jstor}}
@article{e, title = {E}, eprint = {2401.00005}, archiveprefix = {PubMed}}`
    expect(parse(text).drafts.map((d) => [d.arxivId, d.arxivVersion])).toEqual([
      ['2401.00001', null],
      ['2401.00002', 3],
      ['2401.00003', null],
      [null, null],
      [null, null],
    ])
  })

  it('skips an entry with neither a title nor an identifier and says why', () => {
    const { drafts, skipped } = parse('@misc{good, title = {Good}}\n\n@misc{empty, year = 2020}\n')
    expect(drafts).toHaveLength(1)
    expect(skipped).toEqual([
      { line: 3, entry: '@misc{empty}', reason: 'neither a title nor an arXiv id or DOI' },
    ])
  })

  it('refuses unbalanced braces, naming the entry key and its line', () => {
    const text =
      '@misc{ok, title = {Fine}}\n\n@misc{broken,\n  title = {Broken {brace,\n  year = 2020\n}\n'
    const error = failure(text)
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(
      /^line 3: entry 'broken' is not valid BibTeX: Unterminated brace-value/,
    )
  })

  it('skips an entry whose TeX cannot be read, and imports the others', () => {
    const text =
      '@misc{a, title = {A}}\n@misc{b,\n  title = {\\newcommand}}\n@misc{c, title = {C}}\n'
    const { drafts, skipped } = parse(text)
    expect(drafts.map((d) => d.title)).toEqual(['A', 'C'])
    expect(skipped).toEqual([
      {
        line: 2,
        entry: '@misc{b}',
        reason: 'its TeX could not be read: missing name for \\newcommand',
      },
    ])
  })

  it('refuses an unclosed math section as a syntax error of its entry', () => {
    expect(failure('@misc{a, title = {A}}\n@article{b,\n title = {$x}}\n').message).toBe(
      "line 2: entry 'b' is not valid BibTeX: Unclosed math section",
    )
  })

  it('refuses a file without entries', () => {
    expect(failure('Just some notes about papers.').message).toMatch(/no BibTeX entries were found/)
  })

  it('refuses a 50 MB single line by its size, before parsing', () => {
    const error = failure(`@misc{k, title = {${'a'.repeat(50 * 1024 * 1024)}}}`)
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/^a BibTeX file of 50\.0 MB is more than the 48\.0 MB/)
  })

  it('refuses a line longer than any field of a real reference, naming it', () => {
    const error = failure(`@misc{k,\n  title = {${'a'.repeat(2 * 1024 * 1024)}}}`)
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(
      /^line 2: a line of 2\.0 MB, more than the 1\.0 MB a line of a BibTeX file may hold/,
    )
  })
})
