import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeUnembeddedFontsPdf } from '../helpers/test-pdfs'

const LATIN = 'Plain Helvetica line'
const JAPANESE = 'こんにちは世界'

describe('e2e/reader styles and fonts', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let paperId: PaperId
  const messages: string[] = []
  const fontResponses: Array<{ url: string; status: number }> = []

  /** What the app's own sidebar looks like: the properties pdf.js's `.sidebar` rules set. */
  const sidebarLook = () =>
    page.locator('aside.sidebar').evaluate((el) => {
      const style = getComputedStyle(el)
      return {
        border: style.borderTopWidth + style.borderRightWidth,
        minWidth: style.minWidth,
        position: style.position,
        radius: style.borderTopLeftRadius,
        shadow: style.boxShadow,
        width: Math.round(el.getBoundingClientRect().width),
      }
    })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-reader-styles-'))
    server = await startTestServer(dataDir)
    paperId = (
      await server.api.importText({ text: '2401.00021\n', format: 'ids', sourceName: 'ids' })
    ).paperIds[0] as PaperId
    const pdf = await makeUnembeddedFontsPdf(LATIN, JAPANESE)
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(pdf).toString('base64'),
      name: 'fonts.pdf',
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`))
    page.on('response', (response) => {
      if (response.url().includes('/pdfjs/')) {
        fontResponses.push({ url: response.url(), status: response.status() })
      }
    })
    await page.goto(server.url)
    await page.locator(`[data-paper-id="${paperId}"]`).waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps pdf.js’s viewer styles inside the reader: the app’s sidebar looks the same after', async () => {
    const before = await sidebarLook()
    await page.locator(`[data-paper-id="${paperId}"]`).click()
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await expect
      .poll(() => page.locator('.pdfViewer .page canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
    expect(await sidebarLook()).toEqual(before)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('reader').count()).toBe(0)
    expect(await sidebarLook()).toEqual(before)
    // Narrowed, the sidebar still does not overlap the list.
    await page.setViewportSize({ width: 900, height: 700 })
    // the panes refit on the resize event: read them once they have
    const overlap = async () => {
      const sidebar = await page.locator('aside.sidebar').boundingBox()
      const list = await page.locator('main.list-pane').boundingBox()
      return sidebar && list ? sidebar.x + sidebar.width - list.x : 0
    }
    await expect.poll(overlap).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('renders text in fonts the PDF does not embed, Japanese included, from the app’s own data', async () => {
    await page.locator(`[data-paper-id="${paperId}"]`).click()
    await page.getByRole('button', { name: 'Read PDF' }).click()
    const textLayer = page.locator('.page[data-page-number="1"] .textLayer')
    await expect.poll(() => textLayer.textContent(), { timeout: 20_000 }).toContain(LATIN)
    await expect.poll(() => textLayer.textContent(), { timeout: 20_000 }).toContain(JAPANESE)
    expect(fontResponses.some((r) => r.url.includes('/pdfjs/cmaps/') && r.status === 200)).toBe(
      true,
    )
    expect(
      fontResponses.some((r) => r.url.includes('/pdfjs/standard_fonts/') && r.status === 200),
    ).toBe(true)
    expect(
      messages.filter((m) => /standardFontDataUrl|cMapUrl|CMap|fetchStandardFontData/.test(m)),
    ).toEqual([])
    await page.keyboard.press('Escape')
  })
})
