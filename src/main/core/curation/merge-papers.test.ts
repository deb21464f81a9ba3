import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { makeTestPdf } from '../../../../test/helpers/test-pdfs'

const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8' }
// The published version of arXiv 1605.08386: title case and punctuation differ and a subtitle was
// added (an identical title would be the same paper on import), with a DOI and a journal.
const PUBLISHED_BIB = `@article{stanley2018heat,
  title = {Heat-Bath Random Walks With {Markov} Bases: Mixing Times.},
  author = {Stanley, Caprice and Windisch, Tobias},
  journal = {Advances in Applied Mathematics},
  year = {2018},
  doi = {10.1016/j.aam.2018.05.004},
}
`

describe('duplicates and merge', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  const serve = useFixtureServer()
  const open = useSyncTestCore()

  it('reports a synced preprint and its published version, merges them with both sides kept, and undoes it', async () => {
    const server = await serve({
      'GET /api/query?search_query=&id_list=1605.08386&start=0&max_results=1': {
        headers: ATOM,
        body: readFixture('arxiv-api/id_list-1605.08386.xml'),
      },
    })
    const { api } = open(tempDir(), server.url)
    expect(await api.syncOnce({ kind: 'arxiv', params: { ids: ['1605.08386'] } })).toMatchObject({
      status: 'ok',
    })
    const preprint = await api.findPaper({ ref: '1605.08386' })
    // A different paper by other authors with a similar title is not a duplicate.
    await api.importText({
      text: '@article{x, title = {Heat-bath random walks with Markov bases for lattice fibers}, author = {Someone Else}, year = {2020}}',
      format: 'bibtex',
      sourceName: 'other.bib',
    })
    const published = (
      await api.importText({ text: PUBLISHED_BIB, format: 'bibtex', sourceName: 'paper.bib' })
    ).paperIds[0]
    if (!preprint || published === undefined || published === preprint.id) {
      throw new Error('the two versions should be two papers before the merge')
    }
    await api.tagPapers({ ids: [preprint.id], tags: ['markov'] })
    await api.tagPapers({ ids: [published], tags: ['to-cite'] })
    await api.setNote({ id: preprint.id, note: 'preprint note' })
    await api.setNote({ id: published, note: 'journal note' })
    await api.setStatus({ ids: [preprint.id], status: 'read' })
    await api.attachPdf({
      id: preprint.id,
      data: Buffer.from(await makeTestPdf({ pages: 2, title: 'preprint' })).toString('base64'),
    })
    await api.attachPdf({
      id: published,
      data: Buffer.from(await makeTestPdf({ pages: 3, title: 'journal' })).toString('base64'),
    })

    const duplicates = await api.listDuplicates({})
    expect(duplicates).toHaveLength(1)
    expect(duplicates[0]?.reason).toBe('similar-title')
    expect(duplicates[0]?.papers.map((p) => p.id).sort()).toEqual([preprint.id, published].sort())
    // Nothing was merged by finding it.
    expect((await api.libraryInfo({})).paperCount).toBe(3)

    const merged = await api.mergePapers({ keep: published, merge: [preprint.id] })
    expect(merged).toEqual({ survivorId: published, mergedIds: [preprint.id] })
    const one = await api.getPaper({ id: published })
    expect(one).toMatchObject({
      arxivId: '1605.08386',
      doi: '10.1016/j.aam.2018.05.004',
      title: 'Heat-Bath Random Walks With Markov Bases: Mixing Times.',
      tags: ['markov', 'to-cite'],
      status: 'read',
      note: 'journal note\n\npreprint note',
    })
    expect(one.provenance.map((p) => p.sourceKind).sort()).toEqual(['arxiv', 'file:bibtex'])
    expect((await api.storageUsage({})).files).toBe(2)
    // The merged-away number and arXiv id name the survivor.
    expect((await api.getPaper({ id: preprint.id })).id).toBe(published)
    expect((await api.findPaper({ ref: String(preprint.id) }))?.id).toBe(published)
    expect((await api.findPaper({ ref: '1605.08386' }))?.id).toBe(published)
    expect((await api.searchLibrary({ query: 'heat bath' })).hits.map((h) => h.id)).toContain(
      published,
    )
    expect(await api.listDuplicates({})).toEqual([])

    const split = await api.unmergePaper({ mergedId: preprint.id })
    expect(split).toEqual({ survivorId: published, mergedIds: [preprint.id] })
    expect(await api.getPaper({ id: preprint.id })).toMatchObject({
      arxivId: '1605.08386',
      doi: null,
      tags: ['markov'],
      note: 'preprint note',
      status: 'read',
    })
    expect(await api.getPaper({ id: published })).toMatchObject({
      arxivId: null,
      tags: ['to-cite'],
      note: 'journal note',
      status: 'unread',
    })
    expect((await api.storageUsage({})).files).toBe(2)
    expect(await api.listDuplicates({})).toHaveLength(1)
    await expect(api.unmergePaper({ mergedId: preprint.id })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('refuses to merge a paper into itself or an unknown paper, changing nothing', async () => {
    const server = await serve({})
    const { api } = open(tempDir(), server.url)
    const { paperIds } = await api.importText({
      text: '2401.00001\n2401.00002',
      format: 'ids',
      sourceName: 'ids.txt',
    })
    const [a] = paperIds
    if (a === undefined) throw new Error('import failed')
    await expect(api.mergePapers({ keep: a, merge: [a] })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(api.mergePapers({ keep: a, merge: [9999] })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect((await api.libraryInfo({})).paperCount).toBe(2)
  })
})
