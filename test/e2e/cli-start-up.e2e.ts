import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/temp-dir'

const bin = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))

/** Libraries that cost a fresh process most of its start-up; a command loads them when it needs them. */
const HEAVY = [
  '@citation-js/',
  'citeproc',
  '@retorquere/bibtex-parser',
  'fast-xml-parser',
  'mdast-util-from-markdown',
  'micromark',
  'pdf-lib',
]

describe('the CLI starts without the libraries a command does not use', () => {
  const tempDir = useTempDir()

  /** Runs the built CLI with a module hook that records every module the process loads. */
  const loadedBy = (home: string, args: string[]): string[] => {
    const dir = tempDir()
    const log = join(dir, 'modules.log')
    writeFileSync(log, '')
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs'
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context)
  appendFileSync(${JSON.stringify(log)}, found.url + '\\n')
  return found
}
`,
    )
    const register = join(dir, 'register.mjs')
    writeFileSync(
      register,
      `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)})\n`,
    )
    const result = spawnSync(process.execPath, ['--import', register, bin, ...args], {
      env: { ...process.env, PAPERSHELF_HOME: home },
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    return readFileSync(log, 'utf8').split('\n').filter(Boolean)
  }
  const heavyIn = (modules: string[]) =>
    HEAVY.filter((name) => modules.some((url) => url.includes(`/node_modules/${name}`)))

  it('lists, shows, tags and searches with none of them, and loads each for its own command', () => {
    const home = tempDir()
    const ids = join(tempDir(), 'ids.txt')
    writeFileSync(ids, '2401.00001\n2401.00002\n')
    // An import parses: the parsers load.
    const importing = loadedBy(home, ['import', ids, '--format', 'ids'])
    expect(importing.some((url) => url.includes('/node_modules/better-sqlite3/'))).toBe(true)
    for (const args of [
      ['list'],
      ['show', '1'],
      ['tag', '1', 'queue'],
      ['search', 'x'],
      ['tags'],
    ]) {
      expect({ args, heavy: heavyIn(loadedBy(home, args)) }).toEqual({ args, heavy: [] })
    }
    expect(heavyIn(loadedBy(home, ['export', '--format', 'bibtex', '--tag', 'queue']))).toContain(
      '@citation-js/',
    )
  })
})
