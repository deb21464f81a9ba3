import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import type { PaperId } from '@shared/model/ids'
import { describe, expect, it } from 'vitest'
import { withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { makeFlateBombPdf, makeTextBombPdf } from '../../../../test/helpers/test-pdfs'
import { inProcessTransport } from '../../transport/in-process-transport'
import { createCore } from '../create-core'

const GB = 2 ** 30

describe('pdf/bounded PDF thread', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()

  it('stores a PDF of 400 MB of drawing commands without text, with a reason, under 1 GB, and does not retry it', async () => {
    const dir = tempDir()
    const bomb = await makeTextBombPdf(400 * 2 ** 20)
    expect(bomb.length).toBeLessThan(4 * 2 ** 20)
    const file = join(dir, 'bomb.pdf')
    writeFileSync(file, bomb)
    const core = createCore({ dataDir: dir })
    const api = createClient(inProcessTransport(core))
    let peak = 0
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20)
    try {
      const id = (await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' }))
        .paperIds[0] as PaperId
      await api.attachPdf({ id, path: file })
      await expect
        .poll(async () => (await api.pdfUrl({ id }))?.text?.state, {
          timeout: 100_000,
          interval: 200,
        })
        .toBe('failed')
      const text = (await api.pdfUrl({ id }))?.text
      expect(text?.error).toMatch(/draws text more than 1000000 times/)
      expect(peak).toBeLessThan(1.1 * GB)
    } finally {
      clearInterval(sampler)
      core.close()
    }
    // Opened again with resume (as serve does), the file is not tried again.
    const before = withLibraryDb(dir, (db) =>
      db.prepare('SELECT state, updated_at FROM pdf_texts').all(),
    )
    const again = createCore({ dataDir: dir, pdf: { resume: true } })
    await new Promise((resolve) => setTimeout(resolve, 500))
    again.close()
    expect(
      withLibraryDb(dir, (db) => db.prepare('SELECT state, updated_at FROM pdf_texts').all()),
    ).toEqual(before)
  })

  it('refuses to add a paper from such a PDF, naming the reason, and keeps nothing', async () => {
    const dir = tempDir()
    const file = join(dir, 'bomb.pdf')
    writeFileSync(file, await makeTextBombPdf(400 * 2 ** 20))
    const core = createCore({ dataDir: dir })
    const api = createClient(inProcessTransport(core))
    try {
      await expect(api.addPdf({ path: file, tags: [], waitForText: true })).rejects.toThrow(
        /bomb\.pdf: The PDF draws text more than 1000000 times/,
      )
      expect((await api.libraryInfo({})).paperCount).toBe(0)
      expect(
        withLibraryDb(dir, (db) => db.prepare('SELECT count(*) FROM paper_files').pluck().get()),
      ).toBe(0)
    } finally {
      core.close()
    }
  })

  it('stores a PDF of 400 MB of zeros without text: its streams decode to more than the budget', async () => {
    const dir = tempDir()
    const file = join(dir, 'zeros.pdf')
    writeFileSync(file, await makeFlateBombPdf(400 * 2 ** 20, 'zeros'))
    const core = createCore({ dataDir: dir })
    const api = createClient(inProcessTransport(core))
    try {
      const id = (await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' }))
        .paperIds[0] as PaperId
      await api.attachPdf({ id, path: file, waitForText: true })
      expect((await api.pdfUrl({ id }))?.text).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/streams decode to more than 128 MB/) as unknown,
      })
    } finally {
      core.close()
    }
  })
})
