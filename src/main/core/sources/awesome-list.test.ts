import { AppError } from '@shared/api/errors'
import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../../test/helpers/fixtures'
import { parseAwesomeList } from './awesome-list'

const README = readFixture('awesome-lists/Awesome-Parallel-Text-Generation_README.md')
const options = {
  sourceUrl: 'https://github.com/zhanglingzhe0820/Awesome-Parallel-Text-Generation',
}
const parsed = parseAwesomeList(README, options)

/** The arXiv ids the README links, found by a plain scan independent of the parser. */
function linkedArxivIds(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/g)].map((m) => m[1] ?? ''),
  )
}

describe('sources/awesome-list', () => {
  it('finds every arXiv paper the real list links', () => {
    const { drafts } = parsed
    const found = new Set(
      drafts.map((d) => d.arxivId).filter((id) => id !== null && id !== undefined),
    )
    const expected = linkedArxivIds(README)
    expect(expected.size).toBe(140)
    expect(found).toEqual(expected)
  })

  it('emits one draft per table row in document order, plus the survey in the header block', () => {
    const { drafts, skipped } = parsed
    expect(skipped).toEqual([])
    expect(drafts).toHaveLength(177)
    expect(drafts.map((d) => d.provenance.rank)).toEqual(drafts.map((_d, i) => i + 1))
    const lines = drafts.map((d) => d.provenance.line ?? 0)
    expect([...lines].sort((a, b) => a - b)).toEqual(lines)
  })

  it('reads a row: title, arXiv id, heading path as section and tag, code repository', () => {
    const row = parsed.drafts.find((d) => d.arxivId === '2401.15077')
    expect(row).toMatchObject({
      title: 'EAGLE: Speculative Sampling Requires Rethinking Feature Uncertainty',
      arxivVersion: null,
      codeUrl: 'https://github.com/SafeAILab/EAGLE',
      projectUrl: null,
      suggestedTags: [{ label: 'Methodology/AR-Based/Draft-and-Verify', origin: 'list-section' }],
      provenance: { section: 'Methodology / AR-Based / Draft-and-Verify' },
    })
    expect(row?.provenance.raw).toMatch(/^\| \[EAGLE: Speculative Sampling/)
  })

  it('keeps the list title out of section paths and starts the path at the first heading below it', () => {
    const [survey] = parsed.drafts
    expect(survey).toMatchObject({
      arxivId: '2508.08712',
      title:
        'A Survey on Parallel Text Generation: From Parallel Decoding to Diffusion Language Models',
      provenance: { line: 4, rank: 1, section: 'Our Survey' },
    })
  })

  it('emits a paper listed twice twice, each with its own line, for the writer to report', () => {
    const { drafts } = parsed
    const medusa = drafts.filter((d) => d.arxivId === '2401.10774')
    expect(medusa).toHaveLength(2)
    expect(medusa[0]?.provenance.line).not.toBe(medusa[1]?.provenance.line)
  })

  it('keeps OpenReview and ACL Anthology papers by title with their PDF link', () => {
    const { drafts } = parsed
    expect(drafts.find((d) => d.title?.startsWith('Kangaroo'))).toMatchObject({
      arxivId: null,
      pdfUrl: 'https://openreview.net/pdf?id=lT3oc04mDp',
      codeUrl: 'https://github.com/Equationliu/Kangaroo',
    })
    expect(drafts.find((d) => d.title?.startsWith('A Drop-in Solution'))).toMatchObject({
      pdfUrl: 'https://aclanthology.org/2025.acl-long.482.pdf',
    })
  })

  it('reads bullet lists: links of every kind, generic link words, project pages, nested sections', () => {
    const markdown = [
      '# Awesome Things',
      '',
      '- [Contents](#surveys)',
      '',
      '## Surveys',
      '',
      '- [Attention Is All You Need](https://arxiv.org/pdf/1706.03762v7.pdf) - Vaswani et al., *NeurIPS* 2017 [[code]](https://github.com/tensorflow/tensor2tensor/tree/master) [[project page]](https://example.org/transformer)',
      '- **[ICLR 2024]** Flow Matching Guide [[paper]](https://huggingface.co/papers/2412.06264)',
      '  - [A DOI paper](https://doi.org/10.1145/3292500.3330701)',
      '',
      '### Old',
      '',
      '* [An arXiv DOI](https://doi.org/10.48550/arXiv.2206.07690)',
      '* [Some blog post](https://example.org/blog)',
      '',
      '## Other',
      '',
      '1. [Reference style][ref]',
      '',
      '[ref]: https://arxiv.org/html/2402.00001v2',
    ].join('\n')
    const { drafts } = parseAwesomeList(markdown, options)
    expect(
      drafts.map((d) => [d.arxivId ?? d.doi, d.title, d.provenance.section, d.provenance.line]),
    ).toEqual([
      ['1706.03762', 'Attention Is All You Need', 'Surveys', 7],
      ['2412.06264', 'Flow Matching Guide', 'Surveys', 8],
      ['10.1145/3292500.3330701', 'A DOI paper', 'Surveys', 9],
      ['2206.07690', 'An arXiv DOI', 'Surveys / Old', 13],
      ['2402.00001', 'Reference style', 'Other', 18],
    ])
    expect(drafts[0]).toMatchObject({
      arxivVersion: 7,
      codeUrl: 'https://github.com/tensorflow/tensor2tensor',
      projectUrl: 'https://example.org/transformer',
    })
  })

  it('refuses markdown nested too deep to be a list before reading it', () => {
    const quotes = `${'> '.repeat(20_000)}[a](https://arxiv.org/abs/2401.00001)\n`
    const lists = Array.from({ length: 2000 }, (_v, i) => `${'  '.repeat(i)}- x`).join('\n')
    const brackets = `# x\n${'['.repeat(50_000)}`
    expect(() => parseAwesomeList(quotes, options)).toThrow(
      'line 1: block quotes nested 20000 levels deep',
    )
    expect(() => parseAwesomeList(lists, options)).toThrow(
      'line 82: a list item indented 162 columns',
    )
    expect(() => parseAwesomeList(brackets, options)).toThrow("line 2: 50000 '[' on one line")
  })

  it('still reads lists nested a few levels and quoted entries', () => {
    const markdown =
      '> - [A](https://arxiv.org/abs/2401.00001)\n>   - [B](https://arxiv.org/abs/2401.00002)\n'
    expect(parseAwesomeList(markdown, options).drafts.map((d) => d.arxivId)).toEqual([
      '2401.00001',
      '2401.00002',
    ])
  })

  it('refuses a 50 MB single line by its size', () => {
    try {
      parseAwesomeList(`# x ${'a'.repeat(50 * 1024 * 1024)}`, options)
      throw new Error('expected an error')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('too-large')
    }
  })
})
