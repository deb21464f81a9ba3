import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-http-server'
import { HF_PAGE_COPY, readFixture } from '../helpers/fixtures'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'
import { hfSearchAnswer } from '../helpers/hf-search-answer'

describe.each([
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
])('e2e/library details at $width×$height', (viewport) => {
  let dataDir: string
  let server: TestServer
  let arxiv: FixtureServer
  let browser: Browser
  let page: Page
  let pagePapers: PaperId[]
  let arxivPaper: PaperId
  let lookUpTitle = ''

  const row = (id: PaperId) => page.locator(`.paper-list [data-paper-id="${id}"]`)
  const tagBox = () => page.getByRole('combobox', { name: 'Add tag' })
  const tagsOf = async (id: PaperId) => (await server.api.getPaper({ id })).tags
  const select = async (id: PaperId) => {
    await row(id).scrollIntoViewIfNeeded()
    await row(id).click()
    await expect
      .poll(() => page.locator('.paper-list__item.is-focused').getAttribute('data-paper-id'))
      .toBe(String(id))
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-details-'))
    const pdf = Buffer.from(await makeTestPdf({ pages: 2, title: 'Fetched' }))
    arxiv = await startFixtureServer({
      'GET /pdf/2401.00031': { headers: { 'content-type': 'application/pdf' }, body: pdf },
      // Hugging Face's paper search knows one title of the copied page, by another capitalisation.
      'GET /api/papers/search': (req) => {
        const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? ''
        const found = q === lookUpTitle ? [{ id: '2505.10005', title: q.toUpperCase() }] : []
        return { headers: { 'content-type': 'application/json' }, body: hfSearchAnswer(found) }
      },
    })
    server = await startTestServer(dataDir, {
      baseUrls: { arxiv: arxiv.url, huggingFace: arxiv.url, arxivApi: arxiv.url },
    })
    pagePapers = (
      await server.api.importText({
        text: readFixture(HF_PAGE_COPY),
        format: 'hf-page',
        sourceName: 'page',
      })
    ).paperIds as PaperId[]
    lookUpTitle = (await server.api.getPaper({ id: pagePapers[5] as PaperId })).title ?? ''
    arxivPaper = (
      await server.api.importText({ text: '2401.00031\n', format: 'ids', sourceName: 'ids' })
    ).paperIds[0] as PaperId
    // "diffusion" is in use; "diff-old" was left on no paper.
    await server.api.tagPapers({ ids: [pagePapers[1] as PaperId], tags: ['diffusion'] })
    await server.api.tagPapers({ ids: [pagePapers[2] as PaperId], tags: ['diff-old'] })
    await server.api.untagPapers({ ids: [pagePapers[2] as PaperId], tags: ['diff-old'] })
    browser = await launchChromium()
    page = await browser.newPage({ viewport })
    await page.goto(server.url)
    await row(arxivPaper).waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await arxiv?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('adds the highlighted tag on Enter, creates typed text only from its own option', async () => {
    const id = pagePapers[0] as PaperId
    await select(id)
    await page.keyboard.press('t')
    await expect.poll(() => tagBox().evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('diff')
    const options = page.getByRole('listbox', { name: 'Matching tags' }).getByRole('option')
    await expect.poll(() => options.allTextContents()).toEqual(['diffusion', 'Create “diff”'])
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => tagsOf(id)).toEqual(['diffusion'])
    await page.keyboard.type('fresh')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => tagsOf(id)).toEqual(['diffusion', 'fresh'])
    await page.keyboard.press('Escape')
  })

  it('looks a title-only paper up from the detail pane and keeps focus in the pane', async () => {
    const id = pagePapers[5] as PaperId
    await select(id)
    await expect.poll(() => page.locator('.detail__title').textContent()).toBe(lookUpTitle)
    await page.getByRole('button', { name: 'Look up on arXiv' }).click()
    await expect
      .poll(() => page.locator('.toast').last().textContent())
      .toMatch(/Found arXiv:2505\.10005/)
    await expect.poll(async () => (await server.api.getPaper({ id })).arxivId).toBe('2505.10005')
    await expect
      .poll(() => page.locator('.detail__facts').textContent())
      .toContain('arXiv:2505.10005')
    expect(await page.getByRole('button', { name: 'Look up on arXiv' }).count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('detail__scroll')
  })

  it('opens another paper’s details at the top', async () => {
    const [first, second] = pagePapers as [PaperId, PaperId]
    await select(first)
    const scroller = page.locator('.detail__scroll')
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
    await select(second)
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0)
  })

  it('shows one notice for quick edits instead of a stack over the abstract', async () => {
    await select(pagePapers[3] as PaperId)
    await page.locator('.paper-list').focus()
    for (const key of ['s', 'r', 's', 'r']) await page.keyboard.press(key)
    await expect
      .poll(() => server.api.getPaper({ id: pagePapers[3] as PaperId }).then((p) => p.status))
      .toBe('read')
    await page.waitForTimeout(300)
    expect(await page.locator('.toast').count()).toBeLessThanOrEqual(1)
  })

  it('ranks "Sort by date published" first for "sort pub" in the palette', async () => {
    await page.keyboard.press('Control+Shift+P')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await palette.getByRole('combobox', { name: 'Command' }).fill('sort pub')
    await expect
      .poll(() => palette.getByRole('option').first().textContent())
      .toMatch(/Sort by date published/)
    await page.keyboard.press('Enter')
    await expect.poll(() => palette.count()).toBe(0)
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Sort by' }).inputValue())
      .toBe('published')
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('added')
  })

  it('settles the downloads panel when every job is done, with the storage line current', async () => {
    await select(arxivPaper)
    const storage = page.getByTestId('storage-summary')
    await expect.poll(() => storage.textContent()).toMatch(/PDFs: 0 B in 0 files|PDF storage/)
    await page
      .getByTestId('detail-pane')
      .getByRole('button', { name: 'Make available offline' })
      .click()
    await expect
      // The PDF thread checks the file first; its first start is slow on a busy machine.
      .poll(async () => (await server.api.pdfUrl({ id: arxivPaper })) !== null, { timeout: 45_000 })
      .toBe(true)
    const panel = page.getByTestId('downloads-panel')
    await expect
      .poll(() => panel.locator('.downloads__summary').textContent())
      .toMatch(/Downloads finished/)
    await panel.locator('.downloads__summary').click()
    expect(await panel.getByRole('button', { name: 'Cancel all' }).count()).toBe(0)
    await expect.poll(() => storage.textContent()).toMatch(/in 1 file$/)
    await panel.locator('.downloads__summary').click()
  })
})
