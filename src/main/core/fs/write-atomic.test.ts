import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { commitTempFile, commitTempFileAsync, tempPathFor } from './write-atomic'

describe('main/core/fs/write-atomic', () => {
  const tempDir = useTempDir()

  it('puts the temporary name beside the target, hidden', () => {
    const target = join('/lib', 'pdfs', 'a.pdf')
    const temp = tempPathFor(target)
    expect(temp.startsWith(join('/lib', 'pdfs', '.a.pdf.'))).toBe(true)
    expect(temp.endsWith('.tmp')).toBe(true)
  })

  it.each([
    [
      'commitTempFile',
      (temp: string, target: string) => Promise.resolve(commitTempFile(temp, target)),
    ],
    ['commitTempFileAsync', commitTempFileAsync],
  ])('%s replaces the target with the whole temporary file', async (_name, commit) => {
    const dir = tempDir()
    const target = join(dir, 'file.bin')
    writeFileSync(target, 'old')
    const temp = tempPathFor(target)
    writeFileSync(temp, 'new contents')
    await commit(temp, target)
    expect(readFileSync(target, 'utf8')).toBe('new contents')
    expect(existsSync(temp)).toBe(false)
    expect(readdirSync(dir)).toEqual(['file.bin'])
  })

  it('fails on a missing temporary file and leaves the target alone', async () => {
    const dir = tempDir()
    const target = join(dir, 'file.bin')
    writeFileSync(target, 'old')
    await expect(commitTempFileAsync(join(dir, 'gone.tmp'), target)).rejects.toThrow(/ENOENT/)
    expect(() => commitTempFile(join(dir, 'gone.tmp'), target)).toThrow(/ENOENT/)
    expect(readFileSync(target, 'utf8')).toBe('old')
  })
})
