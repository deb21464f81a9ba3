import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { snapshotLibrary } from '../../../test/helpers/db-snapshot'
import { useFixtureServer } from '../../../test/helpers/fixture-http-server'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { makeTestPdf } from '../../../test/helpers/test-pdfs'
import { runCliCaptured } from '../../../test/helpers/run-cli-captured'

const cli = runCliCaptured

describe('cli/pdf-commands', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  const serve = useFixtureServer()
  let pdf: Uint8Array
  const savedArxivUrl = process.env['PAPERSHELF_ARXIV_URL']

  beforeAll(async () => {
    pdf = await makeTestPdf({
      pages: 3,
      pageText: { 1: ['arXiv:2405.01234v1 [cs.CL] 2 May 2024'] },
    })
  })
  afterEach(() => {
    if (savedArxivUrl === undefined) delete process.env['PAPERSHELF_ARXIV_URL']
    else process.env['PAPERSHELF_ARXIV_URL'] = savedArxivUrl
  })

  it('adds a PDF as a paper, prints its stored path, and removes it again', async () => {
    const lib = tempDir()
    writeFileSync(join(lib, 'paper.pdf'), pdf)
    const added = await cli(lib, ['add', 'paper.pdf', '--tag', 'inbox'])
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('Added #1: paper.pdf (3 pages')
    expect(added.stdout).toContain('Found arXiv:2405.01234')
    const path = await cli(lib, ['pdf', '2405.01234'])
    expect(path.code).toBe(0)
    expect(existsSync(path.stdout.trim())).toBe(true)
    const storage = await cli(lib, ['storage', '--json'])
    expect(JSON.parse(storage.stdout)).toMatchObject({ files: 1, bytes: pdf.length, papers: 1 })
    const removed = await cli(lib, ['remove-pdf', '1'])
    expect(removed.stdout).toContain(`Removed 1 PDFs, freed`)
    expect(existsSync(path.stdout.trim())).toBe(false)
    const none = await cli(lib, ['pdf', '1'])
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining('has no stored PDF')])
  })

  it('refuses to attach a missing or non-PDF file, naming it, and changes nothing', async () => {
    const lib = tempDir()
    writeFileSync(join(lib, 'p.pdf'), pdf)
    await cli(lib, ['add', 'p.pdf'])
    writeFileSync(join(lib, 'page.pdf'), '<html>not a pdf</html>')
    const before = snapshotLibrary(lib)
    const missing = await cli(lib, ['attach', '1', 'nope.pdf'])
    expect([missing.code, missing.stderr]).toEqual([
      1,
      expect.stringContaining('nope.pdf: no such file'),
    ])
    const html = await cli(lib, ['attach', '1', 'page.pdf'])
    expect([html.code, html.stderr]).toEqual([
      1,
      expect.stringContaining('page.pdf: it is not a PDF'),
    ])
    expect(snapshotLibrary(lib)).toEqual(before)
  })

  it('downloads PDFs for the named papers and reports failures with exit code 1', async () => {
    const server = await serve({
      'GET /pdf/2401.00001v1': {
        headers: { 'content-type': 'application/pdf' },
        body: Buffer.from(pdf),
      },
      'GET /pdf/2401.00002v1': { status: 404, body: 'no' },
    })
    process.env['PAPERSHELF_ARXIV_URL'] = server.url
    const lib = tempDir()
    writeFileSync(join(lib, 'ids.txt'), '2401.00001v1\n2401.00002v1\n')
    expect((await cli(lib, ['import', 'ids.txt'])).code).toBe(0)
    const first = await cli(lib, ['download', '2401.00001'])
    expect([first.code, first.stdout]).toEqual([0, expect.stringContaining('Downloaded 1 of 1')])
    const both = await cli(lib, ['download', '--all-unread'])
    expect(both.code).toBe(1)
    expect(both.stdout).toContain('1 already stored')
    expect(both.stdout).toMatch(/fail #2 .*answered 404/)
    const usage = await cli(lib, ['download'])
    expect(usage.code).toBe(2)
  })
})
