import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import type { PaperId } from '@shared/model/ids'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { startAutoExports } from './auto-export-runner'

const openCore = useTestCore()
const tempDir = useTempDir()

const BIB = `@article{a, title={Attention Is All You Need}, author={Vaswani, Ashish}, year={2017}, doi={10.1000/a}}
@article{b, title={Deep Residual Learning}, author={He, Kaiming}, year={2016}, doi={10.1000/b}}
@article{c, title={Generative Adversarial Nets}, author={Goodfellow, Ian}, year={2014}, doi={10.1000/c}}
`

/** The citation keys of a BibTeX file, in order, read by an independent parser. */
function keysOf(path: string): string[] {
  const parsed = parse(readFileSync(path, 'utf8'))
  expect(parsed.errors).toEqual([])
  return parsed.entries.map((entry) => entry.key)
}

async function library() {
  const dir = tempDir()
  const { api, core } = openCore(dir)
  const report = await api.importText({ text: BIB, format: 'bibtex', sourceName: 'refs.bib' })
  const [a, b, c] = report.paperIds as [PaperId, PaperId, PaperId]
  return { dir, api, core, a, b, c }
}

describe('curation/auto-exports', () => {
  it('writes a tag’s papers at once, rewrites the file only when they change, and lists it', async () => {
    const { dir, api, a, b } = await library()
    await api.tagPapers({ ids: [a], tags: ['llm/attention'] })
    const path = join(dir, 'out', 'llm.bib')
    const kept = await api.addAutoExport({ scope: { kind: 'tag', tag: 'llm' }, path })
    expect(kept).toMatchObject({ format: 'bibtex', path, error: null })
    expect(keysOf(path)).toEqual(['vaswani2017attention'])

    const unchanged = await api.runAutoExports({})
    expect(unchanged).toEqual([{ id: kept.id, path, count: 1, written: false, error: null }])

    await api.tagPapers({ ids: [b], tags: ['llm'] })
    expect(await api.runAutoExports({})).toMatchObject([{ count: 2, written: true }])
    expect(keysOf(path).sort()).toEqual(['he2016deep', 'vaswani2017attention'])
    // A file emptied or deleted by hand is written again.
    writeFileSync(path, '')
    expect(await api.runAutoExports({})).toMatchObject([{ written: true }])
    rmSync(path)
    expect(await api.runAutoExports({})).toMatchObject([{ written: true }])
    expect(keysOf(path)).toHaveLength(2)
    expect(await api.listAutoExports({})).toMatchObject([{ id: kept.id, path }])

    await expect(api.addAutoExport({ scope: { kind: 'tag', tag: 'x' }, path })).rejects.toThrow(
      /is kept by auto-export \d+ already/,
    )
    await api.removeAutoExport({ id: kept.id })
    expect(await api.listAutoExports({})).toEqual([])
    expect(keysOf(path).length).toBe(2)
  })

  it('keeps a list in its own order, in BibLaTeX, with keywords when asked', async () => {
    const { dir, api, a, b, c } = await library()
    const list = await api.createList({ name: 'Thesis' })
    await api.addToList({ listId: list.id, ids: [c, a] })
    await api.tagPapers({ ids: [c], tags: ['gan'] })
    const path = join(dir, 'thesis.bib')
    await api.addAutoExport({
      scope: { kind: 'list', listId: list.id },
      format: 'biblatex',
      options: { keywords: true, abstracts: false },
      path,
    })
    expect(keysOf(path)).toEqual(['goodfellow2014generative', 'vaswani2017attention'])
    expect(readFileSync(path, 'utf8')).toContain('keywords = {gan}')
    await api.addToList({ listId: list.id, ids: [b] })
    await api.runAutoExports({})
    expect(keysOf(path)).toEqual(['goodfellow2014generative', 'vaswani2017attention', 'he2016deep'])
  })

  it('refuses a file it cannot write, and records a later failure while writing the others', async () => {
    const { dir, api, a } = await library()
    await api.tagPapers({ ids: [a], tags: ['llm'] })
    // A file where the folder should be: no one, root included, can write below it.
    const blocked = join(dir, 'not-a-folder')
    writeFileSync(blocked, 'x')
    await expect(
      api.addAutoExport({ scope: { kind: 'tag', tag: 'llm' }, path: join(blocked, 'x.bib') }),
    ).rejects.toThrow(/Cannot write .*not-a-folder\/x\.bib/)
    expect(await api.listAutoExports({})).toEqual([])
    const good = join(dir, 'good.bib')
    const gone = join(dir, 'gone', 'list.bib')
    const list = await api.createList({ name: 'Short-lived' })
    await api.addAutoExport({ scope: { kind: 'tag', tag: 'llm' }, path: good })
    await api.addAutoExport({ scope: { kind: 'list', listId: list.id }, path: gone })
    await api.deleteList({ id: list.id })
    const before = statSync(good).mtimeMs
    await api.tagPapers({ ids: [a], tags: ['more'] })
    const runs = await api.runAutoExports({})
    expect(runs.map((run) => run.error)).toEqual([null, `There is no list ${list.id}.`])
    expect(statSync(good).mtimeMs).toBe(before)
    expect((await api.listAutoExports({}))[1]).toMatchObject({
      error: `There is no list ${list.id}.`,
    })
  })

  it('the owner rewrites a file a moment after its papers change', async () => {
    const { dir, api, core, a, b } = await library()
    await api.tagPapers({ ids: [a], tags: ['reading'] })
    const path = join(dir, 'reading.bib')
    await api.addAutoExport({ scope: { kind: 'tag', tag: 'reading' }, path })
    const runner = startAutoExports(core.api, core.events, { delayMs: 10 })
    try {
      await api.tagPapers({ ids: [b], tags: ['reading'] })
      await expect.poll(() => keysOf(path).length).toBe(2)
      await api.untagPapers({ ids: [a, b], tags: ['reading'] })
      await expect.poll(() => readFileSync(path, 'utf8')).toBe('')
    } finally {
      runner.stop()
      await runner.settled()
    }
  })

  it('runs one auto-export by its number and tells every door when the list changes', async () => {
    const { dir, api, core, a, b } = await library()
    const seen: string[] = []
    const stop = core.events.subscribe((event) => {
      if (event.type === 'autoExports.changed') seen.push(event.payload.reason)
    })
    try {
      await api.tagPapers({ ids: [a], tags: ['one'] })
      await api.tagPapers({ ids: [b], tags: ['two'] })
      const one = await api.addAutoExport({
        scope: { kind: 'tag', tag: 'one' },
        path: join(dir, '1.bib'),
      })
      const two = await api.addAutoExport({
        scope: { kind: 'tag', tag: 'two' },
        path: join(dir, '2.bib'),
      })
      expect(seen).toEqual(['added', 'added'])
      // Nothing changed: no file written, nothing to tell.
      expect(await api.runAutoExports({ id: two.id })).toMatchObject([
        { id: two.id, written: false },
      ])
      expect(seen).toEqual(['added', 'added'])

      await api.tagPapers({ ids: [a, b], tags: ['one', 'two'] })
      expect(await api.runAutoExports({ id: two.id })).toMatchObject([
        { id: two.id, written: true },
      ])
      expect(keysOf(join(dir, '1.bib'))).toEqual(['vaswani2017attention'])
      expect(seen).toEqual(['added', 'added', 'written'])
      await expect(api.runAutoExports({ id: 99 })).rejects.toThrow(/There is no auto-export 99/)

      await api.removeAutoExport({ id: one.id })
      expect(seen).toEqual(['added', 'added', 'written', 'removed'])
    } finally {
      stop()
    }
  })
})
