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

  it('tags a selection in the same tag box: several tags, suggestions, Enter takes the highlighted one', async () => {
    const [a, b] = [pagePapers[6], pagePapers[7]] as [PaperId, PaperId]
    await select(a)
    await page.keyboard.press('x')
    await row(b).click({ modifiers: ['Control'] })
    await expect.poll(() => page.locator('.paper-list__item[aria-selected="true"]').count()).toBe(2)
    await page.keyboard.press('t')
    const dialog = page.getByRole('dialog', { name: 'Tag 2 papers' })
    const box = dialog.getByRole('combobox', { name: 'Add tag' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('diff')
    // "diff-old" is on no paper: not offered as if in use
    const options = dialog.getByRole('listbox', { name: 'Matching tags' }).getByRole('option')
    await expect.poll(() => options.allTextContents()).toEqual(['diffusion', 'Create “diff”'])
    await page.keyboard.press('Enter')
    await page.keyboard.type('bulk-new')
    await page.keyboard.press('Enter')
    const chosen = dialog.getByRole('list', { name: 'Tags to add' }).getByRole('listitem')
    await expect.poll(() => chosen.allTextContents()).toEqual(['diffusion×', 'bulk-new×'])
    expect(await server.api.getPaper({ id: a }).then((p) => p.tags)).toEqual([])
    // Enter on the empty box applies the tags; the focus goes back to the list
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog.count()).toBe(0)
    for (const id of [a, b]) {
      await expect
        .poll(async () => [...(await tagsOf(id))].sort())
        .toEqual(['bulk-new', 'diffusion'])
    }
    expect(await page.evaluate(() => document.activeElement?.closest('.paper-list') !== null)).toBe(
      true,
    )
    await page.keyboard.press('Escape')
  })

  it('offers to delete a tag its removal leaves on no paper; unused tags read as unused', async () => {
    const id = pagePapers[8] as PaperId
    await server.api.tagPapers({ ids: [id], tags: ['solo'] })
    await select(id)
    const remove = page.getByRole('button', { name: 'Remove tag solo' })
    await remove.waitFor()
    await remove.click()
    const toast = page.locator('.toast', { hasText: 'No paper has #solo now.' })
    await toast.waitFor()
    expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(1)
    await toast.getByRole('button', { name: 'Delete tag' }).click()
    await expect
      .poll(async () => (await server.api.listTags({})).map((tag) => tag.name))
      .not.toContain('solo')
    const unused = page.locator('.sidebar [data-tag="diff-old"]')
    if (await unused.count()) expect(await unused.getAttribute('class')).toContain('is-unused')
    if (viewport.width >= 1280) expect(await unused.count()).toBe(1)
    expect(
      await page.locator('.sidebar [data-tag="diffusion"]').getAttribute('class'),
    ).not.toContain('is-unused')
  })

  it('shows only whole tag chips in a row, clear of the PDF badge', async () => {
    const id = pagePapers[9] as PaperId
    const long = ['reinforcement-learning', 'speculative-decoding', 'long-context-retrieval']
    await server.api.tagPapers({ ids: [id], tags: [...long, 'vision'] })
    await row(id).scrollIntoViewIfNeeded()
    const chips = row(id).locator('.paper-row__tags .tag-chip')
    await expect.poll(() => chips.count()).toBe(4)
    const geometry = await row(id).evaluate((el) => {
      const box = (node: Element | null) => node?.getBoundingClientRect() ?? null
      const tags = el.querySelector('.paper-row__tags')
      return {
        tags: box(tags),
        badge: box(el.querySelector('.pdf-badge') ?? el.querySelector('.status-badge')),
        chips: [...(tags?.querySelectorAll('.tag-chip') ?? [])].map((chip) => ({
          box: box(chip),
          cut: chip.scrollWidth > chip.clientWidth + 1,
        })),
      }
    })
    const { tags, badge } = geometry
    if (!tags || !badge) throw new Error('row without tags or badge')
    expect(tags.right).toBeLessThanOrEqual(badge.left)
    const inside = geometry.chips.filter(
      ({ box }) => box && box.top >= tags.top - 0.5 && box.bottom <= tags.bottom + 0.5,
    )
    // the first chip always shows; a shown chip is whole (or ends in an ellipsis when alone)
    expect(inside.length).toBeGreaterThan(0)
    for (const { box, cut } of inside) {
      expect(box!.right).toBeLessThanOrEqual(tags.right + 0.5)
      if (inside.length > 1) expect(cut).toBe(false)
    }
    // the others are off the line entirely, not cut at its edge
    for (const { box } of geometry.chips) {
      if (!inside.some((chip) => chip.box === box)) {
        expect(box!.top).toBeGreaterThanOrEqual(tags.bottom)
      }
    }
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
    // the pane shows the focused paper a moment after its row is focused: scroll that one
    const { title } = await server.api.getPaper({ id: first })
    await expect.poll(() => page.locator('.detail__title').textContent()).toBe(title)
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
