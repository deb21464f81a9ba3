import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { papershelf } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

type Row = { id: number; arxivId: string }

const IDS = ['2401.00001', '2401.00002', '2401.00003', '2401.00004']

// Each run starts the built command afresh (a second or more on a busy machine).
describe('the built papershelf command: lists in their own order', { timeout: 300_000 }, () => {
  const tempDir = useTempDir()

  it('makes a list, fills it, moves papers in it, and lists and exports it in that order', async () => {
    const library = tempDir()
    const run = (...args: string[]) => papershelf([...args, '--library', library])
    const json = async <T>(...args: string[]): Promise<T> => {
      const result = await run(...args, '--json')
      expect(result.code, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as T
    }
    const ids = join(library, 'ids.txt')
    writeFileSync(ids, IDS.join('\n'))
    expect((await run('import', ids, '--format', 'ids')).code).toBe(0)
    const [a, b, c, d] = IDS as [string, string, string, string]

    expect((await run('lists')).stdout).toMatch(/No lists yet/)
    expect((await run('lists', 'create', 'Reading', 'group')).stdout).toMatch(
      /Created list #1 “Reading group”/,
    )
    expect((await run('lists', 'add', 'reading group', c, a, d, b)).stdout).toMatch(
      /Added 4 papers to “Reading group”/,
    )
    expect((await run('lists', 'add', '1', a)).stdout).toMatch(/Added 0 papers .*1 paper already/)
    expect((await run('lists')).stdout).toBe('#1  Reading group  (4 papers)\n')
    expect(await json<unknown>('lists')).toEqual([{ id: 1, name: 'Reading group', paperCount: 4 }])

    const order = async (...extra: string[]) =>
      (await json<Row[]>('list', '--list', 'Reading group', ...extra)).map((row) => row.arxivId)
    // a list shows in its own order by default
    expect(await order()).toEqual([c, a, d, b])

    expect((await run('lists', 'move', 'Reading group', b, '--before', c)).stdout).toMatch(
      /Moved #\d+ from place 4 to 1 of “Reading group”/,
    )
    expect(await order()).toEqual([b, c, a, d])
    expect((await run('lists', 'move', '1', b, '--after', a)).code).toBe(0)
    expect(await order()).toEqual([c, a, b, d])
    expect((await run('lists', 'move', '1', d, '--to', '2')).code).toBe(0)
    expect(await order()).toEqual([c, d, a, b])
    expect(await order('--sort', 'list', '--all')).toEqual([c, d, a, b])

    const exported = await run('export', '--format', 'csl-json', '--list', 'Reading group')
    expect(exported.code, exported.stderr).toBe(0)
    const positions = [c, d, a, b].map((id) => exported.stdout.indexOf(id))
    expect(positions.every((at, i) => at >= 0 && (i === 0 || at > (positions[i - 1] ?? 0)))).toBe(
      true,
    )

    expect((await run('lists', 'remove', 'Reading group', d)).stdout).toMatch(
      /Removed 1 paper from “Reading group”/,
    )
    expect(await order()).toEqual([c, a, b])
  })

  it('says what is wrong with a move it cannot make, on stderr', async () => {
    const library = tempDir()
    const run = (...args: string[]) => papershelf([...args, '--library', library])
    const ids = join(library, 'ids.txt')
    writeFileSync(ids, IDS.join('\n'))
    expect((await run('import', ids, '--format', 'ids')).code).toBe(0)
    expect((await run('lists', 'create', 'Short')).code).toBe(0)
    expect((await run('lists', 'add', 'Short', IDS[0] ?? '', IDS[1] ?? '')).code).toBe(0)

    const tooFar = await run('lists', 'move', 'Short', IDS[0] ?? '', '--to', '3')
    expect(tooFar).toMatchObject({ code: 1, stdout: '' })
    expect(tooFar.stderr).toMatch(/“Short” holds 2 papers: a place is 1 to 2/)
    const two = await run(
      'lists',
      'move',
      'Short',
      IDS[0] ?? '',
      '--to',
      '1',
      '--after',
      IDS[1] ?? '',
    )
    expect(two).toMatchObject({ code: 2 })
    expect(two.stderr).toMatch(/give one of --before <paper>, --after <paper> or --to <n>/)
    const outside = await run('lists', 'move', 'Short', IDS[0] ?? '', '--before', IDS[3] ?? '')
    expect(outside.code).toBe(1)
    expect(outside.stderr).toMatch(/is not in the list “Short”/)
    const noList = await run('lists', 'add', 'Missing', IDS[0] ?? '')
    expect(noList.stderr).toMatch(/No list is named "Missing"/)
    const noListSort = await run('list', '--sort', 'list')
    expect(noListSort.code).toBe(2)
    expect(noListSort.stderr).toMatch(/--sort list orders a --list/)
  })
})
