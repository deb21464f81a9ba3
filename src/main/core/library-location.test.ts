import { describe, expect, it } from 'vitest'
import { resolveLibraryDir, type LocationInputs } from './library-location'

const base: LocationInputs = { env: {}, platform: 'linux', homedir: '/home/ada', cwd: '/work' }

describe('library-location', () => {
  it("uses Electron's user-data folder for Papershelf on each platform", () => {
    expect(resolveLibraryDir(base)).toBe('/home/ada/.config/Papershelf')
    expect(resolveLibraryDir({ ...base, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe('/xdg/Papershelf')
    expect(resolveLibraryDir({ ...base, platform: 'darwin' })).toBe(
      '/home/ada/Library/Application Support/Papershelf',
    )
    expect(
      resolveLibraryDir({
        ...base,
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
      }),
    ).toMatch(/^C:\\Users\\ada\\AppData\\Roaming[\\/]Papershelf$/)
  })

  it('prefers --library over PAPERSHELF_HOME over the default, resolving relative paths', () => {
    const env = { PAPERSHELF_HOME: '/srv/papers' }
    expect(resolveLibraryDir({ ...base, env })).toBe('/srv/papers')
    expect(resolveLibraryDir({ ...base, env, libraryFlag: 'lib' })).toBe('/work/lib')
  })
})
