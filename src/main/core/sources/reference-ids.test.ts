import { describe, expect, it } from 'vitest'
import { findArxivId, partialDate, partialDateFromText, readDoi } from './reference-ids'

describe('sources/reference-ids', () => {
  it('finds arXiv ids in URLs, prefixed mentions and arXiv DOIs', () => {
    expect(findArxivId('see http://arxiv.org/abs/2203.07687.')).toEqual({
      id: '2203.07687',
      version: null,
    })
    expect(findArxivId('arXiv preprint arXiv:2208.11503')).toEqual({
      id: '2208.11503',
      version: null,
    })
    expect(findArxivId('arXiv: 1312.5602v2 [cs]')).toEqual({ id: '1312.5602', version: 2 })
    expect(findArxivId('arXiv:math.CA/0611800v2')).toEqual({ id: 'math/0611800', version: 2 })
    expect(findArxivId('doi 10.48550/arXiv.2206.07690')).toEqual({
      id: '2206.07690',
      version: null,
    })
  })

  it('finds nothing in text without an arXiv id', () => {
    expect(findArxivId('Journal of Things 12 (2020)')).toBeNull()
    expect(findArxivId('arXiv:9999.99999')).toBeNull()
    expect(findArxivId(null)).toBeNull()
  })

  it('tells a journal DOI from an arXiv DOI', () => {
    expect(readDoi('https://doi.org/10.1126/Science.1252319')).toEqual({
      doi: '10.1126/science.1252319',
      arxiv: null,
    })
    expect(readDoi('10.48550/arXiv.2206.07690')).toEqual({
      doi: null,
      arxiv: { id: '2206.07690', version: null },
    })
    expect(readDoi('10.48550/arXiv.garbage')).toEqual({ doi: null, arxiv: null })
    expect(readDoi('not a doi')).toEqual({ doi: null, arxiv: null })
  })

  it('keeps only the date parts that are known, never guessing a 01', () => {
    expect(partialDate('2022', 6, 16)).toBe('2022-06-16')
    expect(partialDate(2022, '6')).toBe('2022-06')
    expect(partialDate('2022')).toBe('2022')
    expect(partialDate('2023', 2, 30)).toBe('2023-02')
    expect(partialDate('2023', 13, 1)).toBe('2023')
    expect(partialDate('-334')).toBeNull()
    expect(partialDate('0')).toBeNull()
  })

  it('reads ISO-like and RIS date texts', () => {
    expect(partialDateFromText('2014-07-25')).toBe('2014-07-25')
    expect(partialDateFromText('2016-02')).toBe('2016-02')
    expect(partialDateFromText('2022/06/16/Spring')).toBe('2022-06-16')
    expect(partialDateFromText('circa 1990')).toBeNull()
  })
})
