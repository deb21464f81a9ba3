import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const

describe.each(VIEWPORTS)('e2e/reader keys at $width×$height', (viewport) => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let ids: PaperId[]

  const reader = () => page.getByTestId('reader')
  const pageField = () => page.getByRole('textbox', { name: 'Page number' })
  const row = (id: PaperId) => page.locator(`.paper-list [data-paper-id="${id}"]`)
  const focusedInReader = () =>
    page.evaluate(() =>
      Boolean(document.querySelector('[data-testid="reader"]')?.contains(document.activeElement)),
    )
  const focusedPaperRow = () =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.paperId ?? null)
  const starred = async (id: PaperId) => (await server.api.getPaper({ id })).starred
  const waitForPages = () =>
    expect
      .poll(() => page.locator('.pdfViewer .page canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0)

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-reader-keys-'))
    server = await startTestServer(dataDir)
    const report = await server.api.importText({
      text: '2401.00011\n2401.00012\n2401.00013\n',
      format: 'ids',
      sourceName: 'ids',
    })
    ids = report.paperIds as PaperId[]
    const [withPdf, reading, read] = ids as [PaperId, PaperId, PaperId]
    const pdf = await makeTestPdf({ pages: 6, title: 'Keys', pageText: { 4: ['diffusion'] } })
    await server.api.attachPdf({
      id: withPdf,
      data: Buffer.from(pdf).toString('base64'),
      name: 'k.pdf',
    })
    await server.api.setStatus({ ids: [reading], status: 'reading' })
    await server.api.setStatus({ ids: [read], status: 'read' })
    browser = await launchChromium()
    page = await browser.newPage({ viewport })
    await page.goto(server.url)
    await row(withPdf).waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('moves focus into the reader on Enter, which then owns the keys', async () => {
    const id = ids[0] as PaperId
    await row(id).click()
    // An earlier `t` asked the tag box for focus; that request must not fire again later.
    await page.keyboard.press('t')
    await expect
      .poll(() =>
        page
          .getByRole('combobox', { name: 'Add tag' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true)
    await page.keyboard.press('Escape')
    await row(id).click()
    await page.keyboard.press('Enter')
    await waitForPages()
    await expect.poll(focusedInReader).toBe(true)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => pageField().inputValue()).toBe('2')
    // Library keys do nothing behind the reader.
    await page.keyboard.press('s')
    await page.keyboard.press('r')
    await page.keyboard.press('Control+f')
    const find = page.getByRole('searchbox', { name: 'Find in document' })
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('diffusion')
    expect(await find.inputValue()).toBe('diffusion')
    await expect
      .poll(() => page.getByTestId('find-status').textContent(), { timeout: 15_000 })
      .toBe('1 of 1')
    expect(await starred(id)).toBe(false)
    expect((await server.api.getPaper({ id })).status).toBe('reading')
  })

  it('returns focus to the paper’s row on Esc, with the tag box closed', async () => {
    const id = ids[0] as PaperId
    await page.keyboard.press('Escape')
    await expect
      .poll(() => page.getByRole('searchbox', { name: 'Find in document' }).count())
      .toBe(0)
    await expect.poll(focusedInReader).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => reader().count()).toBe(0)
    await expect.poll(focusedPaperRow).toBe(String(id))
    expect(
      await page.getByRole('combobox', { name: 'Add tag' }).getAttribute('aria-expanded'),
    ).toBe('false')
    // The next keys act on the library again: `/` goes to the search box, not into "Add tag".
    await page.keyboard.press('/')
    await expect
      .poll(() =>
        page
          .getByRole('searchbox', { name: 'Search library' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true)
    await page.keyboard.press('Escape')
    await row(id).click()
  })

  it('returns focus to the row after the ✕ button too, and library keys work again', async () => {
    const id = ids[0] as PaperId
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await waitForPages()
    await expect.poll(focusedInReader).toBe(true)
    await page.keyboard.press('ArrowLeft')
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await expect.poll(() => reader().count()).toBe(0)
    await expect.poll(focusedPaperRow).toBe(String(id))
    // Library keys work again at once.
    await page.keyboard.press('s')
    await expect.poll(() => starred(id)).toBe(true)
    await page.keyboard.press('s')
    await expect.poll(() => starred(id)).toBe(false)
  })

  it('lists the reader’s keys in the ? sheet', async () => {
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => sheet.getByRole('table', { name: 'PDF reader' }).count()).toBe(1)
    const text = await sheet.textContent()
    expect(text).toMatch(/Next page/)
    expect(text).toMatch(/Find in the document/)
    await page.keyboard.press('Escape')
    await expect.poll(() => sheet.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
  })

  it('shows a paper being read as clearly as an unread one; only read papers fade', async () => {
    const [unread, reading, read] = ids as [PaperId, PaperId, PaperId]
    await server.api.setStatus({ ids: [unread], status: 'unread' })
    const color = (id: PaperId) =>
      row(id)
        .locator('.paper-row__title')
        .evaluate((el) => getComputedStyle(el).color)
    await expect.poll(() => row(unread).getAttribute('class')).toMatch(/is-unread/)
    expect(await color(reading)).toBe(await color(unread))
    expect(await color(read)).not.toBe(await color(reading))
  })
})
