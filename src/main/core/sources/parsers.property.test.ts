import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/errors'
import { fixturePath, HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'
import { parseArxivFeed } from './arxiv-feed'
import { parseAwesomeList } from './awesome-list'
import { parseBibtex } from './bibtex'
import { parseCslJson } from './csl-json'
import { detectFormat } from './detect-format'
import { parseFeed } from './feed'
import { parseHfDailyPage } from './hf-daily'
import { parseHfPageCopy } from './hf-page-copy'
import { parseHfPaper } from './hf-paper'
import { parseHfSearch } from './hf-search'
import { parseIdList } from './id-list'
import { parseRis } from './ris'

const NOW = new Date('2026-11-26T12:00:00Z')
const URL_ = 'http://127.0.0.1/list'
/** Far above any real parse (milliseconds); only a hang or a blow-up reaches it. */
const MAX_MS_PER_INPUT = 15_000
const RUNS = Number(process.env['PAPERSHELF_PROPERTY_RUNS'] ?? 150)
// A fixed seed keeps CI repeatable; PAPERSHELF_PROPERTY_SEED (and _RUNS) explore further.
const SEED = Number(process.env['PAPERSHELF_PROPERTY_SEED'] ?? 20261126)

type Parser = {
  name: string
  parse: (text: string) => unknown
  fixtures: ReadonlyArray<string>
  /** Fewer mutated runs for parsers that take tens of milliseconds per sample. */
  slow?: boolean
}

/** Every parser of outside text, with the real samples its mutations start from. */
const PARSERS: ReadonlyArray<Parser> = [
  {
    name: 'parseHfPageCopy',
    parse: (t) => parseHfPageCopy(t, { now: NOW }),
    fixtures: [HF_PAGE_COPY],
  },
  { name: 'parseIdList', parse: (t) => parseIdList(t), fixtures: [] },
  {
    name: 'detectFormat',
    parse: (t) => detectFormat(t),
    fixtures: [HF_PAGE_COPY, 'zotero/stock-zotero-bibtex_ethankim00-blog.bib'],
  },
  {
    name: 'parseBibtex',
    parse: (t) => parseBibtex(t, { sourceUrl: URL_ }),
    fixtures: [
      'zotero/stock-zotero-bibtex_ethankim00-blog.bib',
      'zotero/bbt-460_arxiv-identifiers.bibtex',
    ],
    slow: true,
  },
  {
    name: 'parseRis',
    parse: (t) => parseRis(t, { sourceUrl: URL_ }),
    fixtures: [
      'zotero/zotero-translators_RIS-testcase-tandf.ris',
      'zotero/zotero-translators_RIS-testcase-scopus-crlf.ris',
    ],
  },
  {
    name: 'parseCslJson',
    parse: (t) => parseCslJson(t, { sourceUrl: URL_ }),
    fixtures: ['zotero/bbt-pandoc-schomd.csl.json', 'zotero/bbt-360-811_date-variants.csl.json'],
  },
  {
    name: 'parseFeed',
    parse: (t) => parseFeed(t, { sourceUrl: URL_ }),
    fixtures: [
      'arxiv-rss/assembled-from-spec_atom_math.OC.xml',
      'arxiv-rss/assembled-from-spec_rss2_math.OC.xml',
    ],
  },
  {
    name: 'parseAwesomeList',
    parse: (t) => parseAwesomeList(t, { sourceUrl: URL_ }),
    fixtures: ['awesome-lists/Awesome-Parallel-Text-Generation_README.md'],
    slow: true,
  },
  {
    name: 'parseArxivFeed',
    parse: (t) => parseArxivFeed(t),
    fixtures: [
      'arxiv-api/id_list-1707.08567-many-authors.xml',
      'arxiv-api/search_query-testing-start0-max10.xml',
    ],
  },
  {
    name: 'parseHfDailyPage',
    parse: (t) => parseHfDailyPage(t, URL_),
    fixtures: ['hf-daily-papers/daily_papers_2026-05-18_first3.json'],
  },
  {
    name: 'parseHfSearch',
    parse: (t) => parseHfSearch(t, URL_),
    fixtures: ['hf-paper-search/search_q-kazakh.json'],
  },
  {
    name: 'parseHfPaper',
    parse: (t) => parseHfPaper(t, URL_),
    fixtures: ['hf-paper/paper_2605.15320.json'],
  },
]

/** Runs a parser: a result or an AppError (with a message) is fine; anything else, or a hang, fails. */
function parsesOrRefuses(parser: Parser, text: string): 'parsed' | 'refused' {
  const started = performance.now()
  let outcome: 'parsed' | 'refused' = 'parsed'
  try {
    parser.parse(text)
  } catch (error) {
    if (!(error instanceof AppError)) {
      throw new Error(`${parser.name} crashed on ${JSON.stringify(text.slice(0, 200))}`, {
        cause: error,
      })
    }
    expect(error.message.length).toBeGreaterThan(0)
    outcome = 'refused'
  }
  const ms = performance.now() - started
  if (ms > MAX_MS_PER_INPUT) {
    throw new Error(
      `${parser.name} took ${Math.round(ms)} ms on an input of ${text.length} characters`,
    )
  }
  return outcome
}

/** A real sample cut, spliced, duplicated and sprinkled with hostile characters. */
function mutated(sample: string): fc.Arbitrary<string> {
  const hostile = fc.constantFrom(
    '\u0000',
    '\uFEFF',
    '\u202E',
    '\u200B',
    '\uD800',
    '{',
    '}',
    '"',
    '<',
    '>',
    '&',
    '&amp;',
    ']]>',
    '<!--',
    '\\',
    '\n',
    '\r\n',
    '@',
    '%',
    'TY  - ',
    'ER  - ',
    '<entry>',
    '</entry>',
    '[',
    ']',
    '(',
    ')',
    '#',
    '* ',
    '|',
    '`',
    '<script>',
    '&#x0;',
    '&#1114112;',
    '\t',
    'arXiv:2401.00001',
    '10.1000/x',
    '•',
    '·',
    '99999999999999999999',
  )
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(hostile, fc.string({ unit: 'grapheme' })),
    }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: fc.nat(),
      length: fc.nat({ max: 200 }),
      times: fc.integer({ min: 2, max: 20 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  )
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) =>
    edits.reduce((text, e) => {
      const at = text.length === 0 ? 0 : e.at % text.length
      switch (e.kind) {
        case 'cut':
          return text.slice(0, at) + text.slice(at + e.length)
        case 'insert':
          return text.slice(0, at) + e.text + text.slice(at)
        case 'repeat':
          return text.slice(0, at) + text.slice(at, at + e.length).repeat(e.times) + text.slice(at)
        case 'truncate':
          return text.slice(0, at)
      }
      return text
    }, sample),
  )
}

