import { describe, expect, it } from 'vitest'
import { libraryFlagFromArgv } from './launch-args'

describe('electron/launch-args', () => {
  it('reads --library DIR and --library=DIR', () => {
    expect(libraryFlagFromArgv(['/usr/bin/papershelf', '--library', '/data/lib'])).toBe('/data/lib')
    expect(libraryFlagFromArgv(['electron', '.', '--library=~/papers'])).toBe('~/papers')
  })

  it('takes the last of several flags', () => {
    expect(libraryFlagFromArgv(['app', '--library', 'a', '--library=b'])).toBe('b')
  })

  it('ignores a missing or empty value', () => {
    expect(libraryFlagFromArgv(['app'])).toBeUndefined()
    expect(libraryFlagFromArgv(['app', '--library'])).toBeUndefined()
    expect(libraryFlagFromArgv(['app', '--library', '--no-sandbox'])).toBeUndefined()
    expect(libraryFlagFromArgv(['app', '--library= '])).toBeUndefined()
  })
})
