import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeFlateBombPdf, makeTestPdf } from '../../../../test/helpers/test-pdfs'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { assertContentWithin } from './pdf-content-budget'
import { extractPdfText, inspectPdf, type PdfFileLimits } from './pdf-text'
import { DEFAULT_PDF_BUDGET } from './pdf-worker-client'

const MB = 2 ** 20
const tooLarge = (message: RegExp): unknown =>
  expect.objectContaining({ code: 'too-large', message: expect.stringMatching(message) as unknown })
/**
 * The Tj operators of a text bomb of `bytes`: whole chunks of `BT /F1 9 Tf 20 700 Td (papershelf)
 * Tj ET\n` (41 bytes) just under a megabyte each, until `bytes` are written.
 */
const operatorsIn = (bytes: number) => {
  const lines = Math.floor(MB / 41)
  return Math.ceil(bytes / (lines * 41)) * lines
}

describe('pdf/per-file limits', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  const limits: PdfFileLimits = { ...DEFAULT_PDF_BUDGET }
  const unlimited = { decodedBytes: 2 ** 40, textOperators: 2 ** 40 }

  it('counts what the streams decode to, stopping at the limit, for drawing commands and zeros alike', async () => {
    for (const fill of ['text', 'zeros'] as const) {
      const bomb = await makeFlateBombPdf(24 * MB, fill)
      expect(bomb.length).toBeLessThan(MB)
      await expect(
        assertContentWithin(bomb, { ...unlimited, decodedBytes: 16 * MB }),
      ).rejects.toEqual(tooLarge(/decode to more than 16 MB/))
      await expect(
        assertContentWithin(bomb, { ...unlimited, decodedBytes: 32 * MB }),
      ).resolves.toBeUndefined()
    }
  })

  it('counts text-showing operators, compressed or not', async () => {
    const bomb = await makeFlateBombPdf(8 * MB, 'text')
    const count = operatorsIn(8 * MB)
    await expect(
      assertContentWithin(bomb, { ...unlimited, textOperators: count - 1 }),
    ).rejects.toEqual(tooLarge(new RegExp(`draws text more than ${count - 1} times`)))
    await expect(
      assertContentWithin(bomb, { ...unlimited, textOperators: count }),
    ).resolves.toBeUndefined()
    const zeros = await makeFlateBombPdf(8 * MB, 'zeros')
    await expect(
      assertContentWithin(zeros, { ...unlimited, textOperators: 0 }),
    ).resolves.toBeUndefined()
    const plain = Buffer.from(
      `%PDF-1.7\n4 0 obj\n<< /Length 99 >>\nstream\n${'BT (a) Tj [(b) 3 (c)] TJ ET\n'.repeat(50)}endstream\nendobj\n`,
    )
    await expect(assertContentWithin(plain, { ...unlimited, textOperators: 99 })).rejects.toEqual(
      tooLarge(/99 times/),
    )
    await expect(
      assertContentWithin(plain, { ...unlimited, textOperators: 100 }),
    ).resolves.toBeUndefined()
  })

  it('skips images (text extraction never decodes them) but counts a stream whose filter is given by reference', async () => {
    const bomb = (await makeFlateBombPdf(8 * MB, 'zeros')).toString('latin1')
    const image = Buffer.from(
      bomb.replace('<< /Length', '<< /Type /XObject /Subtype /Image /Length'),
      'latin1',
    )
    await expect(
      assertContentWithin(image, { ...unlimited, decodedBytes: MB }),
    ).resolves.toBeUndefined()
    const byReference = Buffer.from(bomb.replace('/Filter /FlateDecode', '/Filter 9 0 R'), 'latin1')
    await expect(
      assertContentWithin(byReference, { ...unlimited, decodedBytes: MB }),
    ).rejects.toEqual(tooLarge(/more than 1 MB/))
  })

  it('reads an ordinary PDF within the default limits; a PDF over a limit has no text, as a whole', async () => {
    const file = join(tempDir(), 'paper.pdf')
    writeFileSync(file, await makeTestPdf({ pages: 3, title: 'Ordinary' }))
    const text = await extractPdfText(file, limits)
    expect(text.pageCount).toBe(3)
    expect(text.pages[2]).toContain('Section 3: on page 3 of 3')
    expect((await inspectPdf(file, 1, limits)).firstPages[0]).toContain('Section 1')
    await expect(extractPdfText(file, { ...limits, pages: 2 })).rejects.toEqual(
      tooLarge(/has 3 pages, more than the 2/),
    )
    // 29 lines a page.
    await expect(extractPdfText(file, { ...limits, textOperators: 80 })).rejects.toEqual(
      tooLarge(/more than 80 times/),
    )
    await expect(inspectPdf(file, 2, { ...limits, textOperators: 80 })).rejects.toEqual(
      tooLarge(/more than 80/),
    )
    // Storing a file reads no text: its limits do not apply.
    expect(
      (await inspectPdf(file, 0, { ...limits, textOperators: 1, decodedBytes: 1 })).pageCount,
    ).toBe(3)
  })
})
