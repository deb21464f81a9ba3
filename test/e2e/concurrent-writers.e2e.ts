import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import type { PaperId } from '@shared/model/ids'
import { afterEach, describe, expect, it } from 'vitest'
import { arxivIdList } from '../helpers/library-builders'
import { createNodeHttpTransport } from '../helpers/node-http-client'
import { papershelf, startServe, type ServeProcess } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

/** A CSL-JSON file of `count` distinct papers (DOIs `10.5555/<prefix>.<n>`), with abstracts. */
function cslFile(path: string, prefix: string, count: number): void {
  const abstract = 'We study how long imports share a library with the edits of its user. '.repeat(
    6,
  )
  const items = Array.from({ length: count }, (_, n) => ({
    id: `${prefix}${n}`,
    type: 'article',
    title: `On ${prefix} writers, part ${n}`,
    author: [{ family: 'Writer', given: `N. ${n % 97}` }],
    DOI: `10.5555/${prefix}.${n}`,
    abstract,
  }))
  writeFileSync(path, JSON.stringify(items))
}

const LOCKED = /database is locked|SQLITE_BUSY/i

// Finding 2 of issue 12: a long CLI import starved every other writer. Each writer here is a
// process of its own, as the user would run them.
describe('writers never starve each other', { timeout: 240_000 }, () => {
  const tempDir = useTempDir()
  const servers: ServeProcess[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()))
  })

  const seeded = async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'ids.txt'), arxivIdList(20))
    expect(
      (await papershelf(['import', join(dir, 'ids.txt'), '--format', 'ids', '--library', dir]))
        .code,
    ).toBe(0)
    cslFile(join(dir, 'first.json'), 'first', 8_000)
    cslFile(join(dir, 'second.json'), 'second', 4_000)
    return dir
  }

  it('with serve running: two imports through it and edits from a tab and the CLI all land, none locked', async () => {
    const dir = await seeded()
    const server = await startServe(dir)
    servers.push(server)
    const api = createClient(createNodeHttpTransport(server.origin, server.token))
    const first = papershelf(['import', join(dir, 'first.json'), '--library', dir])
    const second = papershelf(['import', join(dir, 'second.json'), '--library', dir])
    let importing = true
    void Promise.allSettled([first, second]).then(() => (importing = false))
    const failures: string[] = []
    let edits = 0
    while (importing || edits < 10) {
      const id = ((edits % 20) + 1) as PaperId
      await api
        .setNote({ id, note: `tab edit ${edits}` })
        .catch((e: Error) => failures.push(e.message))
      if (edits % 5 === 0) {
        const noted = await papershelf(['note', String(id), `cli edit ${edits}`, '--library', dir])
        if (noted.code !== 0) failures.push(noted.stderr)
      }
      edits += 1
    }
    const results = await Promise.all([first, second])
    expect(results.map((r) => r.stderr)).toEqual(['', ''])
    expect(results.map((r) => r.code)).toEqual([0, 0])
    expect(failures).toEqual([])
    expect((await api.libraryInfo({})).paperCount).toBe(12_020)
    // The last edit of paper 1 is the one kept.
    const shown = await papershelf(['show', '1', '--json', '--library', dir])
    expect((JSON.parse(shown.stdout) as { note: string }).note).toMatch(/edit \d+$/)
  })

  it('without an owner: two CLI imports and CLI edits side by side, each opening the file, none locked', async () => {
    const dir = await seeded()
    const runs = [
      papershelf(['import', join(dir, 'first.json'), '--library', dir]),
      papershelf(['import', join(dir, 'second.json'), '--library', dir]),
      ...Array.from({ length: 6 }, (_, n) =>
        papershelf(['note', String(n + 1), `edit ${n}`, '--library', dir]),
      ),
    ]
    const results = await Promise.all(runs)
    for (const result of results) {
      expect(result.stderr).not.toMatch(LOCKED)
      expect(result).toMatchObject({ code: 0, stderr: '' })
    }
    const info = await papershelf(['info', '--json', '--library', dir])
    expect((JSON.parse(info.stdout) as { paperCount: number }).paperCount).toBe(12_020)
  })
})
