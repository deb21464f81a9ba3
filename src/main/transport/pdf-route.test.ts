import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import { TOKEN_HEADER } from '@shared/rpc/protocol'
import type { PaperId } from '@shared/model/ids'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../../../test/helpers/node-http-client'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { makeTestPdf } from '../../../test/helpers/test-pdfs'
import { createCore, type Core } from '../core/create-core'
import { startHttpServer, type HttpServer } from './http-server'
import { inProcessTransport } from './in-process-transport'
import { parseRange } from './pdf-route'

describe('transport/pdf-route', { timeout: 30_000 }, () => {
  const tempDir = useTempDir('papershelf-pdf-route-')
  const running: Array<{ server: HttpServer; core: Core }> = []
  let pdf: Buffer

  beforeAll(async () => {
    pdf = Buffer.from(await makeTestPdf({ pages: 2 }))
  })
  afterEach(async () => {
    for (const { server, core } of running.splice(0)) {
      await server.close()
      core.close()
    }
  })

  const start = async () => {
    const dataDir = tempDir()
    const rendererDir = join(dataDir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    const core = createCore({ dataDir })
    const server = await startHttpServer({
      service: core.api,
      events: core.events,
      rendererDir,
      token: 'secret-token',
    })
    running.push({ server, core })
    const api = createClient(inProcessTransport(core))
    const id = (await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' }))
      .paperIds[0] as PaperId
    await api.attachPdf({ id, data: pdf.toString('base64'), name: 'p.pdf' })
    return { port: Number(new URL(server.origin).port), id }
  }
  const get = (port: number, path: string, headers: Record<string, string> = {}) =>
    rawRequest(port, { path, headers: { [TOKEN_HEADER]: 'secret-token', ...headers } })

  it('serves a stored PDF to a caller with the token (header or query)', async () => {
    const { port, id } = await start()
    const byHeader = await get(port, `/pdf/${id}`)
    expect([
      byHeader.status,
      byHeader.headers['content-type'],
      byHeader.headers['accept-ranges'],
    ]).toEqual([200, 'application/pdf', 'bytes'])
    expect(Number(byHeader.headers['content-length'])).toBe(pdf.length)
    const byQuery = await rawRequest(port, { path: `/pdf/${id}?token=secret-token` })
    expect(byQuery.status).toBe(200)
  })

  it('refuses a caller without the token', async () => {
    const { port, id } = await start()
    expect((await rawRequest(port, { path: `/pdf/${id}` })).status).toBe(401)
    expect((await rawRequest(port, { path: `/pdf/${id}?token=wrong` })).status).toBe(401)
  })

  it('answers a byte range with 206 and an unsatisfiable one with 416', async () => {
    const { port, id } = await start()
    const part = await get(port, `/pdf/${id}`, { range: 'bytes=0-4' })
    expect([part.status, part.body, part.headers['content-range']]).toEqual([
      206,
      '%PDF-',
      `bytes 0-4/${pdf.length}`,
    ])
    const tail = await get(port, `/pdf/${id}`, { range: 'bytes=-6' })
    expect(tail.body).toContain('%%EOF')
    expect((await get(port, `/pdf/${id}`, { range: `bytes=${pdf.length}-` })).status).toBe(416)
  })

  it.each([
    ['/pdf/999', 404],
    ['/pdf/abc', 400],
    ['/pdf/..%2f..%2flibrary.sqlite', 400],
    ['/pdf/1/../../library.sqlite', 400],
  ])('answers %s with %i', async (path, status) => {
    const { port } = await start()
    expect((await get(port, path)).status).toBe(status)
  })

  it('parses the ranges pdf.js asks for', () => {
    expect(parseRange(undefined, 100)).toBeNull()
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 })
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 })
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('invalid')
    expect(parseRange('items=0-1', 100)).toBe('invalid')
  })
})
