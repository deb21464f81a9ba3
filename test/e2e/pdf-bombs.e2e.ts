import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withLibraryDb } from '../helpers/db-snapshot'
import { arxivIdList } from '../helpers/library-builders'
import {
  papershelf,
  papershelfMeasured,
  startServe,
  watchPeakRss,
} from '../helpers/papershelf-process'
import { makeFlateBombPdf } from '../helpers/test-pdfs'
import { useTempDir } from '../helpers/temp-dir'

const MB = 2 ** 20
const GB = 2 ** 30

// The crafted files of issue 12, as generated here: small on disk, gigabytes once decoded. Each
// command runs as the user runs it (the built CLI in a process of its own, default budget), and
// its peak resident memory is read from /proc.
describe('crafted PDFs against the default budget', { timeout: 240_000 }, () => {
  const tempDir = useTempDir()
  const files = { text: '', zeros: '' }
  let folder = ''

  beforeAll(async () => {
    // Made once for both tests (useTempDir's folders go after each test).
    folder = mkdtempSync(join(tmpdir(), 'papershelf-bombs-'))
    const text = await makeFlateBombPdf(1.5 * GB, 'text')
    const zeros = await makeFlateBombPdf(2 * GB, 'zeros')
    expect(text.length).toBeLessThan(5 * MB)
    expect(zeros.length).toBeLessThan(2.5 * MB)
    files.text = join(folder, 'drawing-commands.pdf')
    files.zeros = join(folder, 'zeros.pdf')
    writeFileSync(files.text, text)
    writeFileSync(files.zeros, zeros)
  }, 120_000)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('attach stores each without text, says why, stays under 1 GB, and nothing retries them', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'ids.txt'), arxivIdList(2))
    expect(
      (await papershelf(['import', join(dir, 'ids.txt'), '--format', 'ids', '--library', dir]))
        .code,
    ).toBe(0)

    const text = await papershelfMeasured(['attach', '1', files.text, '--library', dir])
    expect(text.stderr).toBe('')
    expect(text.stdout).toMatch(/#1: stored .*drawing-commands\.pdf \(1 pages/)
    expect(text.stdout).toMatch(/not searchable: The PDF draws text more than 1000000 times/)
    expect(text.peakRssBytes).toBeGreaterThan(0)
    expect(text.peakRssBytes).toBeLessThan(GB)

    const zeros = await papershelfMeasured(['attach', '2', files.zeros, '--library', dir])
    expect(zeros.stderr).toBe('')
    expect(zeros.stdout).toMatch(/not searchable: The PDF's streams decode to more than 128 MB/)
    expect(zeros.peakRssBytes).toBeLessThan(GB)

    const texts = () =>
      withLibraryDb(dir, (db) =>
        db.prepare('SELECT sha256, state, error, updated_at FROM pdf_texts ORDER BY sha256').all(),
      )
    const before = texts()
    expect(before).toHaveLength(2)
    expect(before).toEqual([
      expect.objectContaining({ state: 'failed' }),
      expect.objectContaining({ state: 'failed' }),
    ])
    // serve resumes pending text at start: these are not pending, so it leaves them alone.
    const server = await startServe(dir)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    await server.stop()
    expect(texts()).toEqual(before)
  })

  it('add refuses them with the reason, under 1 GB, and keeps nothing', async () => {
    const dir = tempDir()
    for (const [file, reason] of [
      [files.text, /drawing-commands\.pdf: The PDF draws text more than 1000000 times/],
      [files.zeros, /zeros\.pdf: The PDF's streams decode to more than 128 MB/],
    ] as const) {
      const added = await papershelfMeasured(['add', file, '--library', dir])
      expect(added.code).toBe(1)
      expect(added.stderr).toMatch(reason)
      expect(added.peakRssBytes).toBeLessThan(GB)
    }
    const listed = await papershelf(['list', '--json', '--library', dir])
    expect(JSON.parse(listed.stdout)).toEqual([])
  })

  it('serve, attaching them for the CLI, stays under 1 GB and stores them without text', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'ids.txt'), arxivIdList(2))
    expect(
      (await papershelf(['import', join(dir, 'ids.txt'), '--format', 'ids', '--library', dir]))
        .code,
    ).toBe(0)
    const server = await startServe(dir)
    const watch = watchPeakRss(() => server.child.pid)
    try {
      const text = await papershelf(['attach', '1', files.text, '--library', dir])
      const zeros = await papershelf(['attach', '2', files.zeros, '--library', dir])
      expect(text.stdout).toMatch(/not searchable: The PDF draws text more than 1000000 times/)
      expect(zeros.stdout).toMatch(/not searchable: The PDF's streams decode to more than 128 MB/)
    } finally {
      const peak = watch.stop()
      await server.stop()
      expect(peak).toBeGreaterThan(0)
      expect(peak).toBeLessThan(GB)
    }
  })
})
