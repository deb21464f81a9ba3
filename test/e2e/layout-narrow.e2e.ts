import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HF_PAGE_COPY, readFixture } from '../helpers/fixtures'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'

/** Screenshots of every size and theme, before and after the reader, are left here to look at. */
const SHOTS = '/tmp/papershelf-layout'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
  { width: 800, height: 600 },
] as const

describe('e2e/layout fits the window', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let paperId: PaperId

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-layout-'))
    server = await startTestServer(dataDir)
    const report = await server.api.importText({
      text: readFixture(HF_PAGE_COPY),
      format: 'hf-page',
      sourceName: 'page',
    })
    paperId = report.paperIds[0] as PaperId
    const pdf = await makeTestPdf({ pages: 3, title: 'Layout', image: true })
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(pdf).toString('base64'),
      name: 'l.pdf',
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  /** Fails when the element's box leaves the window on the right (cut off by the hidden overflow). */
  const expectInside = async (page: Page, selector: string, width: number) => {
    const box = await page.locator(selector).first().boundingBox()
    expect(box, selector).not.toBeNull()
    if (box) expect(box.x + box.width, selector).toBeLessThanOrEqual(width + 0.5)
  }
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

  for (const size of SIZES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`at ${size.width}×${size.height} (${colorScheme}) nothing is cut off, before and in the reader`, async () => {
        const page = await browser.newPage({ viewport: size, colorScheme })
        try {
          await page.goto(server.url)
          const row = page.locator(`.paper-list [data-paper-id="${paperId}"]`)
          await row.waitFor({ timeout: 15_000 })
          await row.scrollIntoViewIfNeeded()
          await row.click()
          expect(await overflow(page)).toBeLessThanOrEqual(0)
          await expectInside(page, '.detail button[aria-label="Star"]', size.width)
          await expectInside(page, '.detail__abstract', size.width)
          await page.screenshot({ path: `${SHOTS}-${size.width}-${colorScheme}-library.png` })
          await page.getByRole('button', { name: 'Read PDF' }).click()
          await expect
            .poll(() => page.locator('.pdfViewer .page canvas').count(), { timeout: 20_000 })
            .toBeGreaterThan(0)
          await page.getByRole('button', { name: 'Fit width' }).click()
          await expect.poll(() => page.getByTestId('zoom-label').textContent()).toBe('Fit width')
          expect(await overflow(page)).toBeLessThanOrEqual(0)
          await expectInside(page, 'button[aria-label="Back to the library (Esc)"]', size.width)
          await expectInside(page, '.pdfViewer .page', size.width)
          await page.screenshot({ path: `${SHOTS}-${size.width}-${colorScheme}-reader.png` })
          await page.keyboard.press('Escape')
          await expect.poll(() => page.getByTestId('reader').count()).toBe(0)
        } finally {
          await page.close()
        }
      })
    }
  }

  it('folds the sidebar into a drawer at 800 px, opened and closed by keyboard and mouse', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } })
    try {
      await page.goto(server.url)
      await page.locator(`.paper-list [data-paper-id="${paperId}"]`).waitFor({ timeout: 15_000 })
      const toggle = page.getByRole('button', { name: 'Library sidebar' })
      const sidebar = page.getByRole('complementary', { name: 'Library' })
      expect(await sidebar.isVisible()).toBe(false)
      await toggle.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => sidebar.isVisible()).toBe(true)
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      await expectInside(page, 'aside.sidebar', 800)
      await toggle.click()
      await expect.poll(() => sidebar.isVisible()).toBe(false)
      await toggle.click()
      await sidebar
        .getByRole('button', { name: /Starred/ })
        .first()
        .click()
      await expect.poll(() => sidebar.isVisible()).toBe(false)
      await expect.poll(() => page.locator('.list-header').textContent()).toMatch(/Starred/)
      await page.setViewportSize({ width: 1280, height: 800 })
      await expect.poll(() => sidebar.isVisible()).toBe(true)
      expect(await toggle.count()).toBe(0)
    } finally {
      await page.close()
    }
  })
})
