import { describe, expect, it } from 'vitest'
import { parseIdentifier, parseIdList } from './id-list'
import { ParseError } from './parse-error'

function parseFailure(text: string): ParseError {
  try {
    parseIdList(text)
  } catch (error) {
    if (error instanceof ParseError) return error
    throw error
  }
  throw new Error('expected a ParseError')
}

function arxivOf(line: string): { id: string; version: number | null } | null {
  const identifier = parseIdentifier(line)
  return identifier?.kind === 'arxiv' ? identifier.arxiv : null
}

describe('sources/id-list', () => {
  describe('parseIdentifier', () => {
    it('reads new-style arXiv ids with and without a version or prefix', () => {
      expect(arxivOf('2401.00001')).toEqual({ id: '2401.00001', version: null })
      expect(arxivOf('2401.00001v3')).toEqual({ id: '2401.00001', version: 3 })
      expect(arxivOf('arXiv:2401.00001v2')).toEqual({ id: '2401.00001', version: 2 })
      expect(arxivOf('  1412.7878  ')).toEqual({ id: '1412.7878', version: null })
    })

    it('reads old-style arXiv ids', () => {
      expect(arxivOf('hep-th/9901001')).toEqual({ id: 'hep-th/9901001', version: null })
      expect(arxivOf('arXiv:math.CA/0611800v2')).toEqual({ id: 'math/0611800', version: 2 })
    })

    it('reads arXiv abs and pdf URLs', () => {
      expect(arxivOf('https://arxiv.org/abs/2401.00001v2')).toEqual({
        id: '2401.00001',
        version: 2,
      })
      expect(arxivOf('http://arxiv.org/pdf/1501.00001v1.pdf')).toEqual({
        id: '1501.00001',
        version: 1,
      })
      expect(arxivOf('https://arxiv.org/pdf/hep-th/9901001')).toEqual({
        id: 'hep-th/9901001',
        version: null,
      })
    })

    it('reads URLs pasted without a scheme', () => {
      expect(arxivOf('arxiv.org/abs/2401.00001')).toEqual({ id: '2401.00001', version: null })
      expect(arxivOf('huggingface.co/papers/2401.00002')).toEqual({
        id: '2401.00002',
        version: null,
      })
      expect(parseIdentifier('doi.org/10.1000/XYZ')).toEqual({ kind: 'doi', doi: '10.1000/xyz' })
    })

    it('reads Hugging Face paper URLs', () => {
      expect(arxivOf('https://huggingface.co/papers/2401.00001')).toEqual({
        id: '2401.00001',
        version: null,
      })
    })

    it('reads DOIs in bare, doi: and doi.org forms', () => {
      const doi = { kind: 'doi', doi: '10.1145/3458817.3476209' }
      expect(parseIdentifier('10.1145/3458817.3476209')).toEqual(doi)
      expect(parseIdentifier('doi:10.1145/3458817.3476209')).toEqual(doi)
      expect(parseIdentifier('https://doi.org/10.1145/3458817.3476209')).toEqual(doi)
    })

    it('turns an arXiv DOI into an arXiv id', () => {
      expect(parseIdentifier('10.48550/arXiv.2401.00001')).toEqual({
        kind: 'arxiv',
        arxiv: { id: '2401.00001', version: null },
      })
      expect(arxivOf('https://doi.org/10.48550/arXiv.2401.00001')).toEqual({
        id: '2401.00001',
        version: null,
      })
    })

    it('rejects an arXiv DOI whose id is malformed', () => {
      expect(parseIdentifier('10.48550/arXiv.nonsense')).toBeNull()
    })

    it('ignores a comment after the identifier', () => {
      expect(arxivOf('2401.00001   # the ToT paper')).toEqual({ id: '2401.00001', version: null })
    })

    it('rejects text that is not an identifier', () => {
      expect(parseIdentifier('Attention is all you need')).toBeNull()
      expect(parseIdentifier('https://example.org/abs/2401.00001')).toBeNull()
      expect(parseIdentifier('2401.001')).toBeNull()
    })
  })

  describe('parseIdList', () => {
    it('makes one draft per identifier with its line, rank and raw text', () => {
      const text = [
        '# reading list',
        '2401.00001v2',
        '',
        '% from the group meeting',
        'https://doi.org/10.1145/3458817.3476209',
        'https://huggingface.co/papers/2402.00002',
      ].join('\n')
      expect(parseIdList(text)).toEqual({
        drafts: [
          {
            arxivId: '2401.00001',
            arxivVersion: 2,
            provenance: { line: 2, rank: 1, section: null, raw: '2401.00001v2' },
          },
          {
            doi: '10.1145/3458817.3476209',
            provenance: {
              line: 5,
              rank: 2,
              section: null,
              raw: 'https://doi.org/10.1145/3458817.3476209',
            },
          },
          {
            arxivId: '2402.00002',
            arxivVersion: null,
            provenance: {
              line: 6,
              rank: 3,
              section: null,
              raw: 'https://huggingface.co/papers/2402.00002',
            },
          },
        ],
        skipped: [],
      })
    })

    it('stores an arXiv DOI as an arXiv id, not as a DOI', () => {
      const [draft] = parseIdList('10.48550/arXiv.2401.00001').drafts
      expect(draft).toMatchObject({ arxivId: '2401.00001', arxivVersion: null })
      expect(draft?.doi).toBeUndefined()
    })

    it('reads CRLF line endings', () => {
      const { drafts } = parseIdList('2401.00001\r\n\r\n2401.00002\r\n')
      expect(drafts.map((draft) => [draft.arxivId, draft.provenance.line])).toEqual([
        ['2401.00001', 1],
        ['2401.00002', 3],
      ])
    })

    it('keeps a repeated paper as its own draft, for the merge to reconcile', () => {
      const text = '2401.00001\narXiv:2401.00001v2\n10.1000/A\n10.1000/a'
      const { drafts, skipped } = parseIdList(text)
      expect(drafts.map((draft) => [draft.arxivId ?? draft.doi, draft.provenance.rank])).toEqual([
        ['2401.00001', 1],
        ['2401.00001', 2],
        ['10.1000/a', 3],
        ['10.1000/a', 4],
      ])
      expect(drafts[1]?.arxivVersion).toBe(2)
      expect(skipped).toEqual([])
    })

    it('rejects a line that is not an identifier, naming and quoting it', () => {
      const error = parseFailure('2401.00001\n\nAttention is all you need\n')
      expect(error.line).toBe(3)
      expect(error.message).toBe(
        'line 3: not an arXiv id, arXiv or Hugging Face paper URL, or DOI: ' +
          "'Attention is all you need'",
      )
    })

    it('quotes at most 80 characters of a bad line', () => {
      const error = parseFailure(`not an id ${'x'.repeat(200)}`)
      const quoted = /'(.*)'$/.exec(error.message)?.[1] ?? ''
      expect(quoted).toHaveLength(80)
      expect(quoted.endsWith('…')).toBe(true)
    })

    it('rejects a list with only comments', () => {
      expect(parseFailure('# nothing yet\n\n% still nothing').message).toMatch(/no identifiers/)
    })

    it('rejects empty input', () => {
      expect(parseFailure('  \n\n').message).toMatch(/empty/)
    })

    it('rejects binary input', () => {
      expect(parseFailure('2401.00001\n\u0000\u0001PK').message).toMatch(/binary/)
    })
  })
})
