import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/errors'
import { parseLibraryDocument } from '../export/import-library'
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

const URL_ = 'http://127.0.0.1/list'
/** Far above a refusal (milliseconds): only an expansion or a hang reaches it. */
const MAX_MS = 5_000

const DEPTH = 100_000
const deepJson = '['.repeat(DEPTH) + ']'.repeat(DEPTH)
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)
const laughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  '<!ENTITY lol "lol">',
  ...Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ),
  ']>',
  '<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title>',
  '<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>&lol9;</title><summary>&lol9;</summary></entry></feed>',
].join('\n')
const bigEntity = [
  '<?xml version="1.0"?>',
  `<!DOCTYPE x [<!ENTITY big "${'A'.repeat(100_000)}">]>`,
  `<rss version="2.0"><channel><title>t</title><item><title>${'&big;'.repeat(1000)}</title><link>https://arxiv.org/abs/2401.00001</link></item></channel></rss>`,
].join('\n')
const numericFlood = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id><title>${'&#65;'.repeat(500_000)}</title></entry></feed>`
const deepXml = `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry>'.repeat(DEPTH)}${'</entry>'.repeat(DEPTH)}</feed>`
const hugeLine = `arXiv:2401.00001 ${'x'.repeat(20 * 1024 * 1024)}`
const deepMarkdown = `${'> '.repeat(20_000)}[a](https://arxiv.org/abs/2401.00001)\n${'  '.repeat(10_000)}- x\n${'['.repeat(50_000)}`

type Case = { input: string; name: string }
const JSON_BOMBS: Case[] = [
  { name: 'arrays nested 100,000 deep', input: deepJson },
  { name: 'objects nested 100,000 deep', input: deepObject },
]
const XML_BOMBS: Case[] = [
  { name: 'billion laughs', input: laughs },
  { name: 'one 100 KB entity used 1,000 times', input: bigEntity },
  { name: '500,000 numeric character references', input: numericFlood },
  { name: 'elements nested 100,000 deep', input: deepXml },
]
const TEXT_BOMBS: Case[] = [{ name: 'a 20 MB single line', input: hugeLine }]

const PARSERS: Array<{ name: string; parse: (t: string) => unknown; cases: Case[] }> = [
  {
    name: 'parseCslJson',
    parse: (t) => parseCslJson(t, { sourceUrl: URL_ }),
    cases: [...JSON_BOMBS, ...TEXT_BOMBS],
  },
  { name: 'parseHfDailyPage', parse: (t) => parseHfDailyPage(t, URL_), cases: JSON_BOMBS },
  { name: 'parseHfSearch', parse: (t) => parseHfSearch(t, URL_), cases: JSON_BOMBS },
  { name: 'parseHfPaper', parse: (t) => parseHfPaper(t, URL_), cases: JSON_BOMBS },
  {
    name: 'parseLibraryDocument',
    parse: (t) => parseLibraryDocument(t, 'library.json'),
    cases: JSON_BOMBS,
  },
  {
    name: 'parseFeed',
    parse: (t) => parseFeed(t, { sourceUrl: URL_ }),
    cases: [...XML_BOMBS, ...TEXT_BOMBS],
  },
  { name: 'parseArxivFeed', parse: (t) => parseArxivFeed(t), cases: XML_BOMBS },
  {
    name: 'parseHfPageCopy',
    parse: (t) => parseHfPageCopy(t, { now: new Date('2026-11-26T12:00:00Z') }),
    cases: TEXT_BOMBS,
  },
  { name: 'parseIdList', parse: (t) => parseIdList(t), cases: TEXT_BOMBS },
  {
    name: 'detectFormat',
    parse: (t) => detectFormat(t),
    cases: [...TEXT_BOMBS, ...JSON_BOMBS, XML_BOMBS[0] as Case],
  },
  {
    name: 'parseBibtex',
    parse: (t) => parseBibtex(t, { sourceUrl: URL_ }),
    cases: [
      ...TEXT_BOMBS,
      { name: '50,000 unbalanced braces', input: `@article{k, title = ${'{'.repeat(50_000)}}` },
    ],
  },
  { name: 'parseRis', parse: (t) => parseRis(t, { sourceUrl: URL_ }), cases: TEXT_BOMBS },
  {
    name: 'parseAwesomeList',
    parse: (t) => parseAwesomeList(t, { sourceUrl: URL_ }),
    cases: [
      ...TEXT_BOMBS,
      { name: 'deeply nested quotes, lists and brackets', input: deepMarkdown },
    ],
  },
]

/** The longest string anywhere in a parse result: an expanded entity would show here. */
function longestString(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value === 'string') return value.length
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0
  seen.add(value)
  return Math.max(0, ...Object.values(value).map((v) => longestString(v, seen)))
}

describe('sources/hostile-inputs', () => {
  for (const parser of PARSERS) {
    for (const bomb of parser.cases) {
      it(`${parser.name} refuses or defuses ${bomb.name} quickly`, () => {
        const started = performance.now()
        let result: unknown
        try {
          result = parser.parse(bomb.input)
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(AppError)
          expect((error as AppError).message).not.toMatch(/^\s*$/)
        }
        expect(performance.now() - started).toBeLessThan(MAX_MS)
        // Nothing expanded: no field is longer than the whole input (plus the raw entry's wrapping).
        expect(longestString(result)).toBeLessThanOrEqual(bomb.input.length * 1.1 + 1000)
      }, 30_000)
    }
  }
})
