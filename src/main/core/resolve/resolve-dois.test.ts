import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }
const JSON_API_HEADERS = { 'content-type': 'application/vnd.api+json; charset=utf-8' }

/** A Crossref `/works/{doi}` answer in the documented shape. */
const CROSSREF_WORK = JSON.stringify({
  status: 'ok',
  'message-type': 'work',
  'message-version': '1.0.0',
  message: {
    DOI: '10.1145/3442188.3445922',
    type: 'proceedings-article',
    title: ['On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜'],
    author: [
      { given: 'Emily M.', family: 'Bender', sequence: 'first', affiliation: [] },
      { given: 'Timnit', family: 'Gebru', sequence: 'additional', affiliation: [] },
      { name: 'The Parrots Collective', sequence: 'additional', affiliation: [] },
    ],
    issued: { 'date-parts': [[2021, 3, 3]] },
    'container-title': [
      'Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency',
    ],
    page: '610-623',
    abstract:
      '<jats:title>Abstract</jats:title><jats:p>The past 3 years of work in NLP have been characterized by the development of <jats:italic>ever larger</jats:italic> language models.</jats:p>',
    URL: 'https://doi.org/10.1145/3442188.3445922',
  },
})

/** A DataCite `/dois/{doi}` answer (JSON:API) for a dataset. */
const DATACITE_DATASET = JSON.stringify({
  data: {
    id: '10.5281/zenodo.1234567',
    type: 'dois',
    attributes: {
      doi: '10.5281/zenodo.1234567',
      titles: [
        { title: 'Multilingual Reading Comprehension Corpus' },
        { title: 'MRCC', titleType: 'AlternativeTitle' },
      ],
      creators: [
        { name: 'Okafor, Chidi', nameType: 'Personal', givenName: 'Chidi', familyName: 'Okafor' },
        { name: 'Lindqvist, Åsa', nameType: 'Personal' },
      ],
      publisher: 'Zenodo',
      publicationYear: 2022,
      dates: [{ date: '2022-06-16', dateType: 'Issued' }],
      descriptions: [
        {
          description: '<p>Questions and answers in 40 languages.</p>',
          descriptionType: 'Abstract',
        },
      ],
      types: { resourceTypeGeneral: 'Dataset' },
    },
  },
})

describe('resolve/resolve-papers with DOIs', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('fills in a DOI-only paper from Crossref and a dataset DOI from DataCite', async () => {
    const server = await serve({
      'GET /crossref/works/10.1145/3442188.3445922': { headers: JSON_HEADERS, body: CROSSREF_WORK },
      'GET /datacite/dois/10.5281/zenodo.1234567': {
        headers: JSON_API_HEADERS,
        body: DATACITE_DATASET,
      },
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({
      text: '10.1145/3442188.3445922\nhttps://doi.org/10.5281/zenodo.1234567\n10.9999/nobody.knows\n',
      format: 'ids',
      sourceName: 'dois.txt',
    })
    const before = await api.findPaper({ ref: '10.1145/3442188.3445922' })
    expect(before).toMatchObject({ title: null, authors: [] })

    const report = await api.resolvePapers({})
    expect(report.resolved.map((r) => r.title)).toEqual([
      'On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜',
      'Multilingual Reading Comprehension Corpus',
    ])
    expect(report.unresolved).toEqual([
      expect.objectContaining({
        reason: 'neither Crossref nor DataCite knows doi:10.9999/nobody.knows',
      }),
    ])
    // Crossref knew the first DOI: DataCite was never asked for it.
    expect(server.requests.map((r) => r.url)).not.toContain(
      '/datacite/dois/10.1145/3442188.3445922',
    )

    const parrots = await api.getPaper({ id: before!.id })
    expect(parrots).toMatchObject({
      doi: '10.1145/3442188.3445922',
      authors: ['Emily M. Bender', 'Timnit Gebru', 'The Parrots Collective'],
      publishedAt: '2021-03-03',
      abstract:
        'The past 3 years of work in NLP have been characterized by the development of ever larger language models.',
    })
    expect(parrots.provenance.map((p) => p.sourceName)).toContain('Resolved via Crossref')
    const dataset = await api.findPaper({ ref: '10.5281/zenodo.1234567' })
    expect(dataset).toMatchObject({
      title: 'Multilingual Reading Comprehension Corpus',
      authors: ['Chidi Okafor', 'Åsa Lindqvist'],
      publishedAt: '2022-06-16',
      abstract: 'Questions and answers in 40 languages.',
    })
    // The venue travels to exports.
    const bib = await api.exportPapers({
      scope: { kind: 'papers', ids: [before!.id] },
      format: 'biblatex',
    })
    expect(bib.text).toContain('Proceedings of the 2021 ACM Conference on Fairness')

    // A second run asks nothing: both papers have titles now, the third is still unknown.
    const again = await api.resolvePapers({})
    expect(again.resolved).toEqual([])
  })

  it('looks a paper with a title up by its DOI when it is named, and trusts Crossref above a reference file', async () => {
    const server = await serve({
      'GET /crossref/works/10.1145/3442188.3445922': { headers: JSON_HEADERS, body: CROSSREF_WORK },
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({
      text: '@inproceedings{bender, title={Stochastic parrots}, doi={10.1145/3442188.3445922}, year={2021}}\n',
      format: 'bibtex',
      sourceName: 'refs.bib',
    })
    const paper = await api.findPaper({ ref: '10.1145/3442188.3445922' })
    expect((await api.resolvePapers({})).resolved).toEqual([])
    const report = await api.resolvePapers({ ids: [paper!.id] })
    expect(report.resolved).toHaveLength(1)
    // Crossref is trusted above a reference file: its wording of the title wins.
    expect(await api.getPaper({ id: paper!.id })).toMatchObject({
      title: 'On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜',
      publishedAt: '2021-03-03',
    })
  })

  it('names the address when a registry answers in an unexpected shape', async () => {
    const server = await serve({
      'GET /crossref/works/10.1000/odd': {
        headers: JSON_HEADERS,
        body: JSON.stringify({ status: 'ok', message: { title: 'not an array' } }),
      },
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({ text: '10.1000/odd\n', format: 'ids', sourceName: 'odd.txt' })
    const report = await api.resolvePapers({})
    expect(report.resolved).toEqual([])
    expect(report.unresolved[0]?.reason).toMatch(/crossref\/works\/10\.1000\/odd/)
    expect(report.unresolved[0]?.reason).toMatch(/message/)
  })
})
