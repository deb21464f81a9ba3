import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseBibtex, readCarefully } from './bibtex'

const parse = (text: string) => parseBibtex(text, { sourceUrl: 'refs.bib' })

describe('sources/bibtex-quick', () => {
  it.each([
    'zotero/bbt-2483_arxiv-preprint.bibtex',
    'zotero/bbt-460_arxiv-identifiers.bibtex',
    'zotero/bbt-460_arxiv-identifiers.biblatex',
    'zotero/stock-zotero-bibtex_ethankim00-blog.bib',
  ])('reads %s exactly as the careful parser does', (name) => {
    const text = readFixture(name)
    expect(parse(text)).toEqual(readCarefully(text))
  })

  it('reads TeX, macros, multi-line fields and names as the careful parser does', () => {
    const text = String.raw`@string{jn = {Journal of {\"U}bung}}
@comment{not an entry}
@article{k1,
  title = {The \textit{Ma{\"o}t} \emph{model}
           with $\alpha$-masses \& {\'E}cole},
  author = {M{\"u}ller, J{\"o}rg and {Google Research} and de la Fuente, Ana and Smith, Jr., John},
  journal = jn,
  abstract = {Uses \url{http://x.y} and $x^{2}$, 50\%.},
  keywords = {deep learning, NLP, Quantum Physics},
  month = mar, year = 2013, eprint = {1312.5602v2}, archiveprefix = {arXiv}, primaryclass = {cs.LG}
}
  @inproceedings{k2, title = "Quoted {T}itle -- with dashes", author = "O'Neil, Cathy",
    doi = {10.1000/XYZ-1}, date = {2020-05}}
`
    expect(parse(text)).toEqual(readCarefully(text))
    expect(parse(text).drafts.map((d) => d.provenance.line)).toEqual([3, 12])
  })

  it('decodes TeX in keywords too', () => {
    const { drafts } = parse('@misc{k, title = {T}, keywords = {{NLP}, Quantum~Physics}}')
    expect(drafts[0]?.suggestedTags?.map((t) => t.label)).toEqual(['NLP', 'Quantum Physics'])
  })

  it('reads a 5 MB abstract in time linear in its length (the careful parser takes minutes)', () => {
    const line = 'We measure the {\\"o}scillation of $\\alpha$ across many runs, again and again.\n'
    const abstract = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))
    const { drafts } = parse(`@article{long, title = {Long}, abstract = {${abstract}}}`)
    const text = drafts[0]?.abstract ?? ''
    expect(text.length).toBeGreaterThan(4_000_000)
    expect(
      text.startsWith('We measure the öscillation of α across many runs, again and again. We'),
    ).toBe(true)
    expect(text.endsWith('again and again.')).toBe(true)
  }, 120_000)
})
