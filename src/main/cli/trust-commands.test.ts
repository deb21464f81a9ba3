import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { snapshotLibrary, withLibraryDb } from '../../../test/helpers/db-snapshot'
import { fixturePath, HF_PAGE_COPY } from '../../../test/helpers/fixtures'
import { damagePages } from '../../../test/helpers/library-builders'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { DATABASE_FILE } from '../core/create-core'
import { runCliCaptured } from '../../../test/helpers/run-cli-captured'

const cli = runCliCaptured

describe('cli/trust-commands', () => {
  const tempDir = useTempDir()

  it('backs up, lists the snapshots and restores one, keeping the replaced library', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY), '--tag', 'hf'])
    const before = snapshotLibrary(lib)
    const backup = await cli(lib, ['backup', '--json'])
    expect(backup.code).toBe(0)
    const { file } = JSON.parse(backup.stdout) as { file: string }
    await cli(lib, ['tag', '1', 'later'])
    const listed = await cli(lib, ['backups'])
    expect(listed.stdout).toContain(file)
    const restored = await cli(lib, ['restore', file])
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(
      /^Restored .*: 12 papers \(schema \d+\)\.\nThe library as it was is kept in .*pre-restore\.sqlite\.\n$/,
    )
    expect(snapshotLibrary(lib)).toEqual(before)
  })

  it('writes a backup to a chosen file', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY)])
    const { code, stdout } = await cli(lib, ['backup', '--to', 'copy.sqlite'])
    expect(code).toBe(0)
    expect(stdout).toContain(join(lib, 'copy.sqlite'))
    const again = tempDir()
    expect((await cli(again, ['restore', join(lib, 'copy.sqlite')])).code).toBe(0)
    expect(snapshotLibrary(again)).toEqual(snapshotLibrary(lib))
  })

  it('restores a damaged library that no longer opens, and refuses a file that is not a library', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath('zotero/bbt-460_arxiv-identifiers.bibtex')])
    const { stdout } = await cli(lib, ['backup', '--json'])
    const { file } = JSON.parse(stdout) as { file: string }
    const before = snapshotLibrary(lib)
    damagePages(join(lib, DATABASE_FILE))
    const broken = await cli(lib, ['list'])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain(`is damaged`)
    expect(broken.stderr).toContain(`papershelf restore "${file}"`)
    const refused = await cli(lib, ['restore', fixturePath(HF_PAGE_COPY)])
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is not a Papershelf library/) as unknown,
    })
    const restored = await cli(lib, ['restore', file])
    expect(restored.stdout).toMatch(
      /The damaged library file is kept as .*library\.sqlite\.damaged-/,
    )
    expect(snapshotLibrary(lib)).toEqual(before)
    expect((await cli(lib, ['list'])).code).toBe(0)
  })

  it('exports the library as JSON and imports it into an empty library as it was', async () => {
    const lib = tempDir()
    await cli(lib, ['import', fixturePath(HF_PAGE_COPY), '--tag', 'hf'])
    await cli(lib, ['note', '1', 'a note <script>alert(1)</script>'])
    await cli(lib, ['status', '2', 'read'])
    expect((await cli(lib, ['export', '--format', 'json', '--to', 'library.json'])).code).toBe(0)
    const text = readFileSync(join(lib, 'library.json'), 'utf8')
    const other = tempDir()
    const imported = await cli(other, ['import', join(lib, 'library.json')])
    expect(imported.stdout).toMatch(
      /^Recreated the library from .*: 12 papers, 1 tags, 1 sources, 0 lists\.\n$/,
    )
    const exported = await cli(other, ['export', '--format', 'json'])
    const strip = (json: string) => ({
      ...(JSON.parse(json) as Record<string, unknown>),
      exportedAt: null,
    })
    expect(strip(exported.stdout)).toEqual(strip(text))
    expect(snapshotLibrary(other)).toEqual(snapshotLibrary(lib))
    withLibraryDb(other, (db) => expect(db.pragma('integrity_check', { simple: true })).toBe('ok'))
  })

  it('asks for --format json', async () => {
    const lib = tempDir()
    const { code, stderr } = await cli(lib, ['export'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/give --format json/)
  })
})
