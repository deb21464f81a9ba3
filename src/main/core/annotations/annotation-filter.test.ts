import type { PaperId } from '@shared/model/ids'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'

describe('main/core/annotations/annotation-filter', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('finds papers by words of their highlights and comments, and by having any', async () => {
    const { api } = openCore(tempDir())
    const [marked, plain] = (
      await api.importText({ text: '2401.00001\n2401.00002\n', format: 'ids', sourceName: 'ids' })
    ).paperIds as [PaperId, PaperId]
    const first = await api.addAnnotation({
      paperId: marked,
      kind: 'highlight',
      page: 5,
      rects: [[10, 10, 50, 20]],
      quote: 'Renormalization of the lattice',
    })
    const second = await api.addAnnotation({
      paperId: marked,
      kind: 'highlight',
      page: 2,
      rects: [[10, 10, 50, 20]],
      quote: 'A bound on the gap',
      comment: 'Why is this 100% tight?',
    })

    const ids = async (query: string) =>
      (await api.searchLibrary({ query })).hits.map((hit) => hit.id)
    expect(await ids('is:annotated')).toEqual([marked])
    expect(await ids('-is:annotated')).toEqual([plain])
    expect(await ids('annotation:lattice')).toEqual([marked])
    expect(await ids('annotation:nothing')).toEqual([])
    // Matches inside the comment, case ignored.
    const hit = (await api.searchLibrary({ query: 'annotation:TIGHT' })).hits[0]
    expect(hit?.snippet).toMatchObject({
      field: 'annotation',
      page: 2,
      annotationId: second.id,
      text: 'Why is this 100% tight?',
      highlights: [[17, 22]],
    })
    expect(await ids('annotation:"100%"')).toEqual([marked])
    // Every word must be in one annotation (quote or comment), not spread over several.
    expect(await ids('annotation:"gap tight"')).toEqual([marked])
    expect(await ids('annotation:"tight lattice"')).toEqual([])
    const quoteHit = (await api.searchLibrary({ query: 'annotation:renormal' })).hits[0]
    expect(quoteHit?.snippet).toMatchObject({ page: 5, annotationId: first.id })
    expect((await api.searchLibrary({ query: 'is:annotated' })).warnings).toEqual([])
  })
})
