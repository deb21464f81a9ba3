import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@shared/rpc/create-client'
import type { PaperAnnotations } from '@shared/model/annotation'
import type { PaperId } from '@shared/model/ids'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/create-core'
import { inProcessTransport } from '../../src/main/transport/in-process-transport'
import { useTempDir } from '../helpers/temp-dir'
import { makeTestPdf } from '../helpers/test-pdfs'

const bin = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))
const PHRASE = 'quasiperiodic lattice renormalization'

/** Runs the built `papershelf` command as a user would. */
function papershelf(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A library with one annotated paper (a PDF, a commented highlight, a note) and one without. */
async function annotatedLibrary(dir: string): Promise<PaperId> {
  const core = createCore({ dataDir: dir })
  try {
    const api = createClient(inProcessTransport(core))
    const [id] = (
      await api.importText({
        text: '2401.00001\n2401.00002\n',
        format: 'ids',
        sourceName: 'ids',
        tags: ['reading-group'],
      })
    ).paperIds as [PaperId]
    const pdf = await makeTestPdf({ pages: 3, pageText: { 2: [`We study ${PHRASE}.`] } })
    writeFileSync(join(dir, 'paper.pdf'), pdf)
    await api.attachPdf({ id, path: join(dir, 'paper.pdf'), waitForText: true })
    await api.addAnnotation({
      paperId: id,
      kind: 'highlight',
      color: 'red',
      page: 2,
      rects: [[60, 690, 300, 702]],
      quote: PHRASE,
      comment: 'Check against the 2019 result.',
    })
    await api.addAnnotation({
      paperId: id,
      kind: 'note',
      page: 3,
      rects: [[80, 500, 80, 500]],
      comment: 'Todo',
    })
    await api.createList({ name: 'To cite' })
    return id
  } finally {
    core.close()
  }
}

describe('the built papershelf command: annotations', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()

  it('lists a paper’s annotations as text and JSON', async () => {
    const dir = tempDir()
    const id = await annotatedLibrary(dir)
    const text = papershelf(['annotations', String(id), '--library', dir])
    expect(text.stderr).toBe('')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`#${id}: 2 annotations`)
    expect(text.stdout).toContain(`p. 2     [Disagree] “${PHRASE}”`)
    expect(text.stdout).toContain('Check against the 2019 result.')
    const json = JSON.parse(
      papershelf(['annotations', 'arXiv:2401.00001', '--json', '--library', dir]).stdout,
    ) as PaperAnnotations
    expect(json.annotations.map((a) => a.kind)).toEqual(['highlight', 'note'])
  })

  it('exports Markdown to stdout, and to a folder with an annotated PDF copy', async () => {
    const dir = tempDir()
    const id = await annotatedLibrary(dir)
    const out = papershelf(['export-annotations', String(id), '--library', dir])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain(`> ${PHRASE}`)
    expect(out.stdout).toContain('— p. 2 · Disagree (red)')

    const folder = join(dir, 'notes')
    const written = papershelf([
      'export-annotations',
      '--tag',
      'reading-group',
      '--to',
      folder,
      '--pdf',
      '--library',
      dir,
    ])
    expect(written.stderr).toBe('')
    expect(written.code).toBe(0)
    expect(written.stdout).toContain('No annotations (nothing written): #2')
    expect(readdirSync(folder).sort()).toEqual([
      `${id}-arxiv-2401-00001-annotated.pdf`,
      `${id}-arxiv-2401-00001.md`,
    ])
    expect(readFileSync(join(folder, `${id}-arxiv-2401-00001.md`), 'utf8')).toContain(
      '**Note** — p. 3',
    )
  })

  it('refuses bad requests with a usage message and exit code', async () => {
    const dir = tempDir()
    await annotatedLibrary(dir)
    const none = papershelf(['export-annotations', '--library', dir])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/name papers, or give --tag T or --list L/)
    expect(papershelf(['export-annotations', '1', '--pdf', '--library', dir]).stderr).toMatch(
      /--to DIR/,
    )
    expect(papershelf(['export-annotations', '1', '--format', 'html', '--library', dir]).code).toBe(
      2,
    )
    const emptyList = papershelf(['export-annotations', '--list', 'To cite', '--library', dir])
    expect(emptyList.code).toBe(1)
    expect(emptyList.stderr).toMatch(/No papers match/)
    const missing = papershelf(['annotations', '999', '--library', dir])
    expect(missing.code).toBe(1)
    expect(existsSync(join(dir, 'notes'))).toBe(false)
  })
})
