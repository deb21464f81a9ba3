import { readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { backupsDir, snapshotPath } from '../backup/snapshot-files'
import { isInsideFolder, pdfDir, pdfFilePath, pdfTempDir } from '../pdf/pdf-paths'
import { newTempFile } from '../pdf/pdf-store'

/** Names a server or a list could send: traversal, absolute paths, device names, separators. */
const hostileName = fc.oneof(
  fc.constantFrom(
    '../../x',
    '..\\..\\x',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\x',
    'CON',
    'NUL.pdf',
    'aux',
    'astro-ph/0601001',
    'quant-ph/0201082v1',
    '%2e%2e%2fetc',
    '..%252f..%252f',
    'a:b',
    '.',
    '..',
    '',
    ' ',
    'x\u0000.pdf',
    '\u202Efdp.exe',
    '..\u2215..\u2215x',
    `${'a'.repeat(300)}.pdf`,
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(fc.constantFrom('..', '.', '/', '\\', 'a', '%2f', ':', '\u0000'), { maxLength: 12 })
    .map((p) => p.join('')),
)

describe('durability/file-names', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('names a stored PDF only after a SHA-256 digest, inside the library', () => {
    const lib = '/library'
    fc.assert(
      fc.property(hostileName, (name) => {
        let path: string
        try {
          path = pdfFilePath(lib, name)
        } catch {
          return
        }
        expect(name).toMatch(/^[0-9a-f]{64}$/)
        expect(dirname(path)).toBe(pdfDir(lib))
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (sha) => {
        const path = pdfFilePath(lib, sha)
        expect(basename(path)).toBe(`${sha}.pdf`)
        expect(isInsideFolder(pdfDir(lib), path)).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  it('keeps temporary download files in the partial folder whatever the label', async () => {
    const lib = tempDir()
    await fc.assert(
      fc.asyncProperty(hostileName, async (label) => {
        const path = await newTempFile(lib, label)
        expect(dirname(path)).toBe(pdfTempDir(lib))
        expect(basename(path)).toMatch(/^[A-Za-z0-9_-]{0,40}-[0-9a-f]{12}\.part$/)
      }),
      { numRuns: 300 },
    )
  })

  it('tells inside from outside the way the custom protocol needs', () => {
    const folder = '/library/pdfs'
    for (const outside of [
      '/library/pdfs',
      '/library/pdfs/../x',
      '/library/pdfsx/a',
      '/etc/passwd',
      '/library/pdfs/../../etc',
    ]) {
      expect(isInsideFolder(folder, outside), outside).toBe(false)
    }
    expect(isInsideFolder(folder, '/library/pdfs/a.pdf')).toBe(true)
    fc.assert(
      fc.property(hostileName, (name) => {
        const file = join(folder, name)
        expect(isInsideFolder(folder, file)).toBe(
          !file.startsWith('/library/pdfs/..') &&
            file.startsWith('/library/pdfs/') &&
            file !== '/library/pdfs/',
        )
      }),
      { numRuns: 500 },
    )
  })

  it('names snapshots after the time and a fixed reason, inside the backups folder', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          const path = snapshotPath('/library', date, 'manual')
          expect(dirname(path)).toBe(backupsDir('/library'))
          expect(basename(path)).toMatch(/^library-[0-9T-]+Z-manual\.sqlite$/)
        },
      ),
    )
  })

  it('imports old-style arXiv ids with "/" without creating any file from them', async () => {
    const lib = tempDir()
    const { api } = openCore(lib)
    const before = readdirSync(lib, { recursive: true }).map(String).sort()
    const report = await api.importText({
      text: 'astro-ph/0601001\nquant-ph/0201082v1\narXiv:hep-th/9901001',
      sourceName: 'old-ids.txt',
    })
    expect(report.added).toBe(3)
    const after = readdirSync(lib, { recursive: true }).map(String).sort()
    expect(after).toEqual(before)
    expect((await api.findPaper({ ref: 'astro-ph/0601001' }))?.arxivId).toBe('astro-ph/0601001')
  })
})
