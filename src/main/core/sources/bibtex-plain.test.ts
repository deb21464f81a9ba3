import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse as parseBibFile } from '@citation-js/plugin-bibtex/lib/input/file.js'
import { parse as parseBibValue } from '@citation-js/plugin-bibtex/lib/input/value.js'
import { fixturePath, readFixture } from '../../../../test/helpers/fixtures'
import { readPlainList, readPlainNames, readPlainText } from './bibtex-plain'

const SEED = Number(process.env['PAPERSHELF_PROPERTY_SEED'] ?? 20261126)
const RUNS = Number(process.env['PAPERSHELF_PROPERTY_RUNS'] ?? 150) * 20

type Corpus = { arxivId: string; title: string; abstract: string; authors: string[] }
const corpus = readFileSync(fixturePath('arxiv-corpus/papers.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Corpus)

/** What the field reader gives for a value, or the error it throws. */
function fieldReader(value: string, field: string): unknown {
  try {
    return parseBibValue(value, field)
  } catch (error) {
    return error
  }
}

/** The plain reader of a field and a field of that kind. */
const READERS = [
  { field: 'title', read: readPlainText },
  { field: 'abstract', read: readPlainText },
  { field: 'journal', read: readPlainText },
  { field: 'author', read: readPlainNames },
  { field: 'keywords', read: readPlainList },
] as const

/** Every value read the plain way reads as the field reader reads it; returns how many were. */
function expectSameAsFieldReader(
  values: ReadonlyArray<string>,
  field: string,
  read: (v: string) => unknown,
): number {
  let plain = 0
  for (const value of values) {
    const quick = read(value)
    if (quick === undefined) continue
    plain += 1
    expect({ value, read: quick }).toEqual({ value, read: fieldReader(value, field) })
  }
  return plain
}

const TRICKY = [
  '',
  ' ',
  'a',
  '  leading and trailing  ',
  'tab\there, line\nbreak, cr\r\nlf',
  'no\u00A0break and\u2003em space',
  'tie~here ~ and~~two',
  'en -- dash, em --- dash, four ---- and five -----',
  "``quoted'' and 'single' and ` lone",
  '50% of A&B #1 x^2 y_1',
  'a, b, c',
  'a,b,,c,',
  'a, b,  ',
  ',leading comma',
  'one,',
  ' , ',
  'Smith, John',
  'John Smith',
  'John Smith and Jane Doe',
  'Smith, Jr., John and de la Fuente, Ana',
  'Ludwig van Beethoven and Jean-Paul Sartre and jean-Paul sartre',
  'J. R. R. Tolkien AND C. S. Lewis And x and',
  'and Smith',
  'Smith and',
  'Anderson and Band and andrew',
  'Smith , John',
  'Smith,, John',
  'Smith,John',
  'A  B and  C   D',
  'A\tB\nand\nC',
  'Jean - Paul',
  '-Jean',
  'Jean-',
  'Jean--Paul',
  "O'Neil, Cathy",
  '123 456 and 7',
  'Ünïcödé Nämé and ß straße and 李 小龙',
  'van der Waals, J. D. and della Robbia, Luca',
  'family=Doe, given=Jane',
  '{Google Research} and M{\\"u}ller, J{\\"o}rg',
  '$x$ and \\emph{y}',
]

describe('sources/bibtex-plain', () => {
  it.each(READERS)('reads tricky $field values as the field reader does', ({ field, read }) => {
    expectSameAsFieldReader(TRICKY, field, read)
  })

  it('reads every field of the Zotero and Better BibTeX fixtures as the field reader does', () => {
    const files = [
      'zotero/bbt-2483_arxiv-preprint.bibtex',
      'zotero/bbt-460_arxiv-identifiers.bibtex',
      'zotero/bbt-460_arxiv-identifiers.biblatex',
      'zotero/stock-zotero-bibtex_ethankim00-blog.bib',
    ]
    let plain = 0
    for (const file of files) {
      for (const entry of parseBibFile(readFixture(file))) {
        for (const [field, raw] of Object.entries(entry.properties)) {
          const value = String(raw)
          const read =
            field === 'author'
              ? readPlainNames
              : field === 'keywords'
                ? readPlainList
                : readPlainText
          plain += expectSameAsFieldReader(
            [value],
            field === 'author' || field === 'keywords' ? field : 'note',
            read,
          )
        }
      }
    }
    expect(plain).toBeGreaterThan(50)
  })

  it('reads the real arXiv titles, abstracts and author lists as the field reader does', () => {
    const titles = expectSameAsFieldReader(
      corpus.map((p) => p.title),
      'title',
      readPlainText,
    )
    const abstracts = expectSameAsFieldReader(
      corpus.map((p) => p.abstract),
      'abstract',
      readPlainText,
    )
    const authors = corpus.map((p) => p.authors.join(' and ')).filter((a) => a !== '')
    const names = expectSameAsFieldReader(authors, 'author', readPlainNames)
    // the plain readers carry most of the corpus, or this test would prove little
    expect(titles).toBeGreaterThan(corpus.length * 0.8)
    expect(abstracts).toBeGreaterThan(corpus.length * 0.5)
    expect(names).toBeGreaterThan(authors.length * 0.9)
  }, 60_000)

  it.each(READERS)(
    'reads any mix of spacing, marks and names in $field as the field reader does',
    ({ field, read }) => {
      const piece = fc.constantFrom(
        'a',
        'Ab',
        'van',
        'Jr.',
        'é',
        'Ø',
        '1',
        '.',
        ' ',
        '  ',
        '\t',
        '\n',
        '\u00A0',
        '~',
        '-',
        '--',
        '---',
        "'",
        "''",
        '`',
        '``',
        ',',
        ', ',
        ' and ',
        ' AND ',
        'and',
        '%',
        '&',
        '#',
        '^',
        '_',
        '=',
        '{',
        '}',
        '\\',
        '$',
      )
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
          const value = pieces.join('')
          const quick = read(value)
          if (quick !== undefined) expect(quick).toEqual(fieldReader(value, field))
        }),
        { seed: SEED, numRuns: RUNS },
      )
    },
  )
})
