import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseCslJson } from './csl-json'
import { ParseError } from './parse-error'
import { textLike, thrownAppError } from '../../../../test/helpers/expect-helpers'

const parse = (text: string) => parseCslJson(text, { sourceUrl: 'refs.json' })

const failure = (text: string) => thrownAppError(() => parse(text))

describe('sources/csl-json', () => {
  it('reads a stock Zotero item field by field', () => {
    const { drafts, skipped } = parse(
      readFixture('zotero/zotero-translators_CSL-JSON-testcase-book.json'),
    )
    expect(skipped).toEqual([])
    expect(drafts).toEqual([
      {
        arxivId: null,
        arxivVersion: null,
        doi: null,
        title: 'Stochastic biomathematical models: With applications to neuronal modeling',
        abstract: null,
        authors: [{ name: 'Mostafa Bachar', affiliation: null }],
        publishedAt: '2013-01-01',
        suggestedTags: [],
        provenance: { line: 2, rank: 1, section: null, raw: textLike(/BDQRTS3T/) },
      },
    ])
  })

  it('turns HTML markup in titles into plain text and reads literal names', () => {
    const { drafts } = parse(readFixture('zotero/bbt-pandoc-schomd.csl.json'))
    expect(drafts.map((d) => d.title)).toEqual([
      'The physical volcanology of the 1600 eruption of Huaynaputina, southern Peru',
      'Skizze zur Auslegungsgeschichte der Bücher Prouerbia und Ecclesiastes in der abendländischen Kirche',
      'Samuel Presbiter: Notes from the school of William de Montibus. Collecta ex diuersis auditis in scola magistri Willelmi de Monte',
      'The Gospel according to St. Matthew, from the St. Germain ms. (g_1), now numbered Lat. 11553 in the National Library at Paris',
    ])
    expect(drafts[1]).toMatchObject({
      doi: '10.1484/j.se.2.303788',
      publishedAt: '1994',
      authors: [{ name: 'Rainer Berndt' }],
    })
    expect(drafts[0]?.authors).toHaveLength(7)
  })

  it('keeps the most precise date known: ranges, seasons, circa, BC years', () => {
    const { drafts } = parse(readFixture('zotero/bbt-360-811_date-variants.csl.json'))
    expect(drafts.map((d) => d.publishedAt)).toEqual([
      '2011-05-25',
      '2011-05-25',
      '2011-05',
      '2017',
      '2011',
      '2017',
      '1985',
      '2017',
      '2011-05-25',
      '2014-12-31',
      null,
      '2014-12-31',
      '2014-12-31',
      null,
      null,
    ])
    expect(drafts[4]?.authors).toEqual([{ name: 'Doe14', affiliation: null }])
  })

  it('finds arXiv ids in URL, number, DOI or note, and reads raw dates and numeric years', () => {
    const items = [
      { title: 'A', URL: 'https://arxiv.org/abs/2401.00001v2', issued: { raw: '2021-01-05' } },
      { title: 'B', number: 'arXiv:2401.00002', issued: { 'date-parts': [[2023, 3, 27]] } },
      { title: 'C', DOI: '10.48550/arXiv.2401.00003' },
      {
        title: 'D',
        note: 'arXiv:2401.00004 [cs]',
        DOI: '10.1000/XYZ',
        keyword: 'llm, decoding; speed',
      },
      {
        type: 'article',
        author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
        title: 'E',
      },
    ]
    const { drafts } = parse(JSON.stringify(items))
    expect(drafts.map((d) => [d.arxivId, d.arxivVersion, d.doi, d.publishedAt])).toEqual([
      ['2401.00001', 2, null, '2021-01-05'],
      ['2401.00002', null, null, '2023-03-27'],
      ['2401.00003', null, null, null],
      ['2401.00004', null, '10.1000/xyz', null],
      [null, null, null, null],
    ])
    expect(drafts[3]?.suggestedTags).toEqual([
      { label: 'llm', origin: 'keyword' },
      { label: 'decoding', origin: 'keyword' },
      { label: 'speed', origin: 'keyword' },
    ])
    expect(drafts[4]?.authors).toEqual([{ name: 'Ludwig van Beethoven', affiliation: null }])
  })

  it('reads a single item that is not wrapped in an array', () => {
    expect(parse('{"title": "Alone", "DOI": "10.1000/1"}').drafts).toMatchObject([
      { title: 'Alone', doi: '10.1000/1' },
    ])
  })

  it('refuses invalid JSON with a clear message', () => {
    const error = failure('[{"title": "A"},\n{"title": ')
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(/this is not valid JSON/)
  })

  it('refuses an item of the wrong shape, naming the item, field and line', () => {
    const error = failure('[\n  {"title": "A"},\n  {"title": "B", "author": "Jane Doe"}\n]')
    expect(error.message).toMatch(/^line 3: CSL-JSON item 2 at 'author': /)
  })

  it('refuses deep nesting before parsing it', () => {
    const error = failure(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    expect(error.message).toBe('line 1: the JSON is nested more than 16 levels deep')
  })

  it('refuses a 50 MB single line by its size', () => {
    const error = failure(`[{"title": "${'a'.repeat(50 * 1024 * 1024)}"}]`)
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/^a CSL-JSON file of 50\.0 MB is more than the 48\.0 MB/)
  })
})
