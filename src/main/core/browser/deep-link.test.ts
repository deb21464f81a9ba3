import { describe, expect, it } from 'vitest'
import { createClient } from '@shared/rpc/create-client'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../../test/helpers/fixtures'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { inProcessTransport } from '../../transport/in-process-transport'
import { deepLinkFromArgv, followDeepLink, parseDeepLink } from './deep-link'

describe('browser/deep-link', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  const serve = useFixtureServer()

  it('reads add and open links', () => {
    expect(
      parseDeepLink(
        'papershelf://add?url=https%3A%2F%2Farxiv.org%2Fabs%2F1605.08386&tag=a&tag=%20b',
      ),
    ).toEqual({
      kind: 'add',
      url: 'https://arxiv.org/abs/1605.08386',
      tags: ['a', 'b'],
    })
    expect(parseDeepLink('papershelf:open?paper=12')).toEqual({ kind: 'open', paperId: 12 })
    expect(deepLinkFromArgv(['/opt/Papershelf', '--no-sandbox', 'papershelf://open?paper=3'])).toBe(
      'papershelf://open?paper=3',
    )
    expect(deepLinkFromArgv(['/opt/Papershelf'])).toBeNull()
  })

  it('refuses other links, and pages on loopback or private networks a web page could aim at', () => {
    for (const bad of [
      'https://arxiv.org/abs/1605.08386',
      'papershelf://delete?paper=1',
      'papershelf://open?paper=x',
      'papershelf://add?url=file%3A%2F%2F%2Fetc%2Fpasswd',
      'papershelf://add?url=http%3A%2F%2F127.0.0.1%3A27182%2Fext%2Fpair',
      'papershelf://add?url=http%3A%2F%2Flocalhost%2Fx',
      'papershelf://add?url=http%3A%2F%2F192.168.1.1%2F',
      'papershelf://add?url=http%3A%2F%2F%5B%3A%3A1%5D%2F',
    ]) {
      expect(() => parseDeepLink(bad), bad).toThrow(/Papershelf link|papershelf:\/\/|public http/)
    }
  })

  it('an add link saves the page through the API and shows the first paper', async () => {
    const fixtures = await serve({
      'GET /abs/1605.08386': {
        headers: { 'content-type': 'text/html' },
        body: readFixture('pages/arxiv-abs-1605.08386.html'),
      },
    })
    const { core } = openCore(tempDir(), undefined, { baseUrls: { arxiv: fixtures.url } })
    const api = createClient(inProcessTransport(core))
    const shown: number[] = []
    core.events.subscribe((event) => {
      if (event.type === 'paper.reveal') shown.push(event.payload.paperId)
    })
    const link = `papershelf://add?url=${encodeURIComponent('https://arxiv.org/abs/1605.08386')}&tag=web`
    const ids = await followDeepLink(api, link)
    expect(ids).toHaveLength(1)
    expect(shown).toEqual(ids)
    expect(await api.getPaper({ id: ids[0]! })).toMatchObject({
      arxivId: '1605.08386',
      tags: ['web'],
    })
    expect(await followDeepLink(api, link)).toEqual(ids)
    expect((await api.libraryInfo({})).paperCount).toBe(1)
  })
})
