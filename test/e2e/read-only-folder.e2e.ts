import { spawnSync } from 'node:child_process'
import { chmodSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fixturePath, HF_PAGE_COPY } from '../helpers/fixtures'
import { PAPERSHELF_BIN, papershelf } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

// Root writes anywhere: the commands then run as `nobody`, for whom the folder is read-only.
const asRoot = process.getuid?.() === 0
const reader = asRoot ? { uid: 65534, gid: 65534 } : undefined
// `nobody` must reach the built CLI: a checkout under a private folder (mode 700) hides it.
const readerReachesCli =
  !reader ||
  spawnSync(
    process.execPath,
    ['-e', `require('fs').accessSync(${JSON.stringify(PAPERSHELF_BIN)})`],
    {
      ...reader,
    },
  ).status === 0

describe('a library in a folder that cannot be written', { timeout: 180_000 }, () => {
  const tempDir = useTempDir()
  const locked: string[] = []
  afterEach(() => {
    for (const dir of locked.splice(0)) chmodSync(dir, 0o755)
  })

  it.skipIf(!readerReachesCli)(
    'answers reading commands, and writing ones fail naming the folder and the cause',
    async () => {
      const parent = tempDir()
      chmodSync(parent, 0o755)
      const dir = join(parent, 'library')
      const imported = await papershelf(['import', fixturePath(HF_PAGE_COPY), '--library', dir])
      expect(imported.stderr).toBe('')
      for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644)
      chmodSync(dir, asRoot ? 0o755 : 0o555)
      locked.push(dir)
      const before = readdirSync(dir).sort()

      const listed = await papershelf(['list', '--json', '--library', dir], {}, reader)
      expect(listed.stderr).toBe('')
      expect(JSON.parse(listed.stdout)).toHaveLength(12)
      const info = await papershelf(['info', '--library', dir], {}, reader)
      expect(info).toMatchObject({ code: 0, stderr: '' })
      expect(info.stdout).toMatch(/Papers: +12/)
      const searched = await papershelf(['search', 'MPI', '--library', dir], {}, reader)
      expect(searched.stdout).toMatch(/MPIrigen/)

      const noted = await papershelf(['note', '1', 'hello', '--library', dir], {}, reader)
      expect(noted.code).toBe(1)
      expect(noted.stderr).toContain(`The library in ${dir} is open for reading only`)
      expect(noted.stderr).toMatch(/is not writable: (EACCES|EROFS|EPERM)/)
      const served = await papershelf(['serve', '--port', '0', '--library', dir], {}, reader)
      expect(served.code).toBe(1)
      expect(served.stderr).toContain(`The library folder ${dir} is not writable`)
      // Nothing was left behind in the folder.
      expect(readdirSync(dir).sort()).toEqual(before)
    },
  )
})
