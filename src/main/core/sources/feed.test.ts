import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseFeed } from './feed'
import { ParseError } from './parse-error'
import { thrownAppError } from '../../../../test/helpers/expect-helpers'

const RSS = readFixture('arxiv-rss/assembled-from-spec_rss2_math.OC.xml')
const ATOM = readFixture('arxiv-rss/assembled-from-spec_atom_math.OC.xml')
const options = { sourceUrl: 'https://rss.arxiv.org/rss/math.OC' }

const failure = (text: string) => thrownAppError(() => parseFeed(text, options))

function rss(items: string, channel = '<title>cs.CL updates on arXiv.org</title>'): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>${channel}${items}</channel>
</rss>`
}

const EXPECTED = {
  arxivId: '2203.01250',
  arxivVersion: 3,
  doi: '10.5802/jep.257',
  title: 'Mass concentration in rescaled first order integral functionals',
  authors: [
    { name: 'Antonin Monteil', affiliation: null },
    { name: 'Paul Pegon', affiliation: null },
  ],
  // A replacement's announcement date is not the paper's publication date.
  publishedAt: null,
  journalRef: "Journal de l'École polytechnique - Mathématiques, Tome 11 (2024), pp. 431-472",
  suggestedTags: [
    { label: 'math.AP', origin: 'arxiv-category' },
    { label: 'math.OC', origin: 'arxiv-category' },
  ],
}

describe('sources/feed', () => {
  it('reads an arXiv RSS listing entry field by field', () => {
    const { drafts, skipped } = parseFeed(RSS, options)
    expect(skipped).toEqual([])
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({
      ...EXPECTED,
      provenance: { line: 17, rank: 1, section: null },
    })
    expect(drafts[0]?.abstract).toMatch(
      /^We consider first order local minimization problems of the form \$\\min \\int/,
    )
    expect(drafts[0]?.abstract).toMatch(
      /approximation of branched transport by elliptic energies\.$/,
    )
  })

  it('reads the Atom form of the same listing to the same paper', () => {
    const { drafts } = parseFeed(ATOM, options)
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatchObject({ ...EXPECTED, provenance: { line: 8, rank: 1 } })
    expect(drafts[0]?.abstract).toBe(parseFeed(RSS, options).drafts[0]?.abstract)
  })

  it('reads an empty weekend listing as an empty list, not an error', () => {
    const empty = RSS.replace(/<item>[\s\S]*<\/item>/, '')
    expect(parseFeed(empty, options)).toEqual({ drafts: [], skipped: [] })
  })

  it('splits the creator string at commas outside parentheses and keeps affiliations', () => {
    const item = `<item><title>T</title><link>https://arxiv.org/abs/2401.00001</link>
      <guid isPermaLink="false">oai:arXiv.org:2401.00001v1</guid>
      <arxiv:announce_type>new</arxiv:announce_type>
      <pubDate>Fri, 23 Feb 2024 00:00:00 -0500</pubDate>
      <dc:creator>Marc Barth\\'elemy (CNRS, Universit\\'e Paris-Saclay), Jane Roe, Li Wei (MIT)</dc:creator></item>`
    const [draft] = parseFeed(rss(item), options).drafts
    expect(draft?.authors).toEqual([
      { name: 'Marc Barthélemy', affiliation: 'CNRS, Université Paris-Saclay' },
      { name: 'Jane Roe', affiliation: null },
      { name: 'Li Wei', affiliation: 'MIT' },
    ])
    expect(draft).toMatchObject({
      arxivId: '2401.00001',
      arxivVersion: 1,
      publishedAt: '2024-02-23',
    })
  })

  it('reads old-style ids and the version from the description when the guid has none', () => {
    const item = `<item><title>Old</title><link>https://arxiv.org/abs/hep-th/9901001</link>
      <description>arXiv:hep-th/9901001v2 Announce Type: replace
