import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'
import { selectText } from '../helpers/select-text'

const PHRASE = 'quasiperiodic lattice renormalization'
const COMMENT = 'Why periodic boundaries here?'
const TITLE = 'arXiv:2401.00001'
const SECOND = 'A remark only the first version makes.'

describe('e2e/annotations', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let paperId: PaperId
  const errors: string[] = []

  const panel = () => page.getByRole('complementary', { name: 'Annotations' })
  const items = () => panel().getByTestId('annotation-list').locator('li')
  const pageField = () => page.getByRole('textbox', { name: 'Page number' })
  const focusedIs = (selector: string) =>
    page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
  const marks = (n: number) => page.locator(`.page[data-page-number="${n}"] .ps-annot`)
  const openReader = async () => {
    await page.getByRole('option', { name: TITLE }).click()
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await expect
      .poll(() => page.locator('.pdfViewer .page canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
  }
  const goToPage = async (n: number) => {
    await pageField().fill(String(n))
    await pageField().press('Enter')
    await expect.poll(() => pageField().inputValue()).toBe(String(n))
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-annotations-e2e-'))
    server = await startTestServer(dataDir)
    paperId = (
      await server.api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' })
    ).paperIds[0] as PaperId
    const pdf = await makeTestPdf({
      pages: 6,
      title: 'Annotation test paper',
      pageText: { 2: [`We study ${PHRASE} near the edge.`, SECOND] },
    })
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(pdf).toString('base64'),
      name: 'pen.pdf',
      waitForText: true,
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('console', (message) => {
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
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('highlights a selected phrase on page 2 with the Highlight button and lists it', async () => {
    await openReader()
    await goToPage(2)
    await selectText(page, 2, PHRASE)
    await page.getByRole('button', { name: 'Highlight', exact: true }).click()
    await expect.poll(() => items().count()).toBe(1)
    expect(await items().first().textContent()).toContain(PHRASE)
    await expect.poll(() => marks(2).count()).toBe(1)
    // Focus goes back to the pages, where the reader was.
    await expect.poll(() => focusedIs('[data-testid="pdf-scroll"]')).toBe(true)
    const stored = (await server.api.listAnnotations({ paperId })).annotations
    expect(stored).toMatchObject([{ kind: 'highlight', page: 2, quote: PHRASE, color: 'yellow' }])
  })

  it('comments the highlight; focus returns to the pages after saving', async () => {
    const comment = panel().getByRole('textbox', { name: 'Comment' })
    await comment.fill(COMMENT)
    await panel().getByRole('button', { name: 'Save comment' }).click()
    await expect
      .poll(async () => (await server.api.listAnnotations({ paperId })).annotations[0]?.comment)
      .toBe(COMMENT)
    await expect.poll(() => focusedIs('[data-testid="pdf-scroll"]')).toBe(true)
  })

  it('draws the highlight at the same place after a reload, and lists it', async () => {
    const before = await marks(2)
      .first()
      .evaluate((el) => (el as HTMLElement).style.cssText)
    await page.reload()
    await page.getByRole('option', { name: TITLE }).waitFor({ timeout: 15_000 })
    await openReader()
    await expect.poll(() => pageField().inputValue()).toBe('2')
    await expect.poll(() => marks(2).count(), { timeout: 20_000 }).toBe(1)
    expect(
      await marks(2)
        .first()
        .evaluate((el) => (el as HTMLElement).style.cssText),
    ).toBe(before)
    await expect.poll(() => items().count()).toBe(1)
    expect(await items().first().textContent()).toContain(COMMENT)
    // Zoom keeps it on the words: the mark covers the phrase's text run.
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => marks(2).count(), { timeout: 20_000 }).toBe(1)
    const overlap = await page.evaluate((phrase) => {
      const mark = document
        .querySelector('.page[data-page-number="2"] .ps-annot')
        ?.getBoundingClientRect()
      const span = [
        ...document.querySelectorAll('.page[data-page-number="2"] .textLayer span'),
      ].find((s) => s.textContent?.includes(phrase))
      const text = span?.getBoundingClientRect()
      if (!mark || !text) return 0
      return (
        Math.max(0, Math.min(mark.bottom, text.bottom) - Math.max(mark.top, text.top)) / text.height
      )
    }, PHRASE)
    expect(overlap).toBeGreaterThan(0.6)
  })

  it('takes H to highlight and ] / [ to go between annotations, by keyboard', async () => {
    await selectText(page, 2, SECOND)
    await page.getByTestId('pdf-scroll').focus()
    await page.keyboard.press('h')
    await expect.poll(() => items().count()).toBe(2)
    // Page order: the phrase is above line 3 on page 2.
    expect(await items().nth(1).textContent()).toContain(SECOND)
    const active = () => panel().locator('[aria-current="true"]').textContent()
    await expect.poll(active).toContain(SECOND)
    await page.getByTestId('pdf-scroll').focus()
    await page.keyboard.press(']')
    await expect.poll(active).toContain(PHRASE)
    await page.keyboard.press('[')
    await expect.poll(active).toContain(SECOND)
  })

  it('filters the panel and the pages by colour', async () => {
    await panel().getByRole('checkbox', { name: 'Important' }).click()
    await expect.poll(() => items().count()).toBe(0)
    await expect.poll(() => marks(2).count()).toBe(0)
    await panel().getByRole('checkbox', { name: 'Important' }).press('Space')
    await expect.poll(() => items().count()).toBe(2)
    await expect.poll(() => marks(2).count()).toBe(2)
  })

  it('exports the Markdown with the quote, page and comment', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel().getByRole('button', { name: 'Export Markdown' }).click(),
    ])
    const markdown = readFileSync((await download.path()) ?? '', 'utf8')
    expect(markdown).toContain(`> ${PHRASE}`)
    expect(markdown).toContain('p. 2')
    expect(markdown).toContain(COMMENT)
  })

  it('finds the paper by a word of the comment and opens the reader at the annotation', async () => {
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await page.getByTestId('reader').waitFor({ state: 'detached' })
    const searchBox = page.getByRole('searchbox', { name: 'Search library' })
    await searchBox.fill('annotation:boundaries')
    const row = page.getByRole('option', { name: TITLE })
    await expect
      .poll(() => row.getByTestId('search-snippet').textContent(), { timeout: 15_000 })
      .toContain('p. 2')
    // Leave the reader on another page, so opening the hit must move it.
    await server.api.setReadingPosition({ id: paperId, page: 5, zoom: 'auto' })
    await searchBox.press('Enter')
    await page.keyboard.press('Enter')
    await page.getByTestId('reader').waitFor({ timeout: 20_000 })
    await expect.poll(() => pageField().inputValue(), { timeout: 20_000 }).toBe('2')
    await expect
      .poll(() => panel().locator('[aria-current="true"]').textContent(), { timeout: 20_000 })
      .toContain(PHRASE)
    expect(errors).toEqual([])
  })

  it('keeps the annotations on a new version of the PDF and lists the one it cannot place', async () => {
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    const pdf = await makeTestPdf({
      pages: 6,
      title: 'Annotation test paper v2',
      pageText: { 4: [`We study ${PHRASE} near the edge.`] },
    })
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(pdf).toString('base64'),
      name: 'pen-v2.pdf',
      waitForText: true,
    })
    await page.setViewportSize({ width: 900, height: 700 })
    await openReader()
    await goToPage(4)
    // The phrase moved to page 4: found by its text and drawn there.
    await expect.poll(() => marks(4).count(), { timeout: 20_000 }).toBe(1)
    // The second version no longer prints the remark: that highlight cannot be placed.
    const lost = panel().getByRole('region', { name: 'Not found in this version' })
    await expect.poll(() => lost.textContent()).toContain(SECOND)
    expect(await page.getByRole('button', { name: 'Highlight', exact: true }).isVisible()).toBe(
      true,
    )
    const stored = (await server.api.listAnnotations({ paperId })).annotations
    expect(stored.find((a) => a.quote === PHRASE)).toMatchObject({ page: 4, anchor: 'placed' })
    await expect
      .poll(
        async () =>
          (await server.api.listAnnotations({ paperId })).annotations.find(
            (a) => a.quote === PHRASE,
          )?.rects.length,
      )
      .toBe(1)
    expect(errors).toEqual([])
  })
})
