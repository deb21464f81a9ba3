import { readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW } from '../../../../test/helpers/test-core'
import { makeTestPdf } from '../../../../test/helpers/test-pdfs'
import { inProcessTransport } from '../../transport/in-process-transport'
import { createCore, type Core } from '../create-core'
import { pdfDir, pdfTempDir } from './pdf-paths'

const PDF_HEADERS = { 'content-type': 'application/pdf' }

describe('pdf/download-queue', { timeout: 30_000 }, () => {
  const tempDir = useTempDir()
  const serve = useFixtureServer()
  const cores: Core[] = []
  let pdf: Buffer

  beforeAll(async () => {
    pdf = Buffer.from(await makeTestPdf({ pages: 3, title: 'A downloaded paper' }))
  })
  afterEach(() => {
    for (const core of cores.splice(0)) core.close()
  })

  const open = (
    dataDir: string,
    arxiv: string,
    maxBytes?: number,
  ): { core: Core; api: LibraryApi } => {
    const core = createCore({
      dataDir,
      now: () => TEST_NOW,
      baseUrls: { arxiv },
      pdf: {
        policy: { spacingMs: { '*': 0 }, backoffBaseMs: 10, ...(maxBytes ? { maxBytes } : {}) },
      },
    })
    cores.push(core)
    return { core, api: createClient(inProcessTransport(core)) }
  }
  const addPaper = async (api: LibraryApi, ref = '2401.00001v2'): Promise<PaperId> => {
    const report = await api.importText({ text: `${ref}\n`, format: 'ids', sourceName: 'ids' })
    return report.paperIds[0] as PaperId
  }
  /** Stored files and partial files: both must be empty after a failure. */
  const filesIn = (dataDir: string) => ({
    stored: readdirSync(pdfDir(dataDir)).filter((name) => name.endsWith('.pdf')),
    partial: (() => {
      try {
        return readdirSync(pdfTempDir(dataDir))
      } catch {
        return []
      }
    })(),
  })
  const fileRows = (dataDir: string) => snapshotLibrary(dataDir)['paper_files'] ?? []

  it('downloads an arXiv PDF by version, stores it under its hash and links it to the paper', async () => {
    const server = await serve({ 'GET /pdf/2401.00001v2': { headers: PDF_HEADERS, body: pdf } })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results.map((r) => [r.state, r.error])).toEqual([['done', null]])
    const location = await api.pdfUrl({ id })
    expect(location?.size).toBe(pdf.length)
    expect(location?.file).toBe(join(pdfDir(dataDir), `${location?.sha256}.pdf`))
    expect(filesIn(dataDir)).toEqual({ stored: [`${location?.sha256}.pdf`], partial: [] })
    expect(fileRows(dataDir)).toHaveLength(1)
  })

  it('retries a 429 after the pause Retry-After asks for, and a 503, then stores the PDF', async () => {
    const replies = [
      { status: 429, headers: { 'retry-after': '1' }, body: 'slow down' },
      { status: 503, body: 'busy' },
      { headers: PDF_HEADERS, body: pdf },
    ]
    const server = await serve({
      'GET /pdf/2401.00001v2': () => replies.shift() ?? { status: 500 },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results.map((r) => [r.state, r.error])).toEqual([['done', null]])
    const times = server.requests.map((r) => r.at)
    expect(times).toHaveLength(3)
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000)
    expect(fileRows(dataDir)).toHaveLength(1)
  })

  it('gives up on a server that keeps answering 503, with its answer, after the retries', async () => {
    const server = await serve({ 'GET /pdf/2401.00001v2': { status: 503, body: 'busy' } })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results[0]?.error).toMatch(/answered 503/)
    expect(server.requests).toHaveLength(4)
    expect(filesIn(dataDir)).toEqual({ stored: [], partial: [] })
  })

  it.each([
    [
      'an HTML page served as a PDF',
      { headers: PDF_HEADERS, body: '<!doctype html><title>Just a moment…</title>' },
      /not a PDF/,
    ],
    [
      'an HTML content type',
      { headers: { 'content-type': 'text/html' }, body: '<html></html>' },
      /web page/,
    ],
    ['a PDF cut short', { headers: PDF_HEADERS, cut: true }, /incomplete/],
    ['a 404', { status: 404, body: 'gone' }, /answered 404/],
  ])('refuses %s and leaves no file and no row', async (_name, reply, message) => {
    const body =
      'cut' in reply
        ? pdf.subarray(0, Math.floor(pdf.length / 2))
        : 'body' in reply
          ? reply.body
          : pdf.subarray(0, 500)
    const server = await serve({
      'GET /pdf/2401.00001v2': {
        status: 'status' in reply ? reply.status : 200,
        headers: 'headers' in reply ? reply.headers : {},
        body,
      },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results[0]?.state).toBe('failed')
    expect(report.results[0]?.error).toMatch(message)
    expect(report.results[0]?.error).toContain(server.url)
    expect(await api.pdfUrl({ id })).toBeNull()
    expect(filesIn(dataDir)).toEqual({ stored: [], partial: [] })
    expect(fileRows(dataDir)).toEqual([])
    const status = await api.downloadStatus({})
    expect(status.jobs.map((j) => [j.paperId, j.state])).toEqual([[id, 'failed']])
  })

  it('refuses a body cut off before its declared length, and leaves no file and no row', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { ...PDF_HEADERS, 'content-length': String(pdf.length) })
      res.write(pdf.subarray(0, 1000), () => res.socket?.destroy())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const dataDir = tempDir()
      const { api } = open(dataDir, url)
      const id = await addPaper(api)
      const report = await api.downloadPdfs({ ids: [id], wait: true })
      expect(report.results[0]?.state).toBe('failed')
      expect(report.results[0]?.error).toContain(url)
      expect(report.results[0]?.error).toMatch(/ended after|terminated|UND_ERR|closed/i)
      expect(filesIn(dataDir)).toEqual({ stored: [], partial: [] })
      expect(fileRows(dataDir)).toEqual([])
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('stops an oversized download at the cap, declared or not', async () => {
    const server = await serve({
      'GET /pdf/2401.00001v2': { headers: PDF_HEADERS, body: pdf },
      'GET /pdf/2401.00002v1': (req) => {
        void req
        return {
          headers: { 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
          body: pdf,
        }
      },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url, 1000)
    const declared = await addPaper(api)
    const undeclared = await addPaper(api, '2401.00002v1')
    const report = await api.downloadPdfs({ ids: [declared, undeclared], wait: true })
    expect(report.results.map((r) => r.state)).toEqual(['failed', 'failed'])
    for (const result of report.results) expect(result.error).toMatch(/larger than/)
    expect(filesIn(dataDir)).toEqual({ stored: [], partial: [] })
    expect(fileRows(dataDir)).toEqual([])
  })

  it('follows a redirect to the file', async () => {
    const server = await serve({
      'GET /pdf/2401.00001v2': { status: 302, headers: { location: '/files/paper.pdf' } },
      'GET /files/paper.pdf': { headers: PDF_HEADERS, body: pdf },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results[0]?.state).toBe('done')
    expect((await api.pdfUrl({ id }))?.size).toBe(pdf.length)
  })

  it('refuses a redirect loop, naming the address', async () => {
    const server = await serve({
      'GET /pdf/2401.00001v2': { status: 302, headers: { location: '/pdf/2401.00001v2' } },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results[0]?.error).toMatch(/redirected more than 5 times/)
    expect(filesIn(dataDir)).toEqual({ stored: [], partial: [] })
  })

  it('falls back to the previous version when the latest is withdrawn', async () => {
    const server = await serve({ 'GET /pdf/2401.00001v1': { headers: PDF_HEADERS, body: pdf } })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    withLibraryDb(dataDir, (db) =>
      db.prepare('UPDATE papers SET withdrawn = 1, latest_version = 2 WHERE id = ?').run(id),
    )
    const report = await api.downloadPdfs({ ids: [id], wait: true })
    expect(report.results[0]?.state).toBe('done')
    expect(server.requests.map((r) => r.url)).toEqual(['/pdf/2401.00001v1'])
  })

  it('resumes queued and interrupted downloads after a restart', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    let calls = 0
    const server = await serve({
      'GET /pdf/2401.00001v2': () => {
        calls += 1
        return calls === 1
          ? { headers: PDF_HEADERS, body: pdf, delayMs: 10_000 }
          : { headers: PDF_HEADERS, body: pdf }
      },
    })
    const dataDir = tempDir()
    const first = open(dataDir, server.url)
    const id = await addPaper(first.api)
    await first.api.downloadPdfs({ ids: [id] })
    await expect.poll(() => calls).toBe(1)
    expect((await first.api.downloadStatus({})).jobs[0]?.state).toBe('running')
    first.core.close()
    release()
    await gate
    const second = createCore({
      dataDir,
      now: () => TEST_NOW,
      baseUrls: { arxiv: server.url },
      pdf: { resume: true, policy: { spacingMs: { '*': 0 } } },
    })
    cores.push(second)
    const api = createClient(inProcessTransport(second))
    await expect
      .poll(async () => (await api.pdfUrl({ id }))?.size ?? 0, { timeout: 10_000 })
      .toBe(pdf.length)
    expect((await api.downloadStatus({})).jobs).toEqual([])
    expect(filesIn(dataDir).stored).toHaveLength(1)
  })

  it('cancels a running download and keeps nothing', async () => {
    const server = await serve({
      'GET /pdf/2401.00001v2': { headers: PDF_HEADERS, body: pdf, delayMs: 10_000 },
    })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const done = api.downloadPdfs({ ids: [id], wait: true })
    await expect.poll(() => server.requests.length).toBe(1)
    expect(await api.cancelDownload({})).toEqual({ changed: 1 })
    const report = await done
    expect(report.results[0]?.state).toBe('cancelled')
    expect(filesIn(dataDir)).toEqual({ stored: [], partial: [] })
  })

  it('reports papers without any PDF address and papers already stored', async () => {
    const server = await serve({ 'GET /pdf/2401.00001v2': { headers: PDF_HEADERS, body: pdf } })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    const noLink = await addPaper(api, '10.1000/xyz123')
    await api.downloadPdfs({ ids: [id], wait: true })
    const report = await api.downloadPdfs({ ids: [id, noLink] })
    expect(report).toEqual({ queued: [], alreadyStored: [id], noLink: [noLink], results: [] })
  })

  it('removes a stored PDF, keeps the paper, and reports the space freed', async () => {
    const server = await serve({ 'GET /pdf/2401.00001v2': { headers: PDF_HEADERS, body: pdf } })
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    const id = await addPaper(api)
    await api.downloadPdfs({ ids: [id], wait: true })
    expect((await api.storageUsage({})).bytes).toBe(pdf.length)
    expect(await api.removePdf({ id })).toEqual({ changed: 1, freedBytes: pdf.length })
    expect(filesIn(dataDir).stored).toEqual([])
    expect((await api.storageUsage({})).bytes).toBe(0)
    expect((await api.getPaper({ id })).id).toBe(id)
  })
})
