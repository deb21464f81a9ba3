import { describe, expect, it } from 'vitest'
import { isHfPageCopy, parseHfPageCopy } from './hf-page-copy'
import { ParseError } from './parse-error'
import { HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'

const sample = readFixture(HF_PAGE_COPY)
const NOW = new Date('2026-11-26T12:00:00Z')
const LONG = 'We study a problem at length. '.repeat(12).trim()

type Expected = {
  title: string
  start: string
  end: string
  authorCount: number | null
  org: { handle: string; name: string } | null
  publishedAt: string
  upvotes: number | null
}

const expected: Expected[] = [
  {
    title: 'ToTRL: Unlock LLM Tree-of-Thoughts Reasoning Potential through Puzzles Solving',
    start: 'Large language models (LLMs) demonstrate significant reasoning',
    end: 'reasoning efficiency on complex reasoning tasks.',
    authorCount: 7,
    org: null,
    publishedAt: '2025-05-19',
    upvotes: null,
  },
  {
    title: 'ASGDiffusion: Parallel High-Resolution Generation with Asynchronous Structure Guidance',
    start: 'Training-free high-resolution (HR) image generation has garnered',
    end: 'achieves state-of-the-art HR generation.',
    authorCount: 8,
    org: null,
    publishedAt: '2024-12-08',
    upvotes: null,
  },
  {
    title: 'TiDAR: Think in Diffusion, Talk in Autoregression',
    start: 'Diffusion language models hold the promise of fast parallel generation',
    end: 'delivering 4.71x to 5.91x more tokens per second.',
    authorCount: null,
    org: { handle: 'nvidia', name: 'NVIDIA' },
    publishedAt: '2025-11-11',
    upvotes: 5,
  },
  {
    title:
      'MINT: Multi-modal Chain of Thought in Unified Generative Models for Enhanced Image Generation',
    start: 'Unified generative models have demonstrated extraordinary performance',
    end: 'text-to-image (T2I) and image-to-text (I2T) tasks.',
    authorCount: 15,
    org: null,
    publishedAt: '2025-03-03',
    upvotes: null,
  },
  {
    title:
      'BandControlNet: Parallel Transformers-based Steerable Popular Music Generation with ' +
      'Fine-Grained Spatiotemporal Features',
    start: 'Controllable music generation promotes the interaction between humans',
    end: 'while outperforming them significantly using longer datasets.',
    authorCount: 3,
    org: null,
    publishedAt: '2024-07-15',
    upvotes: null,
  },
  {
    title:
      'Cross-lingual Transfer for Automatic Question Generation by Learning Interrogative ' +
      'Structures in Target Languages',
    start: 'Automatic question generation (QG) serves a wide range of purposes',
    end: 'an effective solution for QG and QA tasks across various languages.',
    authorCount: 3,
    org: null,
    publishedAt: '2024-10-04',
    upvotes: null,
  },
  {
    title:
      'Quantize More, Lose Less: Autoregressive Generation from Residually Quantized Speech ' +
      'Representations',
    start: 'Text-to-speech (TTS) synthesis has seen renewed progress',
    end: 'high-fidelity, general-purpose speech and audio generation.',
    authorCount: 28,
    org: null,
    publishedAt: '2025-07-16',
    upvotes: null,
  },
  {
    title:
      'Boosting Lossless Speculative Decoding via Feature Sampling and Partial Alignment ' +
      'Distillation',
    start: 'Lossless speculative decoding accelerates target large language model',
    end: 'across all the aforementioned tasks and target LLMs.',
    authorCount: 4,
    org: null,
    publishedAt: '2024-08-28',
    upvotes: null,
  },
  {
    title:
      'A Survey on Parallel Text Generation: From Parallel Decoding to Diffusion Language Models',
    start: 'As text generation has become a core capability of modern Large Language Models',
    end: 'https://github.com/zhanglingzhe0820/Awesome-Parallel-Text-Generation.',
    authorCount: 11,
    org: null,
    publishedAt: '2025-08-12',
    upvotes: null,
  },
  {
    title: 'MPIrigen: MPI Code Generation through Domain-Specific Language Models',
    start: 'The imperative need to scale computation across numerous nodes',
    end: 'https://github.com/Scientific-Computing-Lab-NRCN/MPI-rigen',
    authorCount: 13,
    org: null,
    publishedAt: '2024-02-14',
    upvotes: 1,
  },
  {
    title:
      'Flover: A Temporal Fusion Framework for Efficient Autoregressive Model Parallel Inference',
    start: 'Autoregressive models, despite their commendable performance',
    end: 'robust performance optimization that adapts to variable use cases.',
    authorCount: 7,
    org: null,
    publishedAt: '2023-05-22',
    upvotes: null,
  },
  {
    title:
      'Holmes: Towards Distributed Training Across Clusters with Heterogeneous NIC Environment',
    start: 'Large language models (LLMs) such as GPT-3, OPT, and LLaMA',
    end: 'and can be seamlessly integrated with them.',
    authorCount: 8,
    org: null,
    publishedAt: '2023-12-06',
    upvotes: null,
  },
]

/** One entry as the page copies it: title, abstract, metadata, separator, date. */
function entry(title: string, date: string, meta = '  • 3 authors', abstract = LONG): string {
  return [title, '', abstract, '', meta, '·', date, ''].join('\n')
}

function parse(text: string, now = NOW): ReturnType<typeof parseHfPageCopy> {
  return parseHfPageCopy(text, { now })
}

function parseFailure(text: string, now = NOW): ParseError {
  try {
    parseHfPageCopy(text, { now })
  } catch (error) {
    if (error instanceof ParseError) return error
    throw error
  }
  throw new Error('expected a ParseError')
}

describe('sources/hf-page-copy', () => {
  describe('the real sample', () => {
    const result = parse(sample)

    it('finds every entry and skips nothing', () => {
      expect(result.drafts).toHaveLength(expected.length)
      expect(result.skipped).toEqual([])
    })

    it.each(expected.map((want, index) => [index + 1, want] as const))(
      'reads entry %i',
      (rank, want) => {
        const draft = result.drafts[rank - 1]
        expect(draft?.title).toBe(want.title)
        expect(draft?.abstract?.startsWith(want.start)).toBe(true)
        expect(draft?.abstract?.endsWith(want.end)).toBe(true)
        expect(draft?.abstract).not.toContain('\n')
        expect(draft?.authorCount).toBe(want.authorCount)
        expect(draft?.organization).toEqual(want.org)
        expect(draft?.publishedAt).toBe(want.publishedAt)
        expect(draft?.upvotes).toBe(want.upvotes)
        expect(draft?.authors).toEqual([])
        expect(draft?.provenance.rank).toBe(rank)
        expect(draft?.provenance.section).toBeNull()
      },
    )

    it('keeps the whole abstract of an entry', () => {
      const lines = sample.split('\n')
      expect(result.drafts[0]?.abstract).toBe(lines[14])
      expect(result.drafts[2]?.abstract).toBe(lines[30])
    })

    it('points each entry at its title line and keeps its original block', () => {
      expect(result.drafts.map((draft) => draft.provenance.line)).toEqual([
        13, 21, 29, 37, 45, 53, 61, 69, 77, 85, 93, 101,
      ])
      const tidar = result.drafts[2]?.provenance.raw ?? ''
      expect(tidar.startsWith('TiDAR: Think in Diffusion')).toBe(true)
      expect(tidar.endsWith('\n\nnvidia NVIDIA\n·\nNov 11 5')).toBe(true)
      const totrl = result.drafts[0]?.provenance.raw ?? ''
      expect(totrl.endsWith('\n\n  • 7 authors\n·\nMay 19')).toBe(true)
    })

    it('does not attach the page date or the header to an entry', () => {
      const raws = result.drafts.map((draft) => draft.provenance.raw ?? '').join('\n')
      expect(raws).not.toContain('Dec 17')
      expect(raws).not.toContain('Daily Papers')
    })

    it('skips an entry cut after its abstract and reports it', () => {
      const cut = sample.split('\n').slice(0, 103).join('\n')
      const parsed = parse(cut)
      expect(parsed.drafts).toHaveLength(11)
      expect(parsed.skipped).toEqual([
        {
          line: 101,
          entry: expected[11]?.title,
          reason: expect.stringContaining('incomplete entry at the end of the copy') as string,
        },
      ])
    })

    it('skips a partial entry pasted after the last complete one', () => {
      const parsed = parse(`${sample}\nNext Paper: A Title\n\nThe first words of an abs`)
      expect(parsed.drafts).toHaveLength(12)
      expect(parsed.skipped).toEqual([
        {
          line: 109,
          entry: 'Next Paper: A Title',
          reason:
            "incomplete entry at the end of the copy (no '·' and date line): the selection may " +
            'have been cut',
        },
      ])
    })

    it('skips an entry cut right after its separator', () => {
      const cut = sample.split('\n').slice(0, 106).join('\n')
      expect(parse(cut).skipped.map((skip) => skip.line)).toEqual([101])
    })

    it('reads CRLF line endings like LF', () => {
      expect(parse(sample.replace(/\n/g, '\r\n'))).toEqual(result)
    })

    it('reads old Mac CR line endings like LF', () => {
      expect(parse(sample.replace(/\n/g, '\r'))).toEqual(result)
    })

    it('finds the header by its boilerplate when the page date is missing', () => {
      const parsed = parse(sample.replace('Dec 17\n', ''))
      expect(parsed.drafts[0]?.title).toBe(expected[0]?.title)
      // Without a page date, year-less dates are the latest such day up to today.
      expect(parsed.drafts[0]?.publishedAt).toBe('2026-05-19')
      expect(parsed.drafts[2]?.publishedAt).toBe('2026-11-11')
    })

    it('reports a copy cut inside the first entry as cut off', () => {
      const error = parseFailure(sample.split('\n').slice(0, 17).join('\n'))
      expect(error.message).toMatch(/no complete entry.*the copy seems cut off/)
      expect(error.line).toBe(17)
    })
  })

  it('finds the title after an unknown header by the size of the abstract', () => {
    const text = `Top Papers of Today\n\nSome Banner\n\n${entry('A Title', 'May 19')}`
    const [draft] = parse(text).drafts
    expect(draft?.title).toBe('A Title')
    expect(draft?.provenance.line).toBe(5)
  })

  it('ends the header at a month label and keeps a title with a year', () => {
    const text = `Monthly Papers\n\nDecember 2025\n\n${entry('Qwen 2025', 'Dec 3')}`
    const [draft] = parse(text).drafts
    expect(draft?.title).toBe('Qwen 2025')
    expect(draft?.publishedAt).toBe('2025-12-03')
  })

  it('skips a leading entry that starts inside its abstract', () => {
    const text = `${LONG}\n\n  • 2 authors\n·\nMay 1\n\n${entry('Whole', 'May 2')}`
    const parsed = parse(text)
    expect(parsed.drafts.map((draft) => draft.title)).toEqual(['Whole'])
    expect(parsed.skipped[0]?.reason).toMatch(/start of the copy/)
  })

  it('joins abstract paragraphs with a blank line and allows an empty abstract', () => {
    const text = [
      entry('Two Paragraphs', 'May 19', '  • 2 authors', 'First part.\n\nSecond part.'),
      'No Abstract',
      '',
      '  • 1 author',
      '·',
      'May 18',
    ].join('\n')
    const [first, second] = parse(text).drafts
    expect(first?.abstract).toBe('First part.\n\nSecond part.')
    expect(second?.title).toBe('No Abstract')
    expect(second?.abstract).toBeNull()
    expect(second?.authorCount).toBe(1)
  })

  it('leaves metadata null when the entry has none', () => {
    const text = ['Bare Title', '', 'An abstract that ends.', '·', 'May 19'].join('\n')
    const [draft] = parse(text).drafts
    expect(draft?.abstract).toBe('An abstract that ends.')
    expect(draft?.authorCount).toBeNull()
    expect(draft?.organization).toBeNull()
  })

  it('reads an organization and an authors line together', () => {
    const [draft] = parse(entry('T', 'May 19', 'deepseek-ai DeepSeek\n  • 12 authors')).drafts
    expect(draft?.organization).toEqual({ handle: 'deepseek-ai', name: 'DeepSeek' })
    expect(draft?.authorCount).toBe(12)
  })

  it('uses a single-token organization as both handle and name', () => {
    const [draft] = parse(entry('T', 'May 19', 'nvidiaNVIDIA')).drafts
    expect(draft?.organization).toEqual({ handle: 'nvidiaNVIDIA', name: 'nvidiaNVIDIA' })
  })

  it('reads an authors line full of non-breaking spaces', () => {
    const [draft] = parse(entry('T', 'May\u00a019', '\u00a0\u00a0•\u00a07\u202fauthors')).drafts
    expect(draft?.authorCount).toBe(7)
    expect(draft?.publishedAt).toBe('2026-05-19')
  })

  it('removes zero-width characters and composes to NFC', () => {
    const [draft] = parse(entry('Cafe\u0301\u200b Paper', 'May 19')).drafts
    expect(draft?.title).toBe('Caf\u00e9 Paper')
  })

  it('reads the one-line variant of authors, separator and date', () => {
    const text = [
      'First',
      '',
      'An abstract.',
      '',
      '  • 7 authors · May 19',
      '',
      'Second',
      '',
      'Another abstract.',
      '',
      'nvidia NVIDIA · Nov 11 5',
      '',
      'Third',
      '',
      'A third abstract.',
      '· Nov 10',
    ].join('\n')
    const [first, second, third] = parse(text).drafts
    expect(first).toMatchObject({ title: 'First', authorCount: 7, publishedAt: '2026-05-19' })
    expect(second).toMatchObject({
      title: 'Second',
      organization: { handle: 'nvidia', name: 'NVIDIA' },
      publishedAt: '2026-11-11',
      upvotes: 5,
    })
    expect(second?.provenance.raw).toBe('Second\n\nAnother abstract.\n\nnvidia NVIDIA · Nov 11 5')
    expect(third).toMatchObject({ abstract: 'A third abstract.', upvotes: null, authorCount: null })
  })

  it('accepts a bullet alone on a line as the separator', () => {
    const text = ['T', '', 'Abstract.', '', '  • 2 authors', '•', 'May 19'].join('\n')
    expect(parse(text).drafts[0]?.authorCount).toBe(2)
  })

  it('ignores a middle dot or bullet inside an abstract line', () => {
    const abstract = 'We compare A · B and C • D. Results · May 19 looked good.'
    const [draft] = parse(entry('T', 'May 19', '  • 2 authors', abstract)).drafts
    expect(draft?.abstract).toBe(abstract)
  })

  it('reads compact and grouped upvote counts', () => {
    const text = [
      entry('K', 'Jan 3 1.2k'),
      entry('Comma', 'Jan 2, 2025 2,5k'),
      entry('Grouped', 'Jan 1 1,234'),
    ].join('\n')
    expect(parse(text).drafts.map((draft) => draft.upvotes)).toEqual([1200, 2500, 1234])
  })

  it('takes the day before the upvotes when they run together', () => {
    const [draft] = parse(entry('T', 'Nov 1 15')).drafts
    expect(draft).toMatchObject({ publishedAt: '2026-11-01', upvotes: 15 })
  })

  it('dates year-less entries within the year before the page date', () => {
    const now = new Date('2026-01-05T08:00:00Z')
    const text = `Daily Papers\n\nDec 30\n\n${entry('A', 'Jan 3')}\n${entry('B', 'Dec 29')}`
    const dates = parse(text, now).drafts.map((draft) => draft.publishedAt)
    expect(dates).toEqual(['2025-01-03', '2025-12-29'])
  })

  it('dates a year-less entry on the page date itself in the page year', () => {
    const text = `Dec 17\n\n${entry('A', 'Dec 17')}`
    expect(parse(text).drafts[0]?.publishedAt).toBe('2025-12-17')
  })

  it('dates year-less entries up to today when there is no page date', () => {
    const now = new Date('2026-01-05T08:00:00Z')
    const text = `${entry('A', 'Jan 3')}\n${entry('B', 'Dec 30')}`
    const dates = parse(text, now).drafts.map((draft) => draft.publishedAt)
    expect(dates).toEqual(['2026-01-03', '2025-12-30'])
  })

  it('uses the UTC day of now for the page date', () => {
    const text = `Dec 17\n\n${entry('A', 'Dec 16')}`
    const justBefore = new Date('2026-12-16T23:30:00Z')
    expect(parse(text, justBefore).drafts[0]?.publishedAt).toBe('2025-12-16')
  })

  it('dates a year-less Feb 29 in the last leap year', () => {
    const now = new Date('2025-03-10T00:00:00Z')
    const text = `Mar 1\n\n${entry('A', 'Feb 29')}`
    expect(parse(text, now).drafts[0]?.publishedAt).toBe('2024-02-29')
  })

  it('rejects a date that is not in the calendar, naming its line', () => {
    const error = parseFailure(entry('A', 'Feb 30'))
    expect(error.line).toBe(7)
    expect(error.message).toBe('line 7: Feb 30 is not a real calendar date')
    expect(parseFailure(entry('A', 'Feb 29, 2025')).line).toBe(7)
  })

  it('rejects a separator without a date', () => {
    const text = `${entry('A', 'May 19')}\nB\n\nAbstract.\n\n  • 2 authors\n·\nsoon`
    const error = parseFailure(text)
    expect(error.line).toBe(14)
    expect(error.message).toMatch(/a separator without a date/)
    expect(error.message).toContain("'soon'")
  })

  it('rejects empty and blank text', () => {
    expect(parseFailure('').message).toMatch(/empty/)
    expect(parseFailure(' \n\t\r\n\u00a0 ').message).toMatch(/empty/)
  })

  it('rejects binary input', () => {
    expect(parseFailure('Title\n\nabc\u0000def').line).toBe(3)
    expect(parseFailure('\u0001\u0002\u0003\u0004ab\ufffd\ufffd').message).toMatch(/binary/)
  })

  it('rejects text with no entry at all', () => {
    expect(parseFailure('Just some notes\n\nabout papers').message).toMatch(/no complete entry/)
  })

  describe('isHfPageCopy', () => {
    it('recognises the sample and the one-line variant', () => {
      expect(isHfPageCopy(sample)).toBe(true)
      expect(isHfPageCopy('T\n\nA.\n\nnvidia NVIDIA · Nov 11 5')).toBe(true)
    })

    it('recognises a copy that also has a malformed separator', () => {
      expect(isHfPageCopy('T\n\nA.\n\n·\nsoon\n\nU\n\nB.\n\n·\nMay 19')).toBe(true)
    })

    it('rejects text without an entry end', () => {
      expect(isHfPageCopy('2401.00001\n2401.00002')).toBe(false)
      expect(isHfPageCopy('A note · with a dot\nMay 19')).toBe(false)
      expect(isHfPageCopy('Shopping:\n•\nmilk')).toBe(false)
    })
  })
})
