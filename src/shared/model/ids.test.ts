import { describe, expect, it } from 'vitest'
import { arxivIdFromDoi, arxivIdFromUrl, isArxivDoi, normaliseDoi, parseArxivId } from './ids'

describe('model/ids', () => {
  describe('parseArxivId', () => {
    it('parses new-style ids with four and five digit sequence numbers', () => {
      expect(parseArxivId('0706.0001')).toEqual({ id: '0706.0001', version: null })
      expect(parseArxivId('1412.7878')).toEqual({ id: '1412.7878', version: null })
      expect(parseArxivId('2405.12345v2')).toEqual({ id: '2405.12345', version: 2 })
    })

    it('accepts the arXiv: prefix in any case', () => {
      expect(parseArxivId('arXiv:2405.12345v12')).toEqual({ id: '2405.12345', version: 12 })
      expect(parseArxivId('ARXIV: 1501.00001')).toEqual({ id: '1501.00001', version: null })
    })

    it('rejects a sequence number of the wrong length for its month', () => {
      expect(parseArxivId('1412.78789')).toBeNull()
      expect(parseArxivId('1501.0001')).toBeNull()
    })

    it('rejects new-style ids from before April 2007', () => {
      expect(parseArxivId('0001.0001')).toBeNull()
      expect(parseArxivId('0703.0001')).toBeNull()
    })

    it('rejects version zero', () => {
      expect(parseArxivId('2401.00001v0')).toBeNull()
    })

    it('parses old-style ids and drops the subject class', () => {
      expect(parseArxivId('hep-th/9901001v1')).toEqual({ id: 'hep-th/9901001', version: 1 })
      expect(parseArxivId('arXiv:math.CA/0611800v2')).toEqual({ id: 'math/0611800', version: 2 })
      expect(parseArxivId('cond-mat/0207270')).toEqual({ id: 'cond-mat/0207270', version: null })
    })

    it('rejects old-style ids from after March 2007', () => {
      expect(parseArxivId('hep-th/0801001')).toBeNull()
    })

    it('rejects text that is not an id', () => {
      expect(parseArxivId('2401.001')).toBeNull()
      expect(parseArxivId('2413.00001')).toBeNull()
      expect(parseArxivId('hello')).toBeNull()
    })
  })

  describe('arxivIdFromUrl', () => {
    it('reads abs, pdf and html URLs with and without a version', () => {
      expect(arxivIdFromUrl('https://arxiv.org/abs/2401.00001')).toEqual({
        id: '2401.00001',
        version: null,
      })
      expect(arxivIdFromUrl('http://arxiv.org/pdf/1501.00001v1.pdf')).toEqual({
        id: '1501.00001',
        version: 1,
      })
      expect(arxivIdFromUrl('https://arxiv.org/html/2401.00001v3/')).toEqual({
        id: '2401.00001',
        version: 3,
      })
      expect(arxivIdFromUrl('https://arxiv.org/pdf/hep-th/9901001v3')).toEqual({
        id: 'hep-th/9901001',
        version: 3,
      })
    })

    it('reads Hugging Face paper URLs', () => {
      expect(arxivIdFromUrl('https://huggingface.co/papers/2401.00001#community')).toEqual({
        id: '2401.00001',
        version: null,
      })
      expect(arxivIdFromUrl('https://hf.co/papers/2401.00001.md')).toEqual({
        id: '2401.00001',
        version: null,
      })
    })

    it('returns null for a malformed percent escape instead of throwing', () => {
      expect(arxivIdFromUrl('https://arxiv.org/abs/%E0%A4%A')).toBeNull()
    })

    it('returns null for other URLs', () => {
      expect(arxivIdFromUrl('https://example.org/abs/2401.00001')).toBeNull()
    })
  })

  describe('normaliseDoi', () => {
    it('accepts bare, doi: and doi.org forms and lower-cases them', () => {
      expect(normaliseDoi('10.1000/ABC.123')).toBe('10.1000/abc.123')
      expect(normaliseDoi('doi: 10.1000/abc')).toBe('10.1000/abc')
      expect(normaliseDoi('https://doi.org/10.1000/abc')).toBe('10.1000/abc')
      expect(normaliseDoi('http://dx.doi.org/10.1000/abc')).toBe('10.1000/abc')
      expect(normaliseDoi('https://www.doi.org/10.1000/abc')).toBe('10.1000/abc')
    })

    it('decodes percent escapes in doi.org URLs', () => {
      expect(normaliseDoi('https://doi.org/10.1000%2Fabc')).toBe('10.1000/abc')
    })

    it('keeps a DOI whose percent sign is not an escape', () => {
      expect(normaliseDoi('10.1000/100%')).toBe('10.1000/100%')
    })

    it('drops trailing sentence punctuation', () => {
      expect(normaliseDoi('10.1000/abc.')).toBe('10.1000/abc')
    })

    it('rejects text that is not a DOI', () => {
      expect(normaliseDoi('11.1000/abc')).toBeNull()
      expect(normaliseDoi('10.10/abc')).toBeNull()
    })
  })

  describe('arxivIdFromDoi', () => {
    it('reads the arXiv id in an arXiv-assigned DOI', () => {
      expect(isArxivDoi('10.48550/arXiv.2401.00001')).toBe(true)
      expect(arxivIdFromDoi('10.48550/arxiv.2401.00001')).toEqual({
        id: '2401.00001',
        version: null,
      })
    })

    it('returns null for other DOIs', () => {
      expect(isArxivDoi('10.1000/abc')).toBe(false)
      expect(arxivIdFromDoi('10.1000/abc')).toBeNull()
    })
  })
})
