import { describe, expect, it } from 'vitest'
import { fixturePath, HF_PAGE_COPY } from '../../../test/helpers/fixtures'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { runCliCaptured } from '../../../test/helpers/run-cli-captured'

const cli = runCliCaptured

type HitJson = {
  title: string
  score: number
  highlights: Record<string, unknown>
  snippet: unknown
}

describe('cli search', () => {
  const tempDir = useTempDir()

  it('finds papers through typos and prefixes, in rank order with highlights', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    const typed = await cli(lib, ['search', 'specualtive', 'decodng', '--json'])
    expect(typed.code).toBe(0)
    const hits = JSON.parse(typed.stdout) as HitJson[]
    expect(hits[0]?.title).toMatch(/Speculative Decoding/)
    expect(hits[0]?.highlights).toHaveProperty('title')
    expect(hits[0]).toHaveProperty('snippet')
    const scores = hits.map((hit) => hit.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const prefix = JSON.parse(
      (await cli(lib, ['search', 'spec', 'dec', '--json'])).stdout,
    ) as HitJson[]
    expect(prefix[0]?.title).toBe(hits[0]?.title)
  })

  it('reports an unknown operator on stderr and still answers', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    const result = await cli(lib, ['search', 'venue:iclr', 'decoding'])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^warning: Unknown operator "venue:"/)
    expect(result.stdout).not.toBe('No papers match.\n')
  })
})
