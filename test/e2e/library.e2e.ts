import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HF_PAGE_COPY, readFixture } from '../helpers/fixtures'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const SCREENSHOT = '/tmp/papershelf-e2e.png'
const HOSTILE_TITLE =
  'Robust <img src=x onerror="window.__xss=1"> parsing and <script>window.__xss=2</script> escapes'

/** One copied-page entry whose title is markup, as a hostile list could carry. */
const HOSTILE_ENTRY = [
  HOSTILE_TITLE,
  '',
  'A paper whose title tries to inject markup into the library screen.',
  '',
  '  • 2 authors',
  '·',
  'Jan 5',
  '',
].join('\n')

describe('e2e/library', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  const consoleErrors: string[] = []

  const rows = () => page.getByTestId('paper-row')
  const titles = () => page.locator('.paper-row__title').allTextContents()

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-e2e-'))
    server = await startTestServer(dataDir)
    await server.api.importText({
      text: readFixture(HF_PAGE_COPY),
      format: 'hf-page',
      sourceName: 'hf page',
      tags: ['to-read'],
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1100, height: 760 } })
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    await page.goto(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows the imported papers with their titles and the count', async () => {
    const { paperCount } = await server.api.libraryInfo({})
    await expect.poll(() => rows().count()).toBe(paperCount)
    expect(await titles()).toEqual(
      expect.arrayContaining([
        'TiDAR: Think in Diffusion, Talk in Autoregression',
        'ToTRL: Unlock LLM Tree-of-Thoughts Reasoning Potential through Puzzles Solving',
      ]),
    )
    expect(await page.getByTestId('paper-count').textContent()).toBe(`${paperCount} papers`)
  })

  it('removes the token from the address bar', () => {
    expect(page.url()).toBe(`${server.origin}/`)
  })

  it('narrows the list to what a search matches, and widens it again', async () => {
    const all = await rows().count()
    const search = page.getByRole('searchbox', { name: 'Search papers' })
    await search.fill('TiDAR')
    await expect.poll(titles).toEqual(['TiDAR: Think in Diffusion, Talk in Autoregression'])
    expect(await page.getByTestId('paper-count').textContent()).toBe(`1 of ${all} papers`)
    await search.fill('')
    await expect.poll(() => rows().count()).toBe(all)
  })

  it('shows a paper imported elsewhere without a reload', async () => {
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
    await server.api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'cli' })
    await expect.poll(titles).toContain('arXiv:2401.00001')
    const sameDocument = await page.evaluate(
      () => (window as { __sameDocument?: boolean }).__sameDocument,
    )
    expect(sameDocument).toBe(true)
  })

  it('renders markup in a title as text', async () => {
    await server.api.importText({ text: HOSTILE_ENTRY, format: 'hf-page', sourceName: 'hostile' })
    await expect.poll(titles).toContain(HOSTILE_TITLE)
    const injected = await page.evaluate(() => ({
      xss: (window as { __xss?: unknown }).__xss,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('#root script').length,
    }))
    expect(injected).toEqual({ xss: undefined, images: 0, scripts: 0 })
  })

  it('logs no console errors, and leaves a screenshot to look at', async () => {
    await page.screenshot({ path: SCREENSHOT })
    expect(consoleErrors).toEqual([])
  })
})
