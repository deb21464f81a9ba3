import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { hfSearchAnswer } from '../../../../test/helpers/hf-search-answer'
import { HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { parseHfPageCopy } from '../sources/hf-page-copy'

const JSON_HEADERS = { 'content-type': 'application/json' }
const ATOM_HEADERS = { 'content-type': 'application/atom+xml; charset=utf-8' }
const searchAnswer = (results: ReadonlyArray<{ id: string; title: string }>) =>
  hfSearchAnswer(results, { unrelated: true })

/** The recorded arXiv answer for one id, retitled. */
function arxivAnswer(title: string): string {
  return readFixture('arxiv-api/id_list-1605.08386.xml').replace(
    'Heat-bath random walks with Markov bases',
    title,
  )
}

describe('resolve/resolve-papers', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()
  const text = readFixture(HF_PAGE_COPY)
  const titles = parseHfPageCopy(text, { now: new Date('2026-11-26T12:00:00Z') }).drafts.map(
    (d) => d.title ?? '',
  )

  it('resolves the copied page by exact title, on Hugging Face then arXiv, and leaves an ambiguous title alone', async () => {
    expect(titles).toHaveLength(12)
    const [ambiguous, viaArxiv] = [titles[1]!, titles[2]!]
    const idOf = (i: number) => `2505.${String(10000 + i)}`
    const server = await serve({
      'GET /api/papers/search': (req) => {
        const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? ''
        const index = titles.indexOf(q)
        if (q === ambiguous) {
          return {
            headers: JSON_HEADERS,
            body: searchAnswer([
              { id: '2412.00001', title: q },
              { id: '2412.00002', title: `${q}.` },
            ]),
          }
        }
        if (index < 0 || q === viaArxiv) return { headers: JSON_HEADERS, body: searchAnswer([]) }
        // Hugging Face capitalises differently than the page: the normalised titles still match.
        return {
          headers: JSON_HEADERS,
          body: searchAnswer([{ id: idOf(index), title: q.toUpperCase() }]),
        }
      },
      'GET /api/query': { headers: ATOM_HEADERS, body: arxivAnswer(viaArxiv) },
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({ text, format: 'hf-page', sourceName: 'page.txt' })

    const report = await api.resolvePapers({})
    expect(report.unresolved).toEqual([
      expect.objectContaining({
        title: ambiguous,
        reason: expect.stringMatching(/^ambiguous: 2 papers have this title/) as unknown,
      }),
    ])
    expect(report.resolved).toHaveLength(11)
    expect((await api.libraryInfo({})).paperCount).toBe(12)
    // The Hugging Face record is trusted above the copied page, so its wording of the title wins.
    expect(await api.findPaper({ ref: idOf(0) })).toMatchObject({ title: titles[0]!.toUpperCase() })
    expect(await api.findPaper({ ref: idOf(11) })).toMatchObject({
      title: titles[11]!.toUpperCase(),
    })
    expect(await api.findPaper({ ref: '1605.08386' })).toMatchObject({
      title: viaArxiv,
      authors: ['Caprice Stanley', 'Tobias Windisch'],
    })
    const query = server.requests.find((r) => r.url.startsWith('/api/query'))
    expect(decodeURIComponent(query?.url ?? '')).toContain('search_query=ti:"')
  })

  it('never merges a title into another paper that already holds the matched arXiv id', async () => {
    const title = titles[0]!
    const server = await serve({
      'GET /api/papers/search': {
        headers: JSON_HEADERS,
        body: searchAnswer([{ id: '2505.20000', title }]),
      },
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({ text: '2505.20000', format: 'ids', sourceName: 'ids.txt' })
    await api.importText({ text, format: 'hf-page', sourceName: 'page.txt' })
    const first = await api.findPaper({ ref: '2505.20000' })
    const [paper] = (await api.listPapers({ limit: 100 })).papers.filter((p) => p.title === title)
    const report = await api.resolvePapers({ ids: [paper!.id] })
    expect(report.resolved).toEqual([])
    expect(report.unresolved[0]?.reason).toMatch(
      new RegExp(`already paper ${first!.id}; not merged`),
    )
    expect((await api.libraryInfo({})).paperCount).toBe(13)
  })

  it('fills in a paper known only by its arXiv id from Hugging Face', async () => {
    const server = await serve({
      'GET /api/papers/2605.15320': {
        headers: JSON_HEADERS,
        body: readFixture('hf-paper/paper_2605.15320.json'),
      },
    })
    const { api } = open(tempDir(), server.url)
    await api.importText({ text: 'arXiv:2605.15320', format: 'ids', sourceName: 'ids.txt' })
    const report = await api.resolvePapers({})
    expect(report.resolved).toEqual([expect.objectContaining({ arxivId: '2605.15320' })])
    expect(await api.findPaper({ ref: '2605.15320' })).toMatchObject({
      title: 'FFAvatar: Few-Shot, Feed-Forward, and Generalizable Avatar Reconstruction',
    })
  })
})
