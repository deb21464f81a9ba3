import type { SearchSnippet } from '@shared/api/search-api'
import { describe, expect, it } from 'vitest'
import { readerTargetOf } from './reader-target'

const pdf: SearchSnippet = {
  field: 'pdf',
  text: 'We study quasiperiodic lattice renormalization near the edge.',
  highlights: [
    [9, 22],
    [23, 30],
  ],
  page: 7,
}

describe('renderer/features/search/reader-target', () => {
  it('opens a PDF passage at its page, finding the query phrase', () => {
    expect(readerTargetOf(pdf, '"Quasiperiodic lattice" is:pdf')).toEqual({
      page: 7,
      query: 'quasiperiodic lattice',
    })
  })

  it('finds the longest matched run when the query has no phrase', () => {
    expect(readerTargetOf(pdf, 'quasiperiodic lattice')).toEqual({
      page: 7,
      query: 'quasiperiodic',
    })
  })

  it('opens an annotation hit at its page and annotation, finding nothing', () => {
    const hit: SearchSnippet = {
      field: 'annotation',
      text: 'Why periodic?',
      highlights: [[4, 12]],
      page: 2,
      annotationId: 9,
    }
    expect(readerTargetOf(hit, 'annotation:periodic')).toEqual({ page: 2, annotationId: 9 })
  })

  it('opens nothing for abstract and note passages or no snippet', () => {
    expect(readerTargetOf({ ...pdf, field: 'abstract', page: null }, 'lattice')).toBeNull()
    expect(readerTargetOf(null, 'lattice')).toBeNull()
  })
})