Abstract: Strings.</description></item>`
    const [draft] = parseFeed(rss(item), options).drafts
    expect(draft).toMatchObject({
      arxivId: 'hep-th/9901001',
      arxivVersion: 2,
      abstract: 'Strings.',
    })
  })

  it('reads a generic feed: DOI links, HTML descriptions as text, categories as keywords', () => {
    const text = `<?xml version="1.0"?><rss version="2.0"><channel><title>Journal</title>
      <item><title>A result</title><link>https://doi.org/10.1000/ABC.1</link>
        <description>&lt;p&gt;We show &lt;b&gt;that&lt;/b&gt; a &amp;amp; b.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
        <category>Optics</category><author>jane@example.org (Jane Roe)</author>
        <pubDate>Mon, 2 Sep 2024 10:00:00 GMT</pubDate></item>
      <item><title>On HF</title><link>https://huggingface.co/papers/2505.01234</link></item>
      <item><description>no title, no link</description></item>
    </channel></rss>`
    const { drafts, skipped } = parseFeed(text, options)
    expect(drafts).toHaveLength(2)
    expect(drafts[0]).toMatchObject({
      arxivId: null,
      doi: '10.1000/abc.1',
      title: 'A result',
      publishedAt: '2024-09-02',
      suggestedTags: [{ label: 'Optics', origin: 'keyword' }],
    })
    expect(drafts[0]?.abstract?.trim()).toBe('We show that a & b.')
    expect(drafts[1]).toMatchObject({ arxivId: '2505.01234', title: 'On HF' })
    expect(skipped).toMatchObject([{ line: 7, reason: 'no title and no link to a paper' }])
  })

  it('reads an Atom feed with html summaries and author names', () => {
    const text = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
      <entry><title type="html">Deep &lt;i&gt;nets&lt;/i&gt;</title>
        <link rel="alternate" href="https://arxiv.org/pdf/2401.00002v4"/>
        <summary type="html">&lt;p&gt;Short.&lt;/p&gt;</summary>
        <author><name>Ada Lovelace</name></author><published>2024-01-02T10:00:00Z</published></entry></feed>`
    const [draft] = parseFeed(text, options).drafts
    expect(draft).toMatchObject({
      arxivId: '2401.00002',
      arxivVersion: 4,
      title: 'Deep nets',
      authors: [{ name: 'Ada Lovelace', affiliation: null }],
      publishedAt: '2024-01-02',
    })
    expect(draft?.abstract?.trim()).toBe('Short.')
  })

  it("turns arXiv's error feed into a remote error with arXiv's message", () => {
    const text = rss(
      '',
      '<title>Feed error for query: cs.XX</title><description>Invalid category: cs.XX</description>',
    )
    const error = failure(text)
    expect(error.code).toBe('remote-error')
    expect(error.message).toBe('arXiv refused the feed query: Invalid category: cs.XX')
  })

  it('refuses truncated XML with the line at fault', () => {
    const error = failure(RSS.slice(0, RSS.indexOf('<category>')))
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(/^line \d+: this is not well-formed XML/)
  })

  it('refuses a billion-laughs document before expanding anything', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>`
    const error = failure(lol)
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(/^line 3: the feed declares XML entities/)
  })

  it('refuses elements nested far deeper than any feed, with a parse error', () => {
    const deep = `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry>'.repeat(100_000)}${'</entry>'.repeat(100_000)}</feed>`
    const error = failure(deep)
    expect(error).toBeInstanceOf(ParseError)
    expect(error.message).toMatch(/XML.*Maximum nested tags/)
  })

  it('refuses XML that is not a feed', () => {
    expect(failure('<html><body>Not found</body></html>').message).toMatch(/root element is <html>/)
  })

  it('refuses a 50 MB single line by its size, before parsing', () => {
    const error = failure(`<rss>${'a'.repeat(50 * 1024 * 1024)}`)
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/a feed of 50\.0 MB is more than the 16\.0 MB/)
  })
})
