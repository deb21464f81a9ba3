import { describe, expect, it } from 'vitest'
import { isEmptyQuery, normalizeText, parseQuery, splitWords } from './query-syntax'

describe('shared/search/query-syntax', () => {
  it('splits free text into normalised words, without accents and case', () => {
    expect(parseQuery('  Müller  GPT-4 Décodage ').words).toEqual([
      'muller',
      'gpt',
      '4',
      'decodage',
    ])
    expect(normalizeText('Ångström')).toBe('angstrom')
    expect(splitWords('KV-cache, 3D')).toEqual(['kv', 'cache', '3d'])
  })

  it('keeps quoted text as one phrase, and an unclosed quote runs to the end', () => {
    expect(parseQuery('"speculative decoding" heads').phrases).toEqual([
      ['speculative', 'decoding'],
    ])
    expect(parseQuery('"speculative decoding" heads').words).toEqual(['heads'])
    expect(parseQuery('model "long cont').phrases).toEqual([['long', 'cont']])
  })

  it('reads every operator, with a leading - negating it', () => {
    const parsed = parseQuery(
      'tag:llm -tag:read-later author:zhang org:nvidia year:2024 year:2023..2025 is:unread -is:starred is:pdf is:new is:reading is:read source:hf-daily diffusion',
    )
    expect(parsed.filters).toEqual([
      { kind: 'tag', value: 'llm', negated: false },
      { kind: 'tag', value: 'read-later', negated: true },
      { kind: 'author', value: 'zhang', negated: false },
      { kind: 'org', value: 'nvidia', negated: false },
      { kind: 'year', from: 2024, to: 2024, negated: false },
      { kind: 'year', from: 2023, to: 2025, negated: false },
      { kind: 'is', value: 'unread', negated: false },
      { kind: 'is', value: 'starred', negated: true },
      { kind: 'is', value: 'pdf', negated: false },
      { kind: 'is', value: 'new', negated: false },
      { kind: 'is', value: 'reading', negated: false },
      { kind: 'is', value: 'read', negated: false },
      { kind: 'source', value: 'hf-daily', negated: false },
    ])
    expect(parsed.words).toEqual(['diffusion'])
    expect(parsed.warnings).toEqual([])
  })

  it('takes quoted operator values and is case-insensitive in operator names', () => {
    expect(parseQuery('TAG:"llm/decoding" Author:"tri dao"').filters).toEqual([
      { kind: 'tag', value: 'llm/decoding', negated: false },
      { kind: 'author', value: 'tri dao', negated: false },
    ])
  })

  it('reports an unknown operator with its place and searches it as text', () => {
    const parsed = parseQuery('diffusion venue:neurips')
    expect(parsed.warnings).toEqual([
      {
        message: expect.stringMatching(
          /^Unknown operator "venue:" \(known: tag, author, org/,
        ) as string,
        start: 10,
        end: 23,
      },
    ])
    expect(parsed.words).toEqual(['diffusion', 'venue', 'neurips'])
    expect(parsed.tokens.map((t) => t.kind)).toEqual(['word', 'unknown-operator'])
  })

  it('reports bad years and is: values and leaves them out', () => {
    const parsed = parseQuery('year:24 year:2025..2023 is:finished')
    expect(parsed.filters).toEqual([])
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      '"year:24" is not a year or range (year:2024, year:2023..2025).',
      '"year:2025..2023" is not a year or range (year:2024, year:2023..2025).',
      expect.stringContaining('"is:finished" is not one of is:unread'),
    ])
  })

  it('ignores an operator still being typed and excludes words after a -', () => {
    const parsed = parseQuery('tag: -survey')
    expect(parsed.filters).toEqual([])
    expect(parsed.warnings).toEqual([])
    expect(parsed.excludedWords).toEqual(['survey'])
    expect(isEmptyQuery(parsed)).toBe(true)
    expect(isEmptyQuery(parseQuery('is:starred'))).toBe(false)
  })

  it('gives token ranges the renderer can colour', () => {
    const query = 'spec tag:llm "exact words"'
    const tokens = parseQuery(query).tokens
    expect(tokens.map((t) => [t.kind, query.slice(t.start, t.end)])).toEqual([
      ['word', 'spec'],
      ['operator', 'tag:llm'],
      ['phrase', '"exact words"'],
    ])
  })
})
