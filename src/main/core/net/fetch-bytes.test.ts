import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { fetchBytes } from './fetch-bytes'

const limits = { maxBytes: 1024, timeoutMs: 2000 }

describe('net/fetch-bytes', () => {
  const serve = useFixtureServer()

  it('reads a body and returns HTTP error statuses without throwing', async () => {
    const server = await serve({
      'GET /ok': { body: 'hello' },
      'GET /gone': { status: 410, body: 'gone' },
    })
    const ok = await fetchBytes(fetch, `${server.url}/ok`, limits)
    expect(ok.status).toBe(200)
    expect(ok.bytes.toString()).toBe('hello')
    expect((await fetchBytes(fetch, `${server.url}/gone`, limits)).status).toBe(410)
  })

  it('stops reading a body larger than the cap, declared or not', async () => {
    const big = Buffer.alloc(4096, 'x')
    const server = await serve({
      'GET /declared': { body: big },
      'GET /chunked': { headers: { 'transfer-encoding': 'chunked' }, body: big },
    })
    await expect(fetchBytes(fetch, `${server.url}/declared`, limits)).rejects.toMatchObject({
      code: 'too-large',
    })
    await expect(fetchBytes(fetch, `${server.url}/chunked`, limits)).rejects.toMatchObject({
      code: 'too-large',
    })
  })

  it('gives up on a server that does not answer in time', async () => {
    const server = await serve({ 'GET /slow': { delayMs: 1500, body: 'late' } })
    await expect(
      fetchBytes(fetch, `${server.url}/slow`, { ...limits, timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/did not answer/) as unknown,
    })
  })

  it('names the URL when the host cannot be reached', async () => {
    const server = await serve({})
    const url = server.url
    await server.close()
    await expect(fetchBytes(fetch, `${url}/x`, limits)).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining(url) as unknown,
    })
  })

  it('reports a cancelled request as cancelled', async () => {
    const server = await serve({ 'GET /slow': { delayMs: 1000, body: 'late' } })
    const controller = new AbortController()
    const pending = fetchBytes(fetch, `${server.url}/slow`, {
      ...limits,
      signal: controller.signal,
    })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
  })
})
