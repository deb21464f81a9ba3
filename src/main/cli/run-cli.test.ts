import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixturePath, HF_PAGE_COPY, readFixture } from '../../../test/helpers/fixtures'
import { snapshotLibrary } from '../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { runCliCaptured } from '../../../test/helpers/run-cli-captured'

type PaperJson = { arxivId: string; tags: string[] }
const json = (text: string) => JSON.parse(text) as unknown
const papersOf = (text: string) => JSON.parse(text) as PaperJson[]

const cli = runCliCaptured

const PAPER_KEYS = [
  'id',
  'arxivId',
  'doi',
  'title',
  'abstract',
  'authors',
  'authorCount',
  'organization',
  'publishedAt',
  'upvotes',
  'tags',
  'status',
  'starred',
  'note',
  'addedAt',
]

describe('cli/run-cli', () => {
  const tempDir = useTempDir()

  it('imports a file and reports what it added, updated, left unchanged and refused', async () => {
    const lib = tempDir()
    const first = await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/\(hf-page\): 12 added, 0 updated, 0 unchanged, 0 refused\.\n$/)
    const again = await cli(lib, ['import', fixturePath(HF_PAGE_COPY), '--json'])
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, unchanged: 12 })
    const cut = join(lib, 'cut.txt')
    writeFileSync(cut, readFixture(HF_PAGE_COPY).replace(/·\nDec 6, 2023\s*$/, ''))
    const partial = await cli(lib, ['import', cut])
    expect(partial.stdout).toMatch(/11 unchanged, 1 refused/)
    expect(partial.stdout).toMatch(/refused line \d+: Holmes: Towards Distributed/)
  })

  it('lists papers as JSON in the documented shape, with null where unknown', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    const { code, stdout } = await cli(lib, ['list', '--sort', 'upvotes', '--limit', '3', '--json'])
    expect(code).toBe(0)
    const papers = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(papers).toHaveLength(3)
    expect(Object.keys(papers[0] ?? {})).toEqual(PAPER_KEYS)
    expect(papers[0]).toMatchObject({
      upvotes: 5,
      organization: 'NVIDIA',
      arxivId: null,
      doi: null,
    })
  })

  it('reads an import from standard input and tags every paper with --tag', async () => {
    const lib = tempDir()
    const result = await cli(
      lib,
      ['import', '-', '--tag', 'inbox', '--tag', 'llm'],
      '2401.00001\n2402.00002\n',
    )
    expect(result.code).toBe(0)
    const tags = await cli(lib, ['tags', '--json'])
    expect(JSON.parse(tags.stdout)).toMatchObject([
      { name: 'inbox', paperCount: 2 },
      { name: 'llm', paperCount: 2 },
    ])
  })

  it('edits tags, status, star and note of a paper named by arXiv id, and filters by them', async () => {
    const lib = tempDir()
    await cli(lib, ['import', '-'], '2401.00001\n2402.00002\n')
    expect((await cli(lib, ['tag', 'arXiv:2401.00001v2', 'llm/decoding', 'to-read'])).code).toBe(0)
    expect((await cli(lib, ['untag', '2401.00001', 'to-read'])).code).toBe(0)
    expect((await cli(lib, ['status', '2401.00001', 'reading'])).code).toBe(0)
    expect((await cli(lib, ['star', 'https://arxiv.org/abs/2401.00001'])).code).toBe(0)
    expect((await cli(lib, ['note', '2401.00001', 'read', 'section 3'])).code).toBe(0)
    const shown = json((await cli(lib, ['show', '2401.00001', '--json'])).stdout)
    expect(shown).toMatchObject({
      tags: ['llm/decoding'],
      status: 'reading',
      starred: true,
      note: 'read section 3',
    })
    const starred = papersOf((await cli(lib, ['list', '--starred', '--json'])).stdout)
    expect(starred.map((p) => p.arxivId)).toEqual(['2401.00001'])
    const byTag = papersOf((await cli(lib, ['list', '--tag', 'LLM/decoding', '--json'])).stdout)
    expect(byTag).toHaveLength(1)
    const unread = papersOf((await cli(lib, ['list', '--status', 'unread', '--json'])).stdout)
    expect(unread.map((p) => p.arxivId)).toEqual(['2402.00002'])
  })

  it('searches with ranking and returns score and highlights in --json', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    const { code, stdout } = await cli(lib, ['search', 'speculative', 'decoding', '--json'])
    expect(code).toBe(0)
    const hits = JSON.parse(stdout) as Array<{ title: string; score: number; highlights: object }>
    expect(hits[0]?.title).toMatch(/^Boosting Lossless Speculative Decoding/)
    expect(hits[0]?.score).toBeGreaterThan(hits.at(-1)?.score ?? 0)
    expect(hits[0]?.highlights).toHaveProperty('title')
  })

  it('fails with a message on stderr and a non-zero code, leaving the library unchanged', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    const before = snapshotLibrary(lib)
    const bad = join(lib, 'notes.txt')
    writeFileSync(bad, 'Some thoughts about papers\nwithout any identifiers\n')
    const result = await cli(lib, ['import', bad])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/notes\.txt/)
    const binary = join(lib, 'image.png')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x01]))
    expect((await cli(lib, ['import', binary])).stderr).toMatch(/not (a )?text/)
    expect((await cli(lib, ['show', '9999.99999'])).code).toBe(1)
    expect(snapshotLibrary(lib)).toEqual(before)
  })

  it('answers a usage mistake with code 2 and the usage line', async () => {
    const lib = tempDir()
    const result = await cli(lib, ['status', '1', 'finished'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/usage: papershelf status/)
    expect((await cli(lib, ['frobnicate'])).code).toBe(2)
    expect((await cli(lib, ['list', '--limit', 'ten'])).code).toBe(2)
  })

  it('keeps a hostile title inert on the terminal', async () => {
    const lib = tempDir()
    const page = readFixture(HF_PAGE_COPY).replace('TiDAR:', '\u001b[2J\u001b]0;pwned\u0007TiDAR:')
    const file = join(lib, 'page.txt')
    writeFileSync(file, page)
    await cli(lib, ['import', file])
    const { stdout } = await cli(lib, ['list'])
    expect(stdout).toMatch(/TiDAR/)
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/\u001b|\u0007/)
  })
})
