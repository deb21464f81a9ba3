import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'

const DOI = '10.1000/edits.1'
const JSON_HEADERS = { 'content-type': 'application/json' }

/** A Crossref work in the documented shape, titled as given. */
function crossrefWork(title: string): string {
  return JSON.stringify({
    status: 'ok',
    message: {
      DOI,
      title: [title],
      author: [
        { given: 'Grace', family: 'Hopper' },
        { given: 'Alan', family: 'Turing' },
      ],
      issued: { 'date-parts': [[2019, 5]] },
      'container-title': ['Journal of Examples'],
      abstract: '<jats:p>What the registry says.</jats:p>',
    },
  })
}

describe('curation/metadata edits', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('a DOI-only paper is filled in from Crossref; the user edits survive a re-sync and revert to the source', async () => {
    let title = 'Compilers fOR the masses'
    const server = await serve({
      [`GET /crossref/works/${DOI}`]: () => ({ headers: JSON_HEADERS, body: crossrefWork(title) }),
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({ text: `${DOI}\n`, format: 'ids', sourceName: 'dois.txt' })
    const paper = await api.findPaper({ ref: DOI })
    expect(paper).toMatchObject({ title: null, editedFields: [] })
    await api.resolvePapers({})
    expect(await api.getPaper({ id: paper!.id })).toMatchObject({
      title: 'Compilers fOR the masses',
      authors: ['Grace Hopper', 'Alan Turing'],
      publishedAt: '2019-05',
      venue: 'Journal of Examples',
    })

    const edited = await api.editPaperMetadata({
      id: paper!.id,
      fields: {
        title: 'Compilers for the Masses',
        authors: ['Grace M. Hopper', 'Alan M. Turing', 'Ada Lovelace'],
        publishedAt: '2019-05-21',
        abstract: 'My own summary.',
      },
    })
    expect(edited).toMatchObject({
      title: 'Compilers for the Masses',
      authors: ['Grace M. Hopper', 'Alan M. Turing', 'Ada Lovelace'],
      authorCount: 3,
      publishedAt: '2019-05-21',
      abstract: 'My own summary.',
      venue: 'Journal of Examples',
      editedFields: ['title', 'authors', 'publishedAt', 'abstract'],
    })

    // The registry changes its record; a re-sync brings it in but shows the user's fields.
    title = 'Compilers for the masses (corrected)'
    const again = await api.resolvePapers({ ids: [paper!.id] })
    expect(again.resolved).toHaveLength(1)
    // Bibliography and search see the edited fields.
    const afterSync = await api.getPaper({ id: paper!.id })
    expect(afterSync).toMatchObject({
      title: 'Compilers for the Masses',
      authors: ['Grace M. Hopper', 'Alan M. Turing', 'Ada Lovelace'],
      publishedAt: '2019-05-21',
      abstract: 'My own summary.',
    })
    const hits = await api.searchLibrary({ query: 'lovelace' })
    expect(hits.hits.map((h) => h.id)).toEqual([paper!.id])
    const bib = await api.exportPapers({
      scope: { kind: 'papers', ids: [paper!.id] },
      format: 'bibtex',
    })
    expect(bib.text).toContain('title = {Compilers for the {Masses}}')
    expect(bib.text).toContain('Lovelace')

    // Revert one field: the source's newest value comes back, the other edits stay.
    const titleBack = await api.revertPaperMetadata({ id: paper!.id, fields: ['title'] })
    expect(titleBack).toMatchObject({
      title: 'Compilers for the masses (corrected)',
      abstract: 'My own summary.',
      editedFields: ['authors', 'publishedAt', 'abstract'],
    })
    const allBack = await api.revertPaperMetadata({ id: paper!.id })
    expect(allBack).toMatchObject({
      authors: ['Grace Hopper', 'Alan Turing'],
      authorCount: 2,
      publishedAt: '2019-05',
      abstract: 'What the registry says.',
      editedFields: [],
    })
    expect((await api.searchLibrary({ query: 'lovelace' })).hits).toEqual([])
  })

  it('an edit survives re-importing the file it came from; an identifier another paper holds is refused', async () => {
    const server = await serve({})
    const { api } = open(tempDir(), server.url)
    const bib = (title: string) =>
      `@article{a, title={${title}}, author={Doe, Jane}, year={2020}, journal={Old Venue}, doi={10.1000/a}}
@article{b, title={Another paper}, author={Roe, Rick}, year={2021}, doi={10.1000/b}}
`
    await api.importText({ text: bib('A typo titel'), format: 'bibtex', sourceName: 'refs.bib' })
    const a = await api.findPaper({ ref: '10.1000/a' })
    await api.editPaperMetadata({
      id: a!.id,
      fields: { title: 'A typo title', venue: 'New Venue' },
    })
    // The file changes too (other words, a later year): the edited fields stay, the rest follows.
    const report = await api.importText({
      text: bib('A typo titel, revised').replace('2020', '2022'),
      format: 'bibtex',
      sourceName: 'refs.bib',
    })
    expect(report.added).toBe(0)
    expect(await api.getPaper({ id: a!.id })).toMatchObject({
      title: 'A typo title',
      venue: 'New Venue',
      publishedAt: '2022',
      editedFields: ['title', 'venue'],
    })
    // Re-importing an unchanged file writes nothing.
    const unchanged = await api.importText({
      text: bib('A typo titel, revised').replace('2020', '2022'),
      format: 'bibtex',
      sourceName: 'refs.bib',
    })
    expect(unchanged).toMatchObject({ added: 0, updated: 0 })

    await expect(
      api.editPaperMetadata({ id: a!.id, fields: { doi: 'https://doi.org/10.1000/B' } }),
    ).rejects.toThrow(/doi:10\.1000\/b is paper \d+ already; merge the two papers instead/)
    await expect(
      api.editPaperMetadata({ id: a!.id, fields: { publishedAt: '2020-13' } }),
    ).rejects.toThrow(/YYYY-MM/)
    // Nothing of a refused edit was kept.
    expect(await api.getPaper({ id: a!.id })).toMatchObject({
      doi: '10.1000/a',
      title: 'A typo title',
    })

    // An arXiv id given by hand is the paper's identity from then on.
    await api.editPaperMetadata({ id: a!.id, fields: { arxivId: 'arXiv:2101.00001v2' } })
    expect(await api.findPaper({ ref: '2101.00001' })).toMatchObject({ id: a!.id })
  })
})
