import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-http-server'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'

const SCREENSHOT = '/tmp/papershelf-reader.png'
const PHRASE = 'quasiperiodic lattice renormalization'
const TITLE = 'arXiv:2401.00001'

describe('e2e/reader', () => {
  let dataDir: string
  let server: TestServer
  let trap: FixtureServer
  let browser: Browser
  let page: Page
  let paperId: PaperId
  const errors: string[] = []

  const reader = () => page.getByTestId('reader')
  const pageField = () => page.getByRole('textbox', { name: 'Page number' })

  /** Opens the paper's PDF from the library: select its row, then "Read PDF". */
  const openReader = async () => {
    await page.getByRole('option', { name: TITLE }).click()
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await expect
      .poll(() => page.locator('.pdfViewer .page canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
  }
  /** Non-white pixels on the first rendered page canvas. */
  const inkOnFirstCanvas = () =>
    page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.pdfViewer .page canvas')
      if (!canvas || canvas.width === 0) return 0
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data
      let ink = 0
      for (let i = 0; data && i < data.length; i += 4) if ((data[i] ?? 255) < 200) ink += 1
      return ink
    })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-reader-e2e-'))
    trap = await startFixtureServer({})
    server = await startTestServer(dataDir)
    paperId = (
      await server.api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' })
    ).paperIds[0] as PaperId
    const pdf = await makeTestPdf({
      pages: 30,
      title: 'Reader test paper',
      outline: true,
      image: true,
      links: { externalUrl: 'https://example.org/project' },
      pageText: { 7: [`We study ${PHRASE} near the edge.`] },
      // If scripting ran, the page would call the trap server.
      javascript: `app.launchURL('${trap.url}/pwned', true); this.getURL('${trap.url}/pwned2');`,
    })
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(pdf).toString('base64'),
      name: 'reader-test.pdf',
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('console', (message) => {
      // pdf.js logs this itself when a zoom cancels a page's annotation layer before its
      // auto-links are added; the page renders again at the new scale and gets them then.
      const cancelledAutoLinks = /^#injectLinkAnnotations: Error: `render` method must be called/
      if (message.type() === 'error' && !cancelledAutoLinks.test(message.text())) {
        errors.push(message.text())
      }
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.url)
    await page.getByRole('option', { name: TITLE }).waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await trap?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('renders the first page with ink on the canvas and text to select', async () => {
    await openReader()
    await expect.poll(inkOnFirstCanvas, { timeout: 20_000 }).toBeGreaterThan(500)
    await expect
      .poll(() => page.locator('.page[data-page-number="1"] .textLayer span').count())
      .toBeGreaterThan(10)
    expect(await page.getByTestId('page-count').textContent()).toBe('of 30')
  })

  it('marks the opened paper as reading', async () => {
    await expect
      .poll(async () => (await server.api.getPaper({ id: paperId })).status)
      .toBe('reading')
  })

  it('finds text in the document and highlights the hit', async () => {
    await page.getByTestId('pdf-scroll').click()
    await page.keyboard.press('Control+f')
    const find = page.getByRole('searchbox', { name: 'Find in document' })
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true)
    await find.fill(PHRASE)
    await expect
      .poll(() => page.getByTestId('find-status').textContent(), { timeout: 15_000 })
      .toBe('1 of 1')
    await expect.poll(() => pageField().inputValue()).toBe('7')
    await expect
      .poll(() => page.locator('.page[data-page-number="7"] .textLayer .highlight').count())
      .toBeGreaterThan(0)
    await find.press('Escape')
    await expect.poll(() => find.count()).toBe(0)
  })

  it('shows the outline and jumps to an entry', async () => {
    await page.getByRole('button', { name: 'Contents' }).click()
    await page
      .getByRole('navigation', { name: 'Table of contents' })
      .getByRole('button', { name: 'Section 21' })
      .click()
    await expect.poll(() => pageField().inputValue()).toBe('21')
    await page.getByRole('button', { name: 'Contents' }).click()
  })

  it('goes to a typed page, and reopening resumes there', async () => {
    await pageField().fill('17')
    await pageField().press('Enter')
    await expect.poll(() => pageField().inputValue()).toBe('17')
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await expect.poll(() => reader().count()).toBe(0)
    await expect
      .poll(async () => (await server.api.pdfUrl({ id: paperId }))?.position?.page)
      .toBe(17)
    await openReader()
    await expect.poll(() => pageField().inputValue()).toBe('17')
  })

  it('zooms with the keyboard and the toolbar', async () => {
    await page.getByRole('button', { name: 'Fit page' }).click()
    await expect.poll(() => page.getByTestId('zoom-label').textContent()).toBe('Fit page')
    await page.getByTestId('pdf-scroll').focus()
    await page.keyboard.press('+')
    await expect.poll(() => page.getByTestId('zoom-label').textContent()).toMatch(/^\d+%$/)
    await page.getByRole('button', { name: 'Fit width' }).click()
  })

  it('hands external links to the browser, never navigating the app', async () => {
    await pageField().fill('1')
    await pageField().press('Enter')
    const link = page.locator(
      '.page[data-page-number="1"] .annotationLayer a[title="https://example.org/project"]',
    )
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1)
    // No network here: answer the outside address locally so the popup shows where it went.
    await page
      .context()
      .route('https://example.org/**', (route) => route.fulfill({ body: 'outside' }))
    const popup = page.waitForEvent('popup')
    await link.click()
    expect((await popup).url()).toBe('https://example.org/project')
    expect(page.url()).toBe(`${server.origin}/`)
  })

  it('toggles dark pages that keep pictures in colour, and leaves a screenshot', async () => {
    await page.getByRole('button', { name: 'Dark', exact: true }).click()
    await expect.poll(() => page.locator('.pdf-viewer--dark').count()).toBe(1)
    const filter = await page
      .locator('.pdfViewer .page canvas')
      .first()
      .evaluate((el) => getComputedStyle(el).filter)
    expect(filter).toContain('invert(1)')
    // The picture is shown from an unfiltered copy: its corner keeps the PDF's own blue.
    const picture = page.locator('.page[data-page-number="1"] .pdf-picture')
    await expect.poll(() => picture.count()).toBe(1)
    const corner = await picture.evaluate((el) => {
      const canvas = el as HTMLCanvasElement
      return [...(canvas.getContext('2d')?.getImageData(2, 2, 1, 1).data ?? [])]
    })
    expect(corner[2]).toBeGreaterThan(150)
    expect(corner[0]).toBeLessThan(60)
    expect(await picture.evaluate((el) => getComputedStyle(el).display)).toBe('block')
    await page.screenshot({ path: SCREENSHOT })
    await page.getByRole('button', { name: 'Dark', exact: true }).click()
    await expect.poll(() => page.locator('.pdf-viewer--dark').count()).toBe(0)
  })

  it('finds the paper by a phrase that appears only inside its PDF, and names its page', async () => {
    const hits = await server.api.searchPdfText({ query: PHRASE })
    expect(hits.map((h) => [h.paperId, h.page])).toEqual([[paperId, 7]])
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await page.getByRole('searchbox', { name: 'Search library' }).fill(PHRASE)
    const found = page.getByRole('option').filter({ hasText: TITLE })
    await expect.poll(() => found.count(), { timeout: 10_000 }).toBe(1)
    await page.screenshot({ path: '/tmp/papershelf-reader-search.png' })
    await page.getByRole('searchbox', { name: 'Search library' }).fill('')
  })

  it('never runs the PDF’s scripts, and logs no errors', () => {
    expect(trap.requests).toEqual([])
    expect(errors).toEqual([])
  })
})
