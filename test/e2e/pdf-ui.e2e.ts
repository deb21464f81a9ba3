import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-http-server'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'

const SCREENSHOT = '/tmp/papershelf-downloads.png'

type DroppedFile = { name: string; type: string; base64: string }

/** Drops files on an element the way a desktop drag does: dragenter, dragover, drop. */
const dropOn = (target: Locator, files: ReadonlyArray<DroppedFile>) =>
  target.evaluate((element, list) => {
    const transfer = new DataTransfer()
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
      transfer.items.add(new File([bytes], file.name, { type: file.type }))
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      )
    }
  }, files)

describe('e2e/pdf-ui', () => {
  let dataDir: string
  let server: TestServer
  let arxiv: FixtureServer
  let browser: Browser
  let page: Page
  let pdfBytes: Buffer
  let flakyFixed = false
  const ids = new Map<string, PaperId>()
  const errors: string[] = []

  const idOf = (key: string): PaperId => {
    const id = ids.get(key)
    if (id === undefined) throw new Error(`No paper ${key} in the test library`)
    return id
  }
  const row = (title: string) => page.getByRole('option', { name: title, exact: false })
  const stored = async (key: string) => (await server.api.pdfUrl({ id: idOf(key) })) !== null
  const panel = () => page.getByTestId('downloads-panel')
  const openPanel = async () => {
    const toggle = panel().locator('.downloads__summary')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  }
  const job = (title: string) => panel().getByTestId('download-job').filter({ hasText: title })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-pdf-ui-e2e-'))
    pdfBytes = Buffer.from(await makeTestPdf({ pages: 3, title: 'Downloaded paper' }))
    const ok = { headers: { 'content-type': 'application/pdf' }, body: pdfBytes }
    arxiv = await startFixtureServer({
      'GET /pdf/2401.00002': ok,
      'GET /pdf/2401.00003': ok,
      'GET /pdf/2401.00004': ok,
      'GET /pdf/2401.00005': ok,
      'GET /pdf/2401.00006': () => (flakyFixed ? ok : { status: 403, body: 'forbidden' }),
      'GET /pdf/2401.00007': { ...ok, delayMs: 60_000 },
      'GET /pdf/2401.00008': ok,
      'GET /pdf/2401.00009': ok,
      'GET /pdf/2401.00010': ok,
    })
    server = await startTestServer(dataDir, {
      baseUrls: { arxiv: arxiv.url, arxivApi: arxiv.url, huggingFace: arxiv.url },
    })
    const arxivIds = Array.from(
      { length: 9 },
      (_, index) => `2401.000${String(index + 2).padStart(2, '0')}`,
    )
    const imported = await server.api.importText({
      text: `${arxivIds.join('\n')}\n`,
      format: 'ids',
      sourceName: 'arxiv ids',
    })
    arxivIds.forEach((arxivId, index) => ids.set(arxivId, imported.paperIds[index] as PaperId))
    const bib = await server.api.importText({
      text: [
        '@article{attached, title={Attached Only Paper}, author={Ada Lovelace}, year={2020}}',
        '@article{rowdrop, title={Row Drop Target}, author={Alan Turing}, year={2021}}',
      ].join('\n'),
      format: 'auto',
      sourceName: 'bib file',
    })
    ids.set('attached', bib.paperIds[0] as PaperId)
    ids.set('rowdrop', bib.paperIds[1] as PaperId)
    await server.api.updatePapers({
      ids: [idOf('2401.00003'), idOf('2401.00004')],
      addTags: ['offline-tag'],
    })
    const list = await server.api.createList({ name: 'Travel reading' })
    await server.api.addToList({ listId: list.id, ids: [idOf('2401.00005')] })

    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.url)
    await row('Attached Only Paper').waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await arxiv?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('offers no "Read PDF" for a paper without a PDF, then attaches a dropped PDF on the detail pane and offers it', async () => {
    await row('Attached Only Paper').click()
    const detail = page.getByTestId('detail-pane')
    await expect
      .poll(() => detail.locator('.detail__title').textContent())
      .toBe('Attached Only Paper')
    expect(await detail.getByRole('button', { name: 'Read PDF' }).count()).toBe(0)
    expect(await detail.getByRole('button', { name: 'Make available offline' }).count()).toBe(0)
    await dropOn(detail, [
      { name: 'lovelace.pdf', type: 'application/pdf', base64: pdfBytes.toString('base64') },
    ])
    await expect.poll(() => stored('attached'), { timeout: 15_000 }).toBe(true)
    await expect
      .poll(() => detail.getByRole('button', { name: 'Read PDF' }).count(), { timeout: 10_000 })
      .toBe(1)
    await detail.getByRole('button', { name: 'Read PDF' }).click()
    await expect
      .poll(() => page.locator('.pdfViewer .page canvas').count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await expect.poll(() => page.getByTestId('reader').count()).toBe(0)
  })

  it('makes one paper available offline from the detail pane', async () => {
    await row('arXiv:2401.00002').click()
    const detail = page.getByTestId('detail-pane')
    await detail.getByRole('button', { name: 'Make available offline' }).click()
    await expect.poll(() => stored('2401.00002'), { timeout: 15_000 }).toBe(true)
    await expect
      .poll(() => detail.getByRole('button', { name: 'Make available offline' }).count(), {
        timeout: 10_000,
      })
      .toBe(0)
    expect(await detail.getByRole('button', { name: 'Read PDF' }).count()).toBe(1)
  })

  it('makes a tag available offline from its sidebar menu', async () => {
    await page
      .getByRole('button', { name: /offline-tag/ })
      .first()
      .hover()
    await page.locator('.tag-node__menu').first().click()
    await page.getByRole('menuitem', { name: 'Make available offline' }).click()
    await expect.poll(() => stored('2401.00003'), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => stored('2401.00004'), { timeout: 15_000 }).toBe(true)
  })

  it('makes a list available offline from the sidebar', async () => {
    await page.getByRole('button', { name: 'Make list Travel reading available offline' }).click()
    await expect.poll(() => stored('2401.00005'), { timeout: 15_000 }).toBe(true)
  })

  it('makes the selection available offline from the bulk bar', async () => {
    await page
      .getByRole('button', { name: /^All papers/ })
      .first()
      .click()
    await row('arXiv:2401.00008').click({ modifiers: ['Control'] })
    await row('arXiv:2401.00009').click({ modifiers: ['Control'] })
    await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('2 selected')
    await page
      .getByRole('toolbar', { name: 'Selected papers' })
      .getByRole('button', { name: 'Make available offline' })
      .click()
    await expect.poll(() => stored('2401.00008'), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => stored('2401.00009'), { timeout: 15_000 }).toBe(true)
    await page.keyboard.press('Escape')
  })

  it('makes the focused paper available offline from the command palette', async () => {
    await row('arXiv:2401.00010').click()
    await page.getByRole('button', { name: 'Command palette' }).click()
    await page.keyboard.type('available offline')
    await page
      .getByRole('option', { name: /Make the paper \(or selection\) available offline/ })
      .click()
    await expect.poll(() => stored('2401.00010'), { timeout: 15_000 }).toBe(true)
  })

  it('shows a failed download with the core’s message, and retries it', async () => {
    await server.api.downloadPdfs({ ids: [idOf('2401.00006')] })
    const alert = page.getByRole('alert').filter({ hasText: 'arXiv:2401.00006' })
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBeGreaterThan(0)
    const status = await server.api.downloadStatus({})
    const failed = status.jobs.find((entry) => entry.paperId === idOf('2401.00006'))
    expect(failed?.state).toBe('failed')
    expect(await alert.first().textContent()).toContain(failed?.error ?? '(no error)')
    await openPanel()
    await expect.poll(() => job('arXiv:2401.00006').getAttribute('data-state')).toBe('failed')
    flakyFixed = true
    await job('arXiv:2401.00006').getByRole('button', { name: /Retry/ }).click()
    await expect.poll(() => stored('2401.00006'), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => job('arXiv:2401.00006').getAttribute('data-state')).toBe('done')
  })

  it('shows a running download with overall progress, cancels it, and leaves a screenshot', async () => {
    await server.api.downloadPdfs({ ids: [idOf('2401.00007')] })
    await openPanel()
    await expect
      .poll(() => job('arXiv:2401.00007').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('running')
    expect(await panel().locator('.downloads__summary').textContent()).toContain(
      'Downloading 1 PDF',
    )
    expect(
      await panel().getByRole('progressbar', { name: 'Overall download progress' }).count(),
    ).toBe(1)
    await panel().screenshot({ path: SCREENSHOT })
    await page.screenshot({ path: '/tmp/papershelf-downloads-full.png' })
    await job('arXiv:2401.00007')
      .getByRole('button', { name: /Cancel download/ })
      .click()
    await expect
      .poll(() => job('arXiv:2401.00007').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('cancelled')
    expect((await server.api.downloadStatus({})).overall.running).toBe(0)
    expect(await stored('2401.00007')).toBe(false)
  })

  it('attaches a PDF dropped on a list row to that paper', async () => {
    const target = page.locator(`[data-paper-id="${idOf('rowdrop')}"]`)
    await dropOn(target, [
      { name: 'turing.pdf', type: 'application/pdf', base64: pdfBytes.toString('base64') },
    ])
    await expect.poll(() => stored('rowdrop'), { timeout: 15_000 }).toBe(true)
  })

  it('adds a PDF dropped on the list background as a new paper with its arXiv id', async () => {
    const before = (await server.api.libraryCounts({})).all
    const fresh = Buffer.from(
      await makeTestPdf({
        pages: 2,
        title: 'A dropped preprint',
        pageText: { 1: ['arXiv:2405.12345v1 [cs.LG] 20 May 2024'] },
      }),
    )
    await dropOn(page.getByRole('main', { name: 'Paper list' }), [
      { name: 'preprint.pdf', type: 'application/pdf', base64: fresh.toString('base64') },
    ])
    await expect
      .poll(async () => (await server.api.libraryCounts({})).all, { timeout: 15_000 })
      .toBe(before + 1)
    const toast = page.getByRole('status').filter({ hasText: 'preprint.pdf' })
    await expect.poll(() => toast.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await toast.first().textContent()).toContain('arXiv:2405.12345')
  })

  it('refuses non-PDF files with a clear message and changes nothing', async () => {
    const before = await server.api.libraryCounts({})
    await dropOn(page.getByRole('main', { name: 'Paper list' }), [
      { name: 'notes.txt', type: 'text/plain', base64: Buffer.from('hello').toString('base64') },
    ])
    const alert = page.getByRole('alert').filter({ hasText: 'notes.txt' })
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1)
    expect(await alert.textContent()).toContain('Only PDF files can be dropped here')
    expect(await server.api.libraryCounts({})).toEqual(before)
  })

  it('keeps the app open when a PDF is dropped outside a drop zone, and says where PDFs go', async () => {
    const before = await server.api.libraryCounts({})
    await dropOn(page.getByRole('complementary', { name: 'Library' }), [
      { name: 'stray.pdf', type: 'application/pdf', base64: pdfBytes.toString('base64') },
    ])
    const toast = page.getByRole('status').filter({ hasText: 'Drop a PDF on a paper' })
    await expect.poll(() => toast.count(), { timeout: 10_000 }).toBe(1)
    expect(page.url()).toBe(`${server.origin}/`)
    expect(await server.api.libraryCounts({})).toEqual(before)
  })

  it('shows storage use per source and removes downloaded PDFs, keeping the papers', async () => {
    const usage = await server.api.storageUsage({})
    expect(usage.files).toBeGreaterThan(0)
    await expect
      .poll(() => page.getByTestId('storage-summary').textContent(), { timeout: 10_000 })
      .toContain(`in ${usage.files} file`)
    await page.getByTestId('storage-summary').click()
    const dialog = page.getByRole('dialog', { name: 'PDF storage' })
    await expect.poll(() => dialog.getByTestId('storage-source').count()).toBe(usage.sources.length)
    expect(
      await dialog.getByTestId('storage-source').filter({ hasText: 'arxiv ids' }).count(),
    ).toBe(1)
    const papers = (await server.api.libraryCounts({})).all
    await dialog.getByRole('button', { name: 'Remove downloaded PDFs' }).click()
    await dialog.getByRole('button', { name: 'Confirm: remove all PDFs' }).click()
    await expect
      .poll(async () => (await server.api.storageUsage({})).files, { timeout: 10_000 })
      .toBe(0)
    await expect
      .poll(() => dialog.getByTestId('storage-total').textContent())
      .toMatch(/^0 B in 0 files/)
    expect((await server.api.libraryCounts({})).all).toBe(papers)
    expect(await stored('2401.00002')).toBe(false)
    await dialog.getByRole('button', { name: 'Done' }).click()
  })

  it('logs no errors in the page', () => {
    expect(errors).toEqual([])
  })
})
