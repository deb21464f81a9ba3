import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { USER_AGENT } from './fetch-bytes'
import { createHttpClient, retryAfterMs, type HttpRequest } from './http-client'

const json: HttpRequest = { expect: 'json', maxBytes: 64 * 1024, timeoutMs: 2000 }
const JSON_HEADERS = { 'content-type': 'application/json' }

/** A client whose waits are recorded instead of slept, so retries are checked without delays. */
function recordingClient(options: { retries?: number; hostDelays?: Map<string, number> } = {}) {
  const waits: number[] = []
  const client = createHttpClient({
    fetch,
    retries: options.retries ?? 3,
    backoffBaseMs: 10,
    random: () => 0.5,
    hostDelays: options.hostDelays,
    sleep: (ms) => {
      waits.push(ms)
      return Promise.resolve()
    },
  })
  return { client, waits }
}

describe('net/http-client', () => {
  const serve = useFixtureServer()

  it('retries a 429 after the wait Retry-After asks for, then succeeds', async () => {
    let calls = 0
    const server = await serve({
      'GET /api': () =>
        (calls += 1) === 1
          ? { status: 429, headers: { 'retry-after': '7' }, body: '{"error":"slow down"}' }
          : { headers: JSON_HEADERS, body: '[]' },
    })
    const { client, waits } = recordingClient()
    const response = await client.get(`${server.url}/api`, json)
    expect(response.bytes.toString()).toBe('[]')
    expect(response.attempts).toBe(2)
    expect(waits).toEqual([7000])
  })

  it('backs off exponentially on a persistent 500 and then reports it with the URL', async () => {
    const server = await serve({ 'GET /api': { status: 500, body: 'Internal Server Error' } })
    const { client, waits } = recordingClient({ retries: 2 })
    await expect(client.get(`${server.url}/api`, json)).rejects.toMatchObject({
      code: 'remote-error',
      message: expect.stringMatching(
        /\/api answered HTTP 500: Internal Server Error \(gave up after 3 attempts\)/,
      ) as unknown,
    })
    expect(server.requests).toHaveLength(3)
    expect(waits).toEqual([10, 20])
  })

  it('does not retry a 404 and says what the server said', async () => {
    const server = await serve({
      'GET /api': { status: 404, headers: JSON_HEADERS, body: '{"error":"Paper not found"}' },
    })
    const { client } = recordingClient()
    await expect(client.get(`${server.url}/api`, json)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('Paper not found') as unknown,
    })
    expect(server.requests).toHaveLength(1)
  })

  it('refuses an HTML error page sent with status 200', async () => {
    const server = await serve({
      'GET /api': {
        headers: { 'content-type': 'text/html' },
        body: '<!DOCTYPE html><html><body>Maintenance</body></html>',
      },
    })
    const { client } = recordingClient()
    await expect(client.get(`${server.url}/api`, json)).rejects.toMatchObject({
      code: 'remote-error',
      message: expect.stringMatching(/sent an HTML page instead of JSON/) as unknown,
    })
  })

  it('refuses a body of another content type', async () => {
    const server = await serve({
      'GET /api': { headers: { 'content-type': 'image/png' }, body: 'x' },
    })
    const { client } = recordingClient()
    await expect(client.get(`${server.url}/api`, json)).rejects.toThrow(
      /sent image\/png instead of JSON/,
    )
  })

  it('stops reading a body over the cap, also when it arrives gzip-compressed', async () => {
    const bomb = gzipSync(Buffer.alloc(1024 * 1024, '['))
    const server = await serve({
      'GET /plain': { headers: JSON_HEADERS, body: Buffer.alloc(128 * 1024, ' ') },
      'GET /gzip': { headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' }, body: bomb },
    })
    const { client } = recordingClient()
    expect(bomb.length).toBeLessThan(json.maxBytes)
    await expect(client.get(`${server.url}/plain`, json)).rejects.toMatchObject({
      code: 'too-large',
    })
    await expect(client.get(`${server.url}/gzip`, json)).rejects.toMatchObject({
      code: 'too-large',
    })
  })

  it('follows redirects between http hosts but refuses other schemes and long chains', async () => {
    const target = await serve({ 'GET /final': { headers: JSON_HEADERS, body: '{"ok":true}' } })
    const server = await serve({
      'GET /moved': { status: 301, headers: { location: `${target.url}/final` } },
      'GET /file': { status: 302, headers: { location: 'file:///etc/passwd' } },
      'GET /loop': { status: 302, headers: { location: '/loop' } },
    })
    const { client } = recordingClient()
    const moved = await client.get(`${server.url}/moved`, json)
    expect(moved.url).toBe(`${target.url}/final`)
    await expect(client.get(`${server.url}/file`, json)).rejects.toThrow(
      /redirected to file: .*only http and https/,
    )
    await expect(client.get(`${server.url}/loop`, json)).rejects.toThrow(
      /redirected more than 5 times/,
    )
    expect(server.requests.filter((r) => r.url === '/loop')).toHaveLength(6)
  })

  it('gives up on a server that does not answer in time, after retrying', async () => {
    const server = await serve({ 'GET /slow': { delayMs: 500, headers: JSON_HEADERS, body: '[]' } })
    const { client } = recordingClient({ retries: 1 })
    await expect(
      client.get(`${server.url}/slow`, { ...json, timeoutMs: 100 }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(
        /did not answer within 100 ms \(gave up after 2 attempts\)/,
      ) as unknown,
    })
  })

  it('sends its User-Agent and validators, and reports a 304 as not modified', async () => {
    const server = await serve({
      'GET /api': (req) =>
        req.headers['if-none-match'] === '"v1"'
          ? { status: 304 }
          : { headers: { ...JSON_HEADERS, etag: '"v1"' }, body: '[1]' },
    })
    const { client } = recordingClient()
    const first = await client.get(`${server.url}/api`, json)
    expect(first).toMatchObject({ notModified: false, etag: '"v1"' })
    const second = await client.get(`${server.url}/api`, { ...json, etag: first.etag })
    expect(second.notModified).toBe(true)
    expect(server.requests[0]?.headers['user-agent']).toBe(USER_AGENT)
    expect(USER_AGENT).toMatch(
      /^Papershelf\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/papershelf\)$/,
    )
  })

  it('spaces requests to a slow-down host and runs them one at a time', async () => {
    const server = await serve({ 'GET /api': { headers: JSON_HEADERS, body: '[]' } })
    const host = new URL(server.url).host
    const { client, waits } = recordingClient({ hostDelays: new Map([[host, 3000]]) })
    await Promise.all([
      client.get(`${server.url}/api`, json),
      client.get(`${server.url}/api`, json),
    ])
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(2500)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T12:00:00Z')
    expect(retryAfterMs('3', now)).toBe(3000)
    expect(retryAfterMs('Thu, 26 Nov 2026 12:00:10 GMT', now)).toBe(10_000)
    expect(retryAfterMs('soon', now)).toBeNull()
  })
})
