import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { buildCurationLibrary, TRICKY_CSL } from '../../../../test/helpers/curation-library'
import type { PaperId } from '@shared/model/ids'
import { keyFromPattern } from './citation-keys'
import { splitName } from './person-names'

const openCore = useTestCore()
const tempDir = useTempDir()

const keyOf = async (api: ReturnType<typeof openCore>['api'], id: PaperId) =>
  (await api.citePapers({ ids: [id] }))[0]?.key

describe('citation keys', { timeout: 30_000 }, () => {
  it('reads like vaswani2017attention, folding accents and skipping stop words', () => {
    const subject = {
      id: 1,
      arxivId: null,
      publishedAt: '2017-06-12',
      title: 'Attention Is All You Need',
    }
    expect(
      keyFromPattern('[auth][year][shorttitle]', { ...subject, authors: ['Ashish Vaswani'] }),
    ).toBe('vaswani2017attention')
    expect(keyFromPattern('[auth]_[title3]', { ...subject, authors: ['José Müller'] })).toBe(
      'muller_attentionAllNeed',
    )
    expect(keyFromPattern('[auth][year]', { ...subject, authors: [], publishedAt: null })).toBe(
      'paper1',
    )
  })

  it('splits names with particles and suffixes', () => {
    expect(splitName('Ludwig van Beethoven')).toEqual({
      given: 'Ludwig',
      family: 'van Beethoven',
      suffix: '',
    })
    expect(splitName('Martin Luther King Jr.')).toEqual({
      given: 'Martin Luther',
      family: 'King',
      suffix: 'Jr.',
    })
    expect(splitName('Kaiser, Łukasz')).toEqual({ given: 'Łukasz', family: 'Kaiser', suffix: '' })
    expect(splitName('Plato')).toEqual({ given: '', family: 'Plato', suffix: '' })
  })

  it('are stored, unique regardless of case, kept across re-imports, and editable', async () => {
    const { api } = openCore(tempDir())
    const first = await api.importText({
      text: TRICKY_CSL,
      format: 'csl-json',
      sourceName: 'a.json',
    })
    // Another paper whose key would read the same.
    const twin = JSON.stringify([
      {
        ...(JSON.parse(TRICKY_CSL) as object[])[1],
        URL: undefined,
        DOI: '10.9/twin',
        title: 'Attention Matters',
      },
    ])
    const second = await api.importText({ text: twin, format: 'csl-json', sourceName: 'b.json' })
    const [tricky, vaswani] = first.paperIds
    const [copy] = second.paperIds
    if (!tricky || !vaswani || !copy) throw new Error('import failed')
    expect(await keyOf(api, vaswani)).toBe('vaswani2017attention')
    expect(await keyOf(api, copy)).toBe('vaswani2017attentiona')
    await api.importText({ text: TRICKY_CSL, format: 'csl-json', sourceName: 'a.json' })
    expect(await keyOf(api, vaswani)).toBe('vaswani2017attention')

    await expect(
      api.setCitationKey({ id: tricky, key: 'VASWANI2017attention' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(api.setCitationKey({ id: tricky, key: 'has space' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect(await api.setCitationKey({ id: tricky, key: 'mueller21' })).toEqual({ key: 'mueller21' })
    const bib = await api.exportPapers({
      scope: { kind: 'papers', ids: [tricky] },
      format: 'bibtex',
    })
    expect(bib.text).toMatch(/^@article\{mueller21,/)
    expect(await api.setCitationKey({ id: tricky, key: null })).toEqual({ key: 'muller2021script' })
  })

  it('follow a new pattern for papers that have none yet', async () => {
    const { api } = openCore(tempDir())
    await api.setCitationKeyPattern({ pattern: '[auth]-[year]' })
    const report = await api.importText({
      text: TRICKY_CSL,
      format: 'csl-json',
      sourceName: 'a.json',
    })
    const vaswani = report.paperIds[1]
    if (!vaswani) throw new Error('import failed')
    expect(await keyOf(api, vaswani)).toBe('vaswani-2017')
    await expect(api.setCitationKeyPattern({ pattern: 'no fields' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })
})

describe('cite', { timeout: 30_000 }, () => {
  it('formats references in APA, IEEE (numbered) and Chicago (author-date)', async () => {
    const { api } = openCore(tempDir())
    await buildCurationLibrary(api)
    const paper = await api.findPaper({ ref: '1706.03762' })
    if (!paper) throw new Error('test paper missing')
    const [apa] = await api.citePapers({ ids: [paper.id] })
    expect(apa?.text).toBe(
      'Vaswani, A., & Shazeer, N. (2017). Attention Is All You Need (arXiv:1706.03762). arXiv. https://arxiv.org/abs/1706.03762',
    )
    const [ieee] = await api.citePapers({ ids: [paper.id], style: 'ieee' })
    expect(ieee?.text).toMatch(/^Vaswani A, Shazeer N\. Attention Is All You Need/)
    const [chicago] = await api.citePapers({ ids: [paper.id], style: 'Chicago' })
    expect(chicago?.text).toMatch(/^Vaswani, A\. and Shazeer, N\. \(2017\)/)
    await expect(api.citePapers({ ids: [paper.id], style: 'mla-9' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })
})
