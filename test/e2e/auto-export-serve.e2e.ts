import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@retorquere/bibtex-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { papershelf, startServe, type ServeProcess } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

const BIB = `@article{a, title={Attention Is All You Need}, author={Vaswani, Ashish}, year={2017}, doi={10.1000/a}}
@article{b, title={Deep Residual Learning}, author={He, Kaiming}, year={2016}, doi={10.1000/b}}
`

function keys(path: string): string[] {
  const parsed = parse(readFileSync(path, 'utf8'))
  expect(parsed.errors).toEqual([])
  return parsed.entries.map((entry) => entry.key).sort()
}

describe('the built papershelf command: auto-export kept by serve', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()
  let serve: ServeProcess | null = null
  afterEach(async () => {
    await serve?.stop()
    serve = null
  })

  it('sets up an auto-export through serve, which rewrites the file when a paper is tagged', async () => {
    const library = tempDir()
    const work = tempDir()
    writeFileSync(join(work, 'refs.bib'), BIB)
    const at = (...args: string[]) => papershelf([...args, '--library', library])
    expect((await at('import', join(work, 'refs.bib'), '--tag', 'llm')).code).toBe(0)
    serve = await startServe(library)

    const target = join(work, 'out', 'llm.bib')
    const added = await at('auto-export', 'add', '--tag', 'llm', '--to', target)
    expect(added).toMatchObject({ code: 0 })
    expect(added.stdout).toMatch(/^1 {2}bibtex of tag llm → .*llm\.bib \(written /)
    expect(keys(target)).toEqual(['he2016deep', 'vaswani2017attention'])

    // Another command changes the tag's papers through serve; serve rewrites the file.
    expect((await at('untag', '2', 'llm')).code).toBe(0)
    await expect.poll(() => keys(target), { timeout: 15_000 }).toEqual(['vaswani2017attention'])

    const listed = await at('auto-export', 'list')
    expect(listed.stdout).toMatch(/^1 {2}bibtex of tag llm → /)
    const run = await at('auto-export', 'run')
    expect(run.stdout).toMatch(/✓ .*llm\.bib: 1 papers \(unchanged\)/)
    expect((await at('auto-export', 'remove', '1')).stdout).toMatch(/Auto-export 1 stopped/)
    expect((await at('auto-export', 'frobnicate')).code).toBe(2)
  })
})