/** Inputs that are not any format: random text, bytes as Latin-1, JSON and XML values. */
const randomInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.json({ maxDepth: 6 }),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '/',
        'feed',
        'entry',
        'title',
        'rss',
        'item',
        '&',
        ';',
        '"',
        '=',
        ' ',
        '?xml',
        '!DOCTYPE',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join('')),
)

describe('sources/parsers (property)', () => {
  for (const parser of PARSERS) {
    it(`${parser.name} returns a result or a clear error for random input`, () => {
      fc.assert(
        fc.property(randomInput, (text) => {
          parsesOrRefuses(parser, text)
        }),
        { numRuns: RUNS, seed: SEED },
      )
    }, 120_000)

    if (parser.fixtures.length > 0) {
      it(`${parser.name} returns a result or a clear error for mutated real samples`, () => {
        const samples = parser.fixtures.map((f) => readFixture(f))
        fc.assert(
          fc.property(
            fc.nat({ max: samples.length - 1 }).chain((i) => mutated(samples[i] ?? '')),
            (text) => {
              parsesOrRefuses(parser, text)
            },
          ),
          { numRuns: parser.slow ? Math.ceil(RUNS / 4) : RUNS, seed: SEED },
        )
      }, 120_000)
    }
  }

  it('reads every real sample unchanged (the mutations start from valid input)', () => {
    for (const parser of PARSERS) {
      for (const fixture of parser.fixtures) {
        expect(
          parsesOrRefuses(parser, readFixture(fixture)),
          `${parser.name} on ${fixturePath(fixture)}`,
        ).toBe('parsed')
      }
    }
  })
})
