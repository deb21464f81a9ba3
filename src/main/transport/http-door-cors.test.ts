import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TOKEN_HEADER } from '@shared/rpc/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { rawRequest } from '../../../test/helpers/node-http-client'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { createCore, type Core } from '../core/create-core'
import { startHttpServer, type HttpServer } from './http-server'

const newTempDir = useTempDir('papershelf-cors-')
const running: Array<{ server: HttpServer; core: Core }> = []

afterEach(async () => {
  for (const { server, core } of running.splice(0)) {
    await server.close()
    core.close()
  }
})

async function start(): Promise<{ server: HttpServer; port: number }> {
  const renderer = join(newTempDir(), 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Papershelf</title>')
  const core = createCore({ dataDir: newTempDir() })
  const server = await startHttpServer({
    service: core.api,
    events: core.events,
    rendererDir: renderer,
  })
  running.push({ server, core })
  return { server, port: Number(new URL(server.origin).port) }
}

const EVIL = 'https://evil.example'

describe('transport/http-door-cors', () => {
  it('answers no CORS preflight: a page elsewhere cannot ask to call the API', async () => {
    const { port } = await start()
    const res = await rawRequest(port, {
      path: '/rpc/listTags',
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': `content-type, ${TOKEN_HEADER}`,
      },
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('grants no cross-origin read of any answer, even with the token', async () => {
    const { server, port } = await start()
    for (const [path, method] of [
      ['/rpc/libraryInfo', 'POST'],
      ['/events', 'GET'],
      ['/', 'GET'],
    ] as const) {
      const res = await rawRequest(port, {
        path: `${path}${path === '/events' ? `?token=${server.token}` : ''}`,
        method,
        headers: { origin: EVIL, 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
        ...(method === 'POST' ? { body: '{}' } : {}),
      })
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined()
      expect(res.headers['access-control-allow-credentials'], path).toBeUndefined()
      if (path !== '/') expect(res.status, path).toBe(403)
    }
  })

  it('answers its own origin without CORS headers (same-origin needs none)', async () => {
    const { server, port } = await start()
    const res = await rawRequest(port, {
      path: '/rpc/libraryInfo',
      method: 'POST',
      headers: {
        origin: server.origin,
        'content-type': 'application/json',
        [TOKEN_HEADER]: server.token,
      },
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })
})
