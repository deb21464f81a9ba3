import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { papershelf } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

/** CSL items with long abstracts: a few megabytes, so several chunks and many reads. */
function cslItems(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `item${i}`,
    type: 'article-journal',
    title: `Streamed import ${i}: brackets ] [ and braces } { in “quotes” — 日本語 ${i}`,
    author: [{ family: `Ødegård${i}`, given: 'Åsa' }],
    DOI: `10.5555/stream.${i}`,
    issued: { 'date-parts': [[2022, 1 + (i % 12)]] },
    abstract: `Item ${i} is read across chunk boundaries, naïvely and otherwise. `.repeat(20),
  }))
}

const paperCount = async (library: string) => {
  const info = await papershelf(['info', '--library', library, '--json'])
  expect(info.code, info.stderr).toBe(0)
  return (JSON.parse(info.stdout) as { paperCount: number }).paperCount
}

describe('papershelf import streams a large file (built CLI)', () => {
  const tempDir = useTempDir()

  it('imports a CSL-JSON file of several chunks, every item found by search', async () => {
    const dir = tempDir()
    const file = join(dir, 'library.json')
    const text = JSON.stringify(cslItems(2_500), null, 2)
    expect(text.length).toBeGreaterThan(3 * 2 ** 20)
    writeFileSync(file, text)
    const library = join(dir, 'library')
    const imported = await papershelf(['import', file, '--library', library])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toContain('(csl-json): 2500 added, 0 updated, 0 unchanged, 0 refused.')
    expect(await paperCount(library)).toBe(2_500)
    const found = await papershelf(['search', 'Ødegård2499', '--library', library])
    expect(found.stdout).toContain(
      'Streamed import 2499: brackets ] [ and braces } { in “quotes” — 日本語 2499',
    )
  }, 60_000)

  it('fails on a file cut short after its first chunks, naming the line, and keeps nothing', async () => {
    const dir = tempDir()
    const file = join(dir, 'cut.json')
    const text = JSON.stringify(cslItems(2_500), null, 2)
    const cut = text.slice(0, text.indexOf('"item2400"'))
    writeFileSync(file, cut)
    const library = join(dir, 'library')
    const imported = await papershelf(['import', file, '--library', library])
    expect(imported.code).not.toBe(0)
    const line = cut.slice(0, cut.lastIndexOf('{')).split('\n').length
    expect(imported.stderr).toContain(
      `${file}, line ${line}: the file ends inside the item that starts here; it looks cut short`,
    )
    expect(await paperCount(library)).toBe(0)
  }, 60_000)
})
