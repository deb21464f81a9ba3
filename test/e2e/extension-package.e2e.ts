import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'

const OUT = fileURLToPath(new URL('../../out/', import.meta.url))

describe('the built extension package', () => {
  it('zips exactly the unpacked extension, manifest at the root, for Chromium and Firefox', () => {
    const manifest = JSON.parse(readFileSync(`${OUT}extension/manifest.json`, 'utf8')) as {
      manifest_version: number
      version: string
      background: { service_worker: string; scripts: string[] }
      browser_specific_settings: { gecko: { id: string } }
    }
    const zipped = unzipSync(readFileSync(`${OUT}papershelf-extension-${manifest.version}.zip`))
    const unpacked = readdirSync(`${OUT}extension`).sort()
    expect(Object.keys(zipped).sort()).toEqual(unpacked)
    for (const name of unpacked) {
      expect(Buffer.from(zipped[name] ?? []).equals(readFileSync(`${OUT}extension/${name}`))).toBe(
        true,
      )
    }
    expect(manifest.manifest_version).toBe(3)
    // One script serves as Chromium's service worker and Firefox's background script.
    expect(manifest.background.service_worker).toBe('background.js')
    expect(manifest.background.scripts).toEqual(['background.js'])
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/)
  })
})
