import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useFixtureServer } from '../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../test/helpers/fixtures'
import { runCliCaptured as cli } from '../../../test/helpers/run-cli-captured'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { createCore } from '../core/create-core'

const HTML = { 'content-type': 'text/html; charset=utf-8' }

describe('cli/browser-commands', { timeout: 30_000 }, () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  beforeEach(() => vi.unstubAllEnvs())
  afterEach(() => vi.unstubAllEnvs())

  it('add saves the papers of arXiv, Hugging Face and citation pages once, fetched through the configured sites', async () => {
    const server = await serve({
      'GET /abs/1605.08386': {
        headers: HTML,
        body: readFixture('pages/arxiv-abs-1605.08386.html'),
      },
      'GET /papers/date/2026-05-18': {
        headers: HTML,
        body: readFixture('pages/hf-daily-2026-05-18.html'),
      },
      'GET /resnet.html': { headers: HTML, body: readFixture('pages/citation-meta-only.html') },
    })
    vi.stubEnv('PAPERSHELF_ARXIV_URL', server.url)
    vi.stubEnv('PAPERSHELF_HF_URL', server.url)
    const lib = tempDir()
    const first = await cli(lib, [
      'add',
      'https://arxiv.org/abs/1605.08386',
      'https://huggingface.co/papers/date/2026-05-18',
      `${server.url}/resnet.html`,
      '--tag',
      'from-web',
      '--json',
    ])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const saved = JSON.parse(first.stdout) as Array<{
      added: boolean
      title: string
      tags: string[]
    }>
    expect(saved.map((p) => [p.added, p.title])).toEqual([
      [true, 'Heat-bath random walks with Markov bases'],
      [true, 'FFAvatar: Few-Shot, Feed-Forward, and Generalizable Avatar Reconstruction'],
      [true, 'PAGER: Bridging the Semantic-Execution Gap in Point-Precise Geometric GUI Control'],
      [
        true,
        'Solvita: Enhancing Large Language Models for Competitive Programming via Agentic Evolution',
      ],
      [true, 'Deep Residual Learning for Image Recognition'],
    ])
    expect(saved.every((p) => p.tags.includes('from-web'))).toBe(true)
    const shown = await cli(lib, ['show', '1605.08386', '--json'])
    expect(JSON.parse(shown.stdout)).toMatchObject({
      arxivId: '1605.08386',
      authors: ['Caprice Stanley', 'Tobias Windisch'],
    })

    const again = await cli(lib, ['add', 'https://arxiv.org/abs/1605.08386'])
    expect(again.stdout).toMatch(
      /^#1 already in the library: Heat-bath random walks with Markov bases \(unread; tags: from-web/,
    )
    const info = await cli(lib, ['info', '--json'])
    expect(JSON.parse(info.stdout)).toMatchObject({ paperCount: 5 })
  })

  it('add refuses a page without papers and a non-web address, changing nothing', async () => {
    const server = await serve({
      'GET /blog': { headers: HTML, body: '<title>Blog</title><p>hello</p>' },
    })
    const lib = tempDir()
    const none = await cli(lib, ['add', `${server.url}/blog`])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/found no paper on http:\/\/127\.0\.0\.1:\d+\/blog/)
    const bad = await cli(lib, ['add', 'file:///etc/passwd'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/not an http\(s\) address/)
    expect(JSON.parse((await cli(lib, ['info', '--json'])).stdout)).toMatchObject({ paperCount: 0 })
  })

  it('pairings lists waiting codes and paired extensions, and --revoke ends one', async () => {
    const lib = tempDir()
    const core = createCore({ dataDir: lib })
    try {
      const request = await core.api.requestPairing({ client: 'Chromium' })
      const { code } = (await core.api.listPairings({})).pending[0]!
      await core.api.confirmPairing({ requestId: request.requestId, code })
    } finally {
      core.close()
    }
    const listed = await cli(lib, ['pairings'])
    expect(listed.stdout).toMatch(/^\s+1 {2}Chromium, paired /)
    const revoked = await cli(lib, ['pairings', '--revoke', '1'])
    expect(revoked.stdout).toBe('Pairing 1 revoked: that extension must pair again.\n')
    expect((await cli(lib, ['pairings'])).stdout).toBe('No browser extension is paired.\n')
    expect((await cli(lib, ['pairings', '--revoke', '1'])).code).toBe(1)
  })
})
