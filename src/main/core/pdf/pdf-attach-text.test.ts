import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { beforeAll, describe, expect, it } from 'vitest'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { makeTestPdf } from '../../../../test/helpers/test-pdfs'
import { createClient } from '@shared/rpc/create-client'
import { inProcessTransport } from '../../transport/in-process-transport'
import { createCore } from '../create-core'

const PHRASE = 'quasiperiodic lattice renormalization'

describe('pdf/pdf-service', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  let paperPdf: Uint8Array
  let stampedPdf: Uint8Array

  beforeAll(async () => {
    paperPdf = await makeTestPdf({
      pages: 12,
      title: 'Lattice notes',
      outline: true,
      pageText: { 7: [`We study ${PHRASE} near the edge.`] },
    })
    stampedPdf = await makeTestPdf({
      pages: 2,
      pageText: { 1: ['arXiv:2405.01234v3 [cs.CL] 2 May 2024'] },
    })
  })

  const write = (dir: string, name: string, bytes: Uint8Array | string) => {
    const file = join(dir, name)
    writeFileSync(file, bytes)
    return file
  }
  const addPaper = async (api: LibraryApi): Promise<PaperId> =>
    (await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' }))
      .paperIds[0] as PaperId
  const textDone = async (api: LibraryApi, id: PaperId) =>
    expect
      .poll(async () => (await api.pdfUrl({ id }))?.text?.state, { timeout: 30_000 })
      .toBe('done')

  it('attaches a local PDF, indexes its text per page, and finds a phrase on the right page', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const id = await addPaper(api)
    const report = await api.attachPdf({ id, path: write(dir, 'paper.pdf', paperPdf) })
    expect(report).toMatchObject({
      paperId: id,
      created: false,
      pageCount: 12,
      size: paperPdf.length,
    })
    await textDone(api, id)
    const hits = await api.searchPdfText({ query: PHRASE })
    expect(hits.map((h) => [h.paperId, h.page])).toEqual([[id, 7]])
    const hit = hits[0]
    expect(hit?.snippet).toContain('quasiperiodic lattice renormalization')
    expect(hit?.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual([PHRASE])
    expect(
      await api.searchPdfText({ query: 'renormalization lattice quasiperiodic' }),
    ).toHaveLength(1)
    expect(await api.searchPdfText({ query: 'nonexistentword' })).toEqual([])
  })

  it('indexes every page of a 320-page PDF and finds a phrase near its end', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const id = await addPaper(api)
    const big = await makeTestPdf({
      pages: 320,
      outline: true,
      pageText: { 311: ['A closing remark on spectral sparsification.'] },
    })
    const report = await api.attachPdf({ id, path: write(dir, 'big.pdf', big), waitForText: true })
    expect(report.pageCount).toBe(320)
    expect((await api.pdfUrl({ id }))?.text).toEqual({ state: 'done', pageCount: 320, error: null })
    const hits = await api.searchPdfText({ query: 'spectral sparsification' })
    expect(hits.map((h) => h.page)).toEqual([311])
  })

  it('refuses a file that is not a PDF, naming it, and leaves the library unchanged', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const id = await addPaper(api)
    const before = snapshotLibrary(dir)
    const html = write(dir, 'page.pdf', '<!doctype html><html><body>Sign in</body></html>')
    await expect(api.attachPdf({ id, path: html })).rejects.toThrow(/page\.pdf: it is not a PDF/)
    const broken = write(dir, 'broken.pdf', Buffer.from(paperPdf).subarray(0, 4000))
    await expect(api.attachPdf({ id, path: broken })).rejects.toThrow(
      /broken\.pdf: it is incomplete/,
    )
    await expect(api.attachPdf({ id, path: join(dir, 'missing.pdf') })).rejects.toThrow(
      /missing\.pdf: no such file/,
    )
    expect(snapshotLibrary(dir)).toEqual(before)
  })

  it('fails text extraction of a damaged PDF for that file only', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const good = await addPaper(api)
    const other = (await api.importText({ text: '2401.00002\n', format: 'ids', sourceName: 'ids' }))
      .paperIds[0] as PaperId
    // A valid header and end marker around garbage: it passes the shape check but pdf.js cannot open it.
    const damaged = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(2000, 0x41),
      Buffer.from('\n%%EOF\n'),
    ])
    await expect(
      api.attachPdf({ id: other, data: damaged.toString('base64'), name: 'damaged.pdf' }),
    ).rejects.toThrow(/damaged\.pdf: not a readable PDF/)
    await api.attachPdf({
      id: good,
      data: Buffer.from(paperPdf).toString('base64'),
      name: 'good.pdf',
    })
    await textDone(api, good)
    expect(await api.pdfUrl({ id: other })).toBeNull()
  })

  it('fails the text of a file damaged on disk alone, and indexes the others', async () => {
    const dir = tempDir()
    const first = openCore(dir)
    const damaged = await addPaper(first.api)
    const healthy = (
      await first.api.importText({ text: '2401.00002\n', format: 'ids', sourceName: 'ids' })
    ).paperIds[0] as PaperId
    await first.api.attachPdf({
      id: damaged,
      data: Buffer.from(stampedPdf).toString('base64'),
      name: 'a.pdf',
    })
    await first.api.attachPdf({
      id: healthy,
      data: Buffer.from(paperPdf).toString('base64'),
      name: 'b.pdf',
      waitForText: true,
    })
    const file = (await first.api.pdfUrl({ id: damaged }))?.file ?? ''
    first.core.close()
    // Same size, so only reading the text can notice; both files wait to be indexed again.
    writeFileSync(file, Buffer.alloc(stampedPdf.length, 0x41))
    withLibraryDb(dir, (db) => {
      db.prepare(`UPDATE pdf_texts SET state = 'pending'`).run()
      db.prepare('DELETE FROM pdf_pages_fts').run()
    })
    const core = createCore({ dataDir: dir, pdf: { resume: true } })
    try {
      const api = createClient(inProcessTransport(core))
      await expect
        .poll(async () => (await api.pdfUrl({ id: healthy }))?.text?.state, { timeout: 30_000 })
        .toBe('done')
      await expect
        .poll(async () => (await api.pdfUrl({ id: damaged }))?.text?.state, { timeout: 30_000 })
        .toBe('failed')
      expect((await api.pdfUrl({ id: damaged }))?.text?.error).toBeTruthy()
      expect((await api.searchPdfText({ query: PHRASE })).map((h) => h.paperId)).toEqual([healthy])
    } finally {
      core.close()
    }
  })

  it('adds a PDF as a paper found by the arXiv id stamped on its first page', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const report = await api.addPdf({
      path: write(dir, 'download.pdf', stampedPdf),
      tags: ['inbox'],
    })
    expect(report).toMatchObject({ created: true, found: { arxivId: '2405.01234' } })
    const paper = await api.getPaper({ id: report.paperId })
    expect([paper.arxivId, paper.tags]).toEqual(['2405.01234', ['inbox']])
    const again = await api.addPdf({ path: write(dir, 'copy.pdf', stampedPdf) })
    expect(again).toMatchObject({ created: false, paperId: report.paperId })
  })

  it('adds a PDF without identifiers under its title', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const report = await api.addPdf({ path: write(dir, 'notes.pdf', paperPdf) })
    expect(report.found).toEqual({ arxivId: null, doi: null, title: 'Lattice notes' })
    expect((await api.getPaper({ id: report.paperId })).title).toBe('Lattice notes')
  })

  it('remembers page and zoom, and marks an unread paper as reading', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const id = await addPaper(api)
    await api.attachPdf({ id, data: Buffer.from(paperPdf).toString('base64'), name: 'p.pdf' })
    expect(await api.setReadingPosition({ id, page: 5, zoom: 'page-width' })).toEqual({
      changed: 1,
    })
    expect((await api.pdfUrl({ id }))?.position).toEqual({ page: 5, zoom: 'page-width' })
    expect((await api.getPaper({ id })).status).toBe('reading')
    await api.setStatus({ ids: [id], status: 'read' })
    await api.setReadingPosition({ id, page: 6, zoom: 1.25 })
    expect((await api.getPaper({ id })).status).toBe('read')
    expect((await api.pdfUrl({ id }))?.position).toEqual({ page: 6, zoom: 1.25 })
  })

  it('forgets a stored file deleted outside the app, so it can be fetched again', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const id = await addPaper(api)
    await api.attachPdf({ id, data: Buffer.from(paperPdf).toString('base64'), name: 'p.pdf' })
    const location = await api.pdfUrl({ id })
    writeFileSync(location?.file ?? '', 'altered')
    expect(await api.pdfUrl({ id })).toBeNull()
    expect(snapshotLibrary(dir)['paper_files']).toEqual([])
  })
})
