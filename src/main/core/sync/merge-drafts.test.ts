import { describe, expect, it } from 'vitest'
import type { PaperDraft } from '../sources/paper-draft'
import { mergeDraft, sameRemote } from './merge-drafts'

const draft = (fields: Omit<PaperDraft, 'provenance'>): PaperDraft => ({
  ...fields,
  provenance: { line: null, rank: null, section: null, raw: null },
})

describe('sync/merge-drafts', () => {
  it('takes every known field of a new paper and derives its title key', () => {
    const merged = mergeDraft(
      null,
      draft({
        arxivId: '2401.00001',
        arxivVersion: 2,
        title: 'Attention  Is\nAll You Need',
        upvotes: 3,
      }),
      1,
    )
    expect(merged).toMatchObject({
      arxiv_id: '2401.00001',
      latest_version: 2,
      title: 'Attention Is All You Need',
      title_key: 'attention is all you need',
      upvotes: 3,
      metadata_rank: 1,
    })
  })

  it('folds whitespace and composes accents in titles and abstracts, and keeps plain text as it is', () => {
    const cases: Array<[string, string | null]> = [
      ['Plain title: no folding needed (v2)', 'Plain title: no folding needed (v2)'],
      ['Two  spaces', 'Two spaces'],
      [' Edge spaces ', 'Edge spaces'],
      ['Tab\there', 'Tab here'],
      ['First paragraph\n\n  second one', 'First paragraph\n\nsecond one'],
      ['Cafe\u0301 au lait', 'Caf\u00e9 au lait'],
      ['Non\u00a0breaking', 'Non breaking'],
      ['', null],
      ['   ', null],
    ]
    for (const [text, cleaned] of cases) {
      const merged = mergeDraft(null, draft({ title: text, abstract: text }), 1)
      expect(merged.title, JSON.stringify(text)).toBe(cleaned)
      expect(merged.abstract, JSON.stringify(text)).toBe(cleaned)
    }
  })

  it('never erases a known value with an unknown one', () => {
    const first = mergeDraft(
      null,
      draft({ title: 'T', abstract: 'A', upvotes: 5, authors: [{ name: 'Ada' }] }),
      1,
    )
    const second = mergeDraft(
      first,
      draft({ title: 'T', upvotes: null, abstract: null, authors: [] }),
      1,
    )
    expect(second.abstract).toBe('A')
    expect(second.upvotes).toBe(5)
    expect(second.authors).toEqual([{ name: 'Ada', affiliation: null }])
    expect(sameRemote(first, second)).toBe(true)
  })

  it('lets a less trusted source fill blanks but not overwrite text', () => {
    const fromArxiv = mergeDraft(null, draft({ title: 'Exact Title', abstract: null }), 5)
    const fromCopy = mergeDraft(
      fromArxiv,
      draft({ title: 'Exact title.', abstract: 'Card text', upvotes: 9 }),
      1,
    )
    expect(fromCopy.title).toBe('Exact Title')
    expect(fromCopy.abstract).toBe('Card text')
    expect(fromCopy.upvotes).toBe(9)
    expect(fromCopy.metadata_rank).toBe(5)
  })

  it('refreshes text from a source of the same rank (a title fix)', () => {
    const before = mergeDraft(null, draft({ title: 'Old Titel' }), 1)
    const after = mergeDraft(before, draft({ title: 'Old Title' }), 1)
    expect(after.title).toBe('Old Title')
    expect(sameRemote(before, after)).toBe(false)
  })

  it('keeps the highest version and the first identifiers it saw', () => {
    const v3 = mergeDraft(null, draft({ arxivId: '2401.00001', arxivVersion: 3 }), 5)
    const v1 = mergeDraft(v3, draft({ arxivId: '2401.00001', arxivVersion: 1, doi: '10.1/x' }), 5)
    expect(v1.latest_version).toBe(3)
    expect(v1.doi).toBe('10.1/x')
  })

  it('records an author count only when names are unknown', () => {
    const counted = mergeDraft(null, draft({ authorCount: 7 }), 1)
    expect(counted.author_count).toBe(7)
    const named = mergeDraft(counted, draft({ authors: [{ name: 'A' }, { name: 'B' }] }), 5)
    expect(named.author_count).toBe(2)
  })
})
