import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppEventEnvelope } from '@shared/api/events'
import { AppError } from '@shared/api/errors'
import { createClient } from '@shared/rpc/create-client'
import { TOKEN_HEADER } from '@shared/rpc/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { HF_PAGE_COPY, readFixture } from '../../../test/helpers/fixtures'
import {
  createNodeHttpTransport,
  openEventStream,
  rawRequest,
} from '../../../test/helpers/node-http-client'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { createCore, type Core } from '../core/create-core'
import { startHttpServer, type HttpServer, type HttpServerOptions } from './http-server'
import { RENDERER_CSP } from './security-headers'

const newTempDir = useTempDir('papershelf-http-')
const running: Array<{ server: HttpServer; core: Core }> = []

afterEach(async () => {
  for (const { server, core } of running.splice(0)) {
    await server.close()
    core.close()
  }
})

/** A built-renderer stand-in with one file of each served kind, and a secret beside it. */
function makeRendererDir(): string {
  const root = newTempDir()
  const dir = join(root, 'renderer')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Papershelf</title>')
  writeFileSync(join(dir, 'assets', 'app.mjs'), 'export {}')
  writeFileSync(join(dir, 'assets', 'app.js'), 'void 0')
  writeFileSync(join(dir, 'assets', 'app.css'), 'body{}')
  writeFileSync(join(dir, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(dir, 'assets', 'font.woff2'), 'wOF2')
  writeFileSync(join(dir, 'assets', 'lib.wasm'), Buffer.from([0, 97, 115, 109]))
  writeFileSync(join(root, 'secret.txt'), 'SECRET-OUTSIDE-ROOT')
  return dir
}

async function start(
  overrides: Partial<HttpServerOptions> = {},
): Promise<{ server: HttpServer; core: Core; port: number }> {
  const core = createCore({ dataDir: newTempDir() })
  const server = await startHttpServer({
    service: core.api,
    events: core.events,
    rendererDir: makeRendererDir(),
    ...overrides,
  })
  running.push({ server, core })
  return { server, core, port: Number(new URL(server.origin).port) }
}

const rpc = (port: number, method: string, token: string, body = '{}', headers = {}) =>
  rawRequest(port, {
    path: `/rpc/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...headers },
    body,
  })

describe('transport/http-server', () => {
  it('listens on 127.0.0.1 and puts a fresh 32-byte token in its url', async () => {
    const { server } = await start()
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`)
  })

  it('refuses to listen on a non-loopback address', async () => {
    const core = createCore({ dataDir: newTempDir() })
    try {
      await expect(
        startHttpServer({
          service: core.api,
          events: core.events,
          rendererDir: '.',
          host: '0.0.0.0',
        }),
      ).rejects.toThrow(/loopback/)
    } finally {
      core.close()
    }
  })

  it('serves index.html without a token, uncached, with the security headers', async () => {
    const { port } = await start()
    const res = await rawRequest(port, { path: '/?token=ignored' })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Papershelf</title>')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toBe(`${RENDERER_CSP}; frame-ancestors 'none'`)
  })

  it('sends the same Content-Security-Policy as the renderer page declares', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(RENDERER_CSP)
  })

  it('serves each asset kind with its content type', async () => {
    const { port } = await start()
    const types: Record<string, string> = {
      '/assets/app.mjs': 'text/javascript; charset=utf-8',
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/icon.svg': 'image/svg+xml',
      '/assets/font.woff2': 'font/woff2',
      '/assets/lib.wasm': 'application/wasm',
    }
    for (const [path, type] of Object.entries(types)) {
      const res = await rawRequest(port, { path })
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, type])
    }
    expect((await rawRequest(port, { path: '/assets/missing.js' })).status).toBe(404)
  })

  it('refuses paths that climb out of the renderer folder', async () => {
    const { port } = await start()
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%00index.html',
    ]) {
      const res = await rawRequest(port, { path })
      expect([path, res.status]).toEqual([path, 400])
      expect(res.body).not.toContain('SECRET')
    }
  })

  it('answers 401 to an API call without the token or with a wrong one', async () => {
    const { port, server } = await start()
    const missing = await rawRequest(port, { path: '/rpc/libraryInfo', method: 'POST', body: '{}' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body)).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    })
    const wrong = await rpc(port, 'libraryInfo', `${server.token.slice(0, -1)}x`)
    expect(wrong.status).toBe(401)
    expect((await rawRequest(port, { path: '/events?token=nope' })).status).toBe(401)
    expect((await rawRequest(port, { path: '/events' })).status).toBe(401)
  })

  it('accepts the token in the header or the query string', async () => {
    const { port, server } = await start()
    expect((await rpc(port, 'libraryInfo', server.token)).status).toBe(200)
    const viaQuery = await rawRequest(port, {
      path: `/rpc/libraryInfo?token=${server.token}`,
      method: 'POST',
      body: '{}',
    })
    expect(JSON.parse(viaQuery.body)).toMatchObject({ ok: true, value: { paperCount: 0 } })
  })

  it('answers 403 to a foreign Host even with the token (DNS rebinding)', async () => {
    const { port, server } = await start()
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      expect((await rpc(port, 'libraryInfo', server.token, '{}', { host })).status).toBe(403)
      expect((await rawRequest(port, { path: '/', headers: { host } })).status).toBe(403)
    }
    const byName = await rawRequest(port, { path: '/', headers: { host: `localhost:${port}` } })
    expect(byName.status).toBe(200)
  })

  it('answers 403 to a request from a foreign Origin and accepts its own', async () => {
    const { port, server } = await start()
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) {
      const res = await rpc(port, 'libraryInfo', server.token, '{}', { origin })
      expect([origin, res.status]).toEqual([origin, 403])
    }
    const own = await rpc(port, 'libraryInfo', server.token, '{}', { origin: server.origin })
    expect(own.status).toBe(200)
  })

  it('gives the same answers through createClient over HTTP as the core directly', async () => {
    const { core, server } = await start()
    const client = createClient(createNodeHttpTransport(server.origin, server.token))
    const report = await client.importText({
      text: readFixture(HF_PAGE_COPY),
      format: 'hf-page',
      sourceName: 'hf page',
      tags: ['to-read'],
    })
    expect(report.added).toBeGreaterThan(0)
    const listing = { sort: 'added', order: 'desc', limit: 100, offset: 0 } as const
    expect(await client.listPapers(listing)).toEqual(await core.api.listPapers(listing))
    expect(await client.search({ query: 'diffusion', limit: 50 })).toEqual(
      await core.api.search({ query: 'diffusion', limit: 50 }),
    )
    expect(await client.listTags({})).toEqual(await core.api.listTags({}))
    expect(await client.libraryInfo({})).toEqual(await core.api.libraryInfo({}))
  })

  it('turns a failed call into a rejected AppError with the service code', async () => {
    const { server } = await start()
    const client = createClient(createNodeHttpTransport(server.origin, server.token))
    const failure = client.getPaper({ id: 999_999 })
    await expect(failure).rejects.toBeInstanceOf(AppError)
    await expect(failure).rejects.toMatchObject({ code: 'not-found' })
  })

  it('answers an unknown method with an error envelope', async () => {
    const { port, server } = await start()
    for (const method of ['dropDatabase', 'toString', '%E0%A4%A']) {
      const res = await rpc(port, method, server.token)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
  })

  it('answers 400 invalid-input to a body that is not JSON', async () => {
    const { port, server } = await start()
    const res = await rpc(port, 'libraryInfo', server.token, '{"oops":')
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('answers 413 too-large to a body over the cap', async () => {
    const { port, server } = await start({ maxBodyBytes: 1024 })
    const body = JSON.stringify({ text: 'x'.repeat(4096), sourceName: 'big' })
    const res = await rpc(port, 'importText', server.token, body)
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'too-large' } })
  })

  it('answers 413 to a chunked body that grows over the cap', async () => {
    const { port, server } = await start({ maxBodyBytes: 1024 })
    const body = JSON.stringify({ text: 'x'.repeat(4096), sourceName: 'big' })
    const chunked = { 'transfer-encoding': 'chunked' }
    const res = await rpc(port, 'importText', server.token, body, chunked)
    expect(res.status).toBe(413)
  })

  it('answers 405 to an API call that is not a POST', async () => {
    const { port, server } = await start()
    const res = await rawRequest(port, {
      path: '/rpc/libraryInfo',
      headers: { [TOKEN_HEADER]: server.token },
    })
    expect(res.status).toBe(405)
  })

  it('streams library.changed over SSE after an import', async () => {
    const { server } = await start()
    const stream = openEventStream(server.origin, server.token)
    try {
      await stream.ready
      const changed = stream.next((event) => event.type === 'library.changed')
      const client = createClient(createNodeHttpTransport(server.origin, server.token))
      await client.importText({
        text: '2401.00001\n2402.00002\n',
        format: 'ids',
        sourceName: 'test',
        tags: [],
      })
      const event = await changed
      expect(event.type).toBe('library.changed')
      if (event.type === 'library.changed') expect(event.payload.paperIds).toHaveLength(2)
    } finally {
      stream.close()
    }
  })

  it('unsubscribes from core events when the client goes away or the server closes', async () => {
    const core = createCore({ dataDir: newTempDir() })
    let active = 0
    const events = {
      subscribe: (listener: (event: AppEventEnvelope) => void) => {
        active += 1
        const unsubscribe = core.events.subscribe(listener)
        return () => {
          active -= 1
          unsubscribe()
        }
      },
    }
    const rendererDir = makeRendererDir()
    const server = await startHttpServer({ service: core.api, events, rendererDir })
    running.push({ server, core })
    const first = openEventStream(server.origin, server.token)
    await first.ready
    expect(active).toBe(1)
    first.close()
    await expect.poll(() => active).toBe(0)
    const second = openEventStream(server.origin, server.token)
    await second.ready
    expect(active).toBe(1)
    await server.close()
    expect(active).toBe(0)
    second.close()
  })
})
