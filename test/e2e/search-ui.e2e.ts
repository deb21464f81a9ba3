import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { HF_PAGE_COPY, readFixture } from '../helpers/fixtures'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'

const TIDAR = 'TiDAR: Think in Diffusion, Talk in Autoregression'
const ASG = 'ASGDiffusion: Parallel High-Resolution Generation with Asynchronous Structure Guidance'
const PHRASE = 'quasiperiodic lattice renormalization'
const PDF_PAGE = 7
const SCREENSHOT = '/tmp/papershelf-search-ui.png'

describe('e2e/search-ui', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  const errors: string[] = []

  const searchBox = () => page.getByRole('searchbox', { name: 'Search library' })
  const rows = () => page.getByRole('listbox', { name: 'Papers' }).getByRole('option')
  const search = async (query: string) => {
    await searchBox().fill(query)
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-search-ui-e2e-'))
    server = await startTestServer(dataDir)
    await server.api.importText({
      text: readFixture(HF_PAGE_COPY),
      format: 'hf-page',
      sourceName: 'Daily papers copy',
    })
    const tidar = (await server.api.searchLibrary({ query: '"think in diffusion"', limit: 5 }))
      .hits[0]
    if (!tidar || tidar.title !== TIDAR) throw new Error(`the fixture has no paper “${TIDAR}”`)
    const pdf = await makeTestPdf({
      pages: 12,
      title: 'Search test paper',
      pageText: { [PDF_PAGE]: [`We study ${PHRASE} near the edge.`] },
    })
    await server.api.attachPdf({
      id: tidar.id,
      data: Buffer.from(pdf).toString('base64'),
      name: 'search-test.pdf',
    })
    // The PDF text is indexed after the attach returns.
    await vi.waitFor(
      async () => {
        const hit = (await server.api.searchLibrary({ query: `"${PHRASE}"`, limit: 5 })).hits[0]
        if (hit?.snippet?.page !== PDF_PAGE) throw new Error('the PDF text is not indexed yet')
      },
      { timeout: 20_000, interval: 200 },
    )
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.url)
    await rows().first().waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows a warning under the field for an unknown operator', async () => {
    await search('frobnicate:x diffusion')
    const status = page.getByTestId('search-status')
    await expect.poll(() => status.textContent()).toContain('Unknown operator "frobnicate:"')
    await expect
      .poll(() => page.locator('.search-field__colors .query-token--unknown-operator').count())
      .toBe(1)
    await search('diffusion')
    await expect.poll(() => status.count()).toBe(0)
  })

  it('finds the intended paper for a typo and says what it searched', async () => {
    await search('asgdifusion')
    await expect.poll(() => rows().first().getAttribute('aria-label')).toContain(ASG)
    await expect
      .poll(() => page.getByTestId('search-status').textContent())
      .toContain('Showing results for')
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-typo.png') })
  })

  it('puts the paper whose one author has the full name first and names that author', async () => {
    const item = (title: string, authors: string[]) => ({
      type: 'article',
      title,
      author: authors.map((name) => {
        const [given, family] = name.split(' ')
        return { given, family }
      }),
    })
    await server.api.importText({
      text: JSON.stringify([
        // imported first: on equal scores the newer paper would come first
        item('Whole Name Paper', ['Lin Wu', 'Mei Chen', 'Tom Ford', 'Kenji Watanabe']),
        item('Spread Name Paper', ['Kenji Sato', 'Emi Watanabe', 'Ryo Ito', 'Aki Mori']),
      ]),
      format: 'csl-json',
      sourceName: 'names.json',
    })
    await searchBox().fill('')
    await page.locator('.paper-list').focus()
    await page.keyboard.press('/')
    await expect.poll(() => searchBox().evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('kenji watanabe')
    // Browsing lists the same paper first (same import, source order): wait for the search's row.
    await expect.poll(() => searchBox().inputValue()).toBe('kenji watanabe')
    const byline = rows().first().locator('.paper-row__byline')
    await expect.poll(() => byline.textContent()).toBe('Lin Wu, Mei Chen, … Kenji Watanabe +1')
    expect(await rows().first().getAttribute('aria-label')).toContain('Whole Name Paper')
    expect(await byline.locator('mark').textContent()).toBe('Kenji Watanabe')
    expect(await rows().nth(1).getAttribute('aria-label')).toContain('Spread Name Paper')
  })

  it('shows the PDF passage with its page under the row', async () => {
    await search(`"${PHRASE}"`)
    await expect.poll(() => rows().first().getAttribute('aria-label')).toContain(TIDAR)
    expect(await rows().count()).toBe(1)
    const snippet = rows().first().getByTestId('search-snippet')
    await expect.poll(() => snippet.textContent()).toContain(`p. ${PDF_PAGE}`)
    expect(await snippet.locator('mark').allTextContents()).not.toEqual([])
    await page.screenshot({ path: SCREENSHOT })
  })

  it('opens the reader at that page with the phrase highlighted on Enter', async () => {
    await searchBox().press('Enter')
    await page.keyboard.press('Enter')
    await page.getByTestId('reader').waitFor({ timeout: 20_000 })
    const pageField = page.getByRole('textbox', { name: 'Page number' })
    await expect.poll(() => pageField.inputValue(), { timeout: 20_000 }).toBe(String(PDF_PAGE))
    await expect
      .poll(
        () => page.locator(`.page[data-page-number="${PDF_PAGE}"] .textLayer .highlight`).count(),
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await rows().first().waitFor()
  })

  it('opens the reader at that page on a click on the snippet', async () => {
    await rows().first().getByTestId('search-snippet').click()
    const pageField = page.getByRole('textbox', { name: 'Page number' })
    await expect.poll(() => pageField.inputValue(), { timeout: 20_000 }).toBe(String(PDF_PAGE))
    expect(errors).toEqual([])
  })
})
