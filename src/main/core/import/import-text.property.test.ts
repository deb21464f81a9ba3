import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APP_ERROR_CODES, AppError } from '@shared/api/errors'
import { snapshotLibrary } from '../../../../test/helpers/db-snapshot'
import { HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'
import { seedLibrary } from '../../../../test/helpers/library-builders'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'

const RUNS = Number(process.env['PAPERSHELF_PROPERTY_RUNS'] ?? 150)
// A fixed seed keeps CI repeatable; PAPERSHELF_PROPERTY_SEED (and _RUNS) explore further.
const SEED = Number(process.env['PAPERSHELF_PROPERTY_SEED'] ?? 20261126)
const SAMPLES = [
  HF_PAGE_COPY,
  'zotero/bbt-460_arxiv-identifiers.bibtex',
  'zotero/zotero-translators_RIS-testcase-mixed-author-tags.ris',
  'zotero/bbt-pandoc-schomd.csl.json',
  'arxiv-rss/assembled-from-spec_rss2_math.OC.xml',
].map((file) => readFixture(file))

/** A real sample with a few random cuts, insertions and truncations. */
const mutatedSample = fc
  .tuple(
    fc.nat({ max: SAMPLES.length - 1 }),
    fc.array(
      fc.tuple(fc.nat(), fc.nat({ max: 300 }), fc.string({ unit: 'binary', maxLength: 20 })),
      { maxLength: 6 },
    ),
  )
  .map(([index, edits]) =>
    edits.reduce((text, [at, cut, insert]) => {
      const pos = text.length === 0 ? 0 : at % text.length
      return text.slice(0, pos) + insert + text.slice(pos + cut)
    }, SAMPLES[index] ?? ''),
  )

describe('import/import-text (property)', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('either imports or refuses with a clear error, and a refusal leaves the library unchanged', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await seedLibrary(api, 10)
    const mine = async () =>
      (await api.listPapers({ limit: 100 })).papers
        .filter((p) => p.note !== null || p.status !== 'unread' || p.starred)
        .map(({ id, note, status, starred }) => ({ id, note, status, starred }))
    const userFields = await mine()
    let refused = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutatedSample, fc.string({ unit: 'binary', maxLength: 500 })),
        async (text) => {
          const before = snapshotLibrary(dir)
          try {
            await api.importText({ text, sourceName: 'mutated.txt' })
          } catch (error) {
            refused += 1
            expect(error).toBeInstanceOf(AppError)
            expect(APP_ERROR_CODES).toContain((error as AppError).code)
            expect((error as AppError).code).not.toBe('internal')
            expect(snapshotLibrary(dir)).toEqual(before)
          }
          expect(await mine()).toEqual(userFields)
        },
      ),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    )
    expect(refused).toBeGreaterThan(0)
  }, 120_000)
})
