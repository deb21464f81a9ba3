import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseArxivFeed } from './arxiv-feed'

const fixture = (name: string) => readFixture(`arxiv-api/${name}`)

describe('sources/arxiv-api', () => {
  it('reads an entry: versionless id and version, folded text, authors, date, categories primary first', () => {
    const page = parseArxivFeed(fixture('id_list-1605.08386.xml'))
    expect(page.totalResults).toBe(1)
    expect(page.drafts).toEqual([
      expect.objectContaining({
        arxivId: '1605.08386',
        arxivVersion: 1,
        doi: null,
        title: 'Heat-bath random walks with Markov bases',
        authors: [
          { name: 'Caprice Stanley', affiliation: null },
          { name: 'Tobias Windisch', affiliation: null },
        ],
        publishedAt: '2016-05-26',
        withdrawn: false,
        suggestedTags: [
          { label: 'math.CO', origin: 'arxiv-category' },
          { label: 'math.ST', origin: 'arxiv-category' },
        ],
      }),
    ])
  })

  it('reads the legacy layout with per-element namespaces and hard-wrapped text', () => {
    const [draft] = parseArxivFeed(fixture('legacy-format-user-manual-example.xml')).drafts
    expect(draft).toMatchObject({
      arxivId: 'hep-ex/0307015',
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
      journalRef: 'Eur.Phys.J. C31 (2003) 17-29',
      publishedAt: '2003-07-07',
      authors: [{ name: 'H1 Collaboration', affiliation: null }],
    })
    expect(draft?.abstract).toContain('0.30 \\pm 0.04')
  })

  it('does not depend on the prefixes a feed chooses', () => {
    const renamed = fixture('id_list-astro-ph_0601001.xml')
      .replace('xmlns:arxiv=', 'xmlns:ax=')
      .replaceAll('<arxiv:', '<ax:')
      .replaceAll('</arxiv:', '</ax:')
      .replace('xmlns="http://www.w3.org/2005/Atom"', 'xmlns:atom="http://www.w3.org/2005/Atom"')
      .replaceAll(
        /<(\/?)(feed|entry|id|title|updated|link|summary|category|published|author|name)\b/g,
        '<$1atom:$2',
      )
    const [draft] = parseArxivFeed(renamed).drafts
    expect(draft).toMatchObject({
      arxivId: 'astro-ph/0601001',
      journalRef: 'ActaAstron.56:1-50,2006',
      authors: expect.arrayContaining([
        { name: 'Andrew Gould', affiliation: 'Ohio State' },
      ]) as unknown,
    })
  })

  it('keeps a title that is just "0"', () => {
    expect(parseArxivFeed(fixture('id_list-2104.12255v1-title-zero.xml')).drafts[0]?.title).toBe(
      '0',
    )
  })

  it('keeps the journal DOI and ignores the DOI arXiv assigns itself', () => {
    const [first] = parseArxivFeed(fixture('search_query-testing-start0-max10.xml')).drafts
    expect(first?.doi).toBe('10.1109/icstw55395.2022.00035')
    const own = fixture('id_list-1605.08386.xml').replace(
      '<arxiv:comment>',
      '<arxiv:doi>10.48550/arXiv.1605.08386</arxiv:doi><arxiv:comment>',
    )
    expect(parseArxivFeed(own).drafts[0]?.doi).toBeNull()
  })

  it('marks a withdrawn latest version and points the PDF at the version before it', () => {
    const withdrawn = fixture('id_list-1605.08386.xml')
      .replace(
        '<id>http://arxiv.org/abs/1605.08386v1</id>',
        '<id>http://arxiv.org/abs/1605.08386v3</id>',
      )
      .replace(
        '20 pages, 3 figures',
        'This paper has been withdrawn by the author due to an error in Lemma 2',
      )
    const [draft] = parseArxivFeed(withdrawn, { arxivBase: 'https://arxiv.org' }).drafts
    expect(draft).toMatchObject({
      withdrawn: true,
      arxivVersion: 3,
      pdfUrl: 'https://arxiv.org/pdf/1605.08386v2',
    })
  })

  it('reads an empty result as no papers, not an error', () => {
    expect(parseArxivFeed(fixture('id_list-0000.0000-empty.xml'))).toMatchObject({
      totalResults: 0,
      drafts: [],
    })
  })

  it("turns an error feed into a remote error with arXiv's message", () => {
    expect(() => parseArxivFeed(fixture('id_list-abc-error-http400.xml'))).toThrow(
      /arXiv refused the query: incorrect id format for abc/,
    )
  })

  it('names the line of malformed XML', () => {
    const broken = fixture('id_list-1605.08386.xml').replace('</title>', '</titel>')
    expect(() => parseArxivFeed(broken)).toThrow(/line \d+: this is not well-formed XML/)
  })
})
