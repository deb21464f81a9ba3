import { describe, expect, it } from 'vitest'
import { extractPage } from '@shared/pages/extract-page'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseArxivFeed } from './arxiv-feed'
import { snapshotFromHtml } from './html-snapshot'
import { pagePaperDraft } from './page-paper-draft'

const page = (name: string, url: string) =>
  extractPage(snapshotFromHtml(readFixture(`pages/${name}`), url))

describe('page extraction (saved pages)', () => {
  it('an arXiv abstract page gives the same paper as the arXiv API record', () => {
    const found = page('arxiv-abs-1605.08386.html', 'https://arxiv.org/abs/1605.08386')
    expect(found).toMatchObject({ site: 'arxiv', kind: 'single' })
    const fromPage = pagePaperDraft(found.papers[0]!, 1)
    const fromApi = parseArxivFeed(readFixture('arxiv-api/id_list-1605.08386.xml')).drafts[0]!
    expect(fromPage.arxivId).toBe(fromApi.arxivId)
    expect(fromPage.title).toBe(fromApi.title)
    expect(fromPage.abstract).toBe(fromApi.abstract)
    expect(fromPage.publishedAt).toBe(fromApi.publishedAt)
    expect(fromPage.authors?.map((a) => a.name)).toEqual(fromApi.authors?.map((a) => a.name))
    expect(fromPage.pdfUrl).toBe('https://arxiv.org/pdf/1605.08386')
  })

  it('an arXiv PDF address names its paper and version without any page', () => {
    const found = extractPage({
      url: 'https://arxiv.org/pdf/2605.15320v2',
      title: '',
      meta: [],
      links: [],
    })
    expect(found.papers).toEqual([
      expect.objectContaining({ arxivId: '2605.15320', arxivVersion: 2 }),
    ])
  })

  it('a Hugging Face paper page: arXiv id from the address, title without the site prefix', () => {
    const found = page('hf-paper-2605.15320.html', 'https://huggingface.co/papers/2605.15320')
    expect(found).toMatchObject({ site: 'hf-paper', kind: 'single' })
    expect(found.papers[0]).toMatchObject({
      arxivId: '2605.15320',
      title: 'FFAvatar: Few-Shot, Feed-Forward, and Generalizable Avatar Reconstruction',
    })
  })

  it('a Hugging Face daily page lists each paper once, titled by its heading link', () => {
    const found = page('hf-daily-2026-05-18.html', 'https://huggingface.co/papers/date/2026-05-18')
    expect(found.kind).toBe('list')
    expect(found.papers.map((p) => [p.arxivId, p.title])).toEqual([
      ['2605.15320', 'FFAvatar: Few-Shot, Feed-Forward, and Generalizable Avatar Reconstruction'],
      [
        '2605.15963',
        'PAGER: Bridging the Semantic-Execution Gap in Point-Precise Geometric GUI Control',
      ],
      [
        '2605.15301',
        'Solvita: Enhancing Large Language Models for Competitive Programming via Agentic Evolution',
      ],
    ])
    expect(found.papers[0]?.pageUrl).toBe('https://huggingface.co/papers/2605.15320')
  })

  it('an OpenReview forum: citation tags, the PDF link and the date', () => {
    const found = page(
      'openreview-forum-nZeVKeeFYf9.html',
      'https://openreview.net/forum?id=nZeVKeeFYf9',
    )
    expect(found).toMatchObject({ site: 'openreview', kind: 'single' })
    expect(found.papers[0]).toMatchObject({
      arxivId: null,
      doi: null,
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      publishedAt: '2021-10-06',
      pdfUrl: 'https://openreview.net/pdf?id=nZeVKeeFYf9',
      venue: 'International Conference on Learning Representations',
    })
    expect(found.papers[0]?.authors).toHaveLength(8)
  })

  it('an ACL Anthology page: DOI, month-precise date, venue', () => {
    const found = page('acl-anthology-N19-1423.html', 'https://aclanthology.org/N19-1423/')
    expect(found).toMatchObject({ site: 'acl', kind: 'single' })
    expect(found.papers[0]).toMatchObject({
      doi: '10.18653/v1/n19-1423',
      publishedAt: '2019-06',
      pdfUrl: 'https://aclanthology.org/N19-1423.pdf',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    })
  })

  it('any page with citation tags: "Last, First" names, a relative PDF link made absolute', () => {
    const found = page(
      'citation-meta-only.html',
      'http://127.0.0.1:8000/content/cvpr2016/html/resnet.html',
    )
    expect(found).toMatchObject({ site: 'citation-meta', kind: 'single' })
    expect(found.papers[0]).toMatchObject({
      doi: '10.1109/cvpr.2016.90',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      pdfUrl:
        'http://127.0.0.1:8000/content/cvpr2016/html/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf',
      publishedAt: '2016-06',
    })
  })

  it('a DOI in Dublin Core tags alone is enough; an arXiv DOI becomes the arXiv id', () => {
    const withDoi = (doi: string) =>
      extractPage({
        url: 'https://example.org/a',
        title: 'A paper',
        meta: [{ name: 'dc.identifier', content: doi }],
        links: [],
      })
    expect(withDoi('doi:10.1000/XYZ.1').papers[0]).toMatchObject({
      doi: '10.1000/xyz.1',
      title: 'A paper',
    })
    expect(withDoi('https://doi.org/10.48550/arXiv.2605.15320').papers[0]).toMatchObject({
      arxivId: '2605.15320',
      doi: null,
    })
  })

  it('a saved copy served elsewhere is read as the page it names (og:url)', () => {
    const paper = page('hf-paper-2605.15320.html', 'http://127.0.0.1:8000/hf-paper.html')
    expect(paper).toMatchObject({ site: 'hf-paper', papers: [{ arxivId: '2605.15320' }] })
    const daily = page('hf-daily-2026-05-18.html', 'http://127.0.0.1:8000/daily.html')
    expect(daily.papers.map((p) => p.arxivId)).toEqual(['2605.15320', '2605.15963', '2605.15301'])
    expect(daily.papers[0]?.pageUrl).toBe('https://huggingface.co/papers/2605.15320')
  })

  it('a page with nothing to go on finds nothing', () => {
    const found = extractPage(
      snapshotFromHtml('<title>Blog</title><a href="/x">x</a>', 'https://example.org/'),
    )
    expect(found).toEqual({ site: 'citation-meta', kind: 'none', papers: [] })
  })

  it('the HTML scanner ignores tags inside scripts and comments and decodes entities', () => {
    const snapshot = snapshotFromHtml(
      `<script>document.write('<meta name="citation_title" content="fake">')</script><!-- <a href="/c">c</a> -->
       <meta content="Tom &amp; Jerry &#8212; a study" name="citation_title"><a href='/p?a=1&amp;b=2'>A &lt;b&gt;</a>`,
      'https://example.org/dir/',
    )
    expect(snapshot.meta).toEqual([{ name: 'citation_title', content: 'Tom & Jerry — a study' }])
    expect(snapshot.links).toEqual([{ href: 'https://example.org/p?a=1&b=2', text: 'A <b>' }])
  })
})
