import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-http-server'
import { HF_PAGE_COPY, readFixture } from '../helpers/fixtures'
import { hfSearchAnswer } from '../helpers/hf-search-answer'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const CLI = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))
const STARTER = fileURLToPath(new URL('../../resources/starter-papers.json', import.meta.url))
const VIEWPORT = { width: 1280, height: 800 }
const TIDAR = 'TiDAR: Think in Diffusion, Talk in Autoregression'
const TOTRL = 'ToTRL: Unlock LLM Tree-of-Thoughts Reasoning Potential through Puzzles Solving'
const HOSTILE_TITLE =
  'Robust <img src=x onerror="window.__xss=1"> parsing and <script>window.__xss=2</script> escapes'

/** One copied-page entry whose title is markup, as a hostile list could carry. */
const HOSTILE_ENTRY = [
  HOSTILE_TITLE,
  '',
  'A paper whose abstract has math $x^2$ and markup <b onmouseover="window.__xss=3">bold</b>.',
  '',
  '  • 2 authors',
  '·',
  'Jan 5',
  '',
].join('\n')

type Opened = { page: Page; errors: string[] }

/** The paper list (the sort control's options are options too). */
const rowsOf = (page: Page) => page.getByRole('listbox', { name: 'Papers' })

async function openPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Opened> {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  return { page, errors }
}

const EMPTY_FEED =
  '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><opensearch:totalResults>0</opensearch:totalResults></feed>'

/** The papers the CLI lists with a tag, read from the same library folder. */
/**
 * The CLI as a child process. Asynchronous on purpose: `serve` runs in this process and owns the
 * library, so the CLI answers through it, and a synchronous call would block its answer.
 */
async function cliTitles(dataDir: string, tag: string): Promise<string[]> {
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    [CLI, 'list', '--tag', tag, '--json', '--library', dataDir],
    { encoding: 'utf8', timeout: 60_000 },
  )
  const parsed = JSON.parse(out) as { papers?: Array<{ title: string }> } | Array<{ title: string }>
  const papers = Array.isArray(parsed) ? parsed : (parsed.papers ?? [])
  return papers.map((paper) => paper.title)
}

describe('e2e/ui', () => {
  let browser: Browser
  const dirs: string[] = []
  const servers: Array<{ close(): Promise<void> }> = []
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-ui-'))
    dirs.push(dir)
    return dir
  }

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    for (const server of servers.splice(0)) await server.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  describe('a filled library', () => {
    let dataDir: string
    let server: TestServer
    let page: Page
    let errors: string[]
    const option = (title: string) => rowsOf(page).getByRole('option', { name: title })
    const options = () => rowsOf(page).getByRole('option')
    const count = (view: string) => page.getByTestId(`count-${view}`)
    /** Finds a paper with the search box and focuses it. */
    const pick = async (title: string) => {
      await page.getByRole('searchbox', { name: 'Search library' }).fill(title)
      await expect.poll(() => option(title).count()).toBe(1)
      await option(title).click()
      await expect.poll(() => page.locator('.detail__title').textContent()).toBe(title)
    }

    beforeAll(async () => {
      dataDir = newDir()
      server = await startTestServer(dataDir)
      servers.push(server)
      await server.api.importText({
        text: readFixture(HF_PAGE_COPY),
        format: 'hf-page',
        sourceName: 'Daily papers copy',
        tags: ['to-read'],
      })
      await server.api.importText({
        text: readFileSync(STARTER, 'utf8'),
        sourceName: 'Starter list',
        tags: ['starter'],
      })
      ;({ page, errors } = await openPage(browser, server.url))
    })

    it('lists the papers as options named by their titles, with the count', async () => {
      const { paperCount } = await server.api.libraryInfo({})
      await expect.poll(() => count('all').textContent()).toBe(String(paperCount))
      await expect.poll(() => option(TIDAR).count()).toBe(1)
      expect(await page.getByTestId('paper-count').textContent()).toBe(`${paperCount} papers`)
      expect(page.url()).toBe(`${server.origin}/`)
    })

    it('keeps only the visible rows in the page', async () => {
      await page.setViewportSize({ width: 1280, height: 420 })
      await expect.poll(() => options().count()).toBeLessThan(24)
      await page.setViewportSize(VIEWPORT)
    })

    it('narrows the list as a search is typed, and widens it again', async () => {
      const search = page.getByRole('searchbox', { name: 'Search library' })
      await search.fill('TiDAR')
      await expect.poll(() => options().allTextContents()).toHaveLength(1)
      await expect.poll(() => option(TIDAR).count()).toBe(1)
      expect(await page.getByTestId('paper-count').textContent()).toBe('1 of 24 papers')
      await search.fill('')
      await expect.poll(() => page.getByTestId('paper-count').textContent()).toBe('24 papers')
    })

    it('tags a paper from the detail pane; the tag survives a reload and shows in the CLI', async () => {
      await option(TIDAR).click()
      await expect.poll(() => page.locator('.detail__title').textContent()).toBe(TIDAR)
      const input = page.getByRole('combobox', { name: 'Add tag' })
      await input.fill('llm/decoding')
      await input.press('Enter')
      await expect
        .poll(() => option(TIDAR).locator('.tag-chip', { hasText: 'llm/decoding' }).count())
        .toBe(1)
      await page.reload()
      await expect
        .poll(() => option(TIDAR).locator('.tag-chip', { hasText: 'llm/decoding' }).count())
        .toBe(1)
      expect(await cliTitles(dataDir, 'llm/decoding')).toEqual([TIDAR])
      // The sidebar tree shows the parent level with the tag under it (learned suggestions in the
      // detail pane name tags too, once the model has trained).
      await expect
        .poll(() => page.locator('aside.sidebar [data-tag="llm/decoding"]').count())
        .toBe(1)
    })

    it('tags a shift-click selection in bulk, and undoes it', async () => {
      const rows = options()
      await rows.nth(0).click()
      await rows.nth(2).click({ modifiers: ['Shift'] })
      await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('3 selected')
      await page.getByRole('button', { name: 'Tag…', exact: true }).click()
      await page.getByRole('dialog').locator('input').fill('bulk-test')
      await page.getByRole('dialog').getByRole('button', { name: 'Add tag' }).click()
      await expect
        .poll(async () => (await server.api.listPaperRows({ tag: 'bulk-test' })).total)
        .toBe(3)
      await expect
        .poll(() => page.locator('.paper-row .tag-chip', { hasText: 'bulk-test' }).count())
        .toBe(3)
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).first().click()
      await expect
        .poll(async () => (await server.api.listPaperRows({ tag: 'bulk-test' })).total)
        .toBe(0)
      await expect
        .poll(() => page.locator('.paper-row .tag-chip', { hasText: 'bulk-test' }).count())
        .toBe(0)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByTestId('selection-count').count()).toBe(0)
    })

    it('stars and sets status from the keyboard and the detail pane; the sidebar counts follow', async () => {
      await pick(TOTRL)
      await page.keyboard.press('s')
      await expect.poll(() => count('starred').textContent()).toBe('1')
      await page.keyboard.press('r')
      await expect.poll(() => count('reading').textContent()).toBe('1')
      await page.getByRole('button', { name: 'Mark as read', exact: true }).click()
      await expect.poll(() => count('read').textContent()).toBe('1')
      await expect.poll(() => count('reading').textContent()).toBe('0')
      const paper = await server.api.findPaper({
        ref: String((await server.api.search({ query: 'ToTRL' }))[0]?.id),
      })
      expect(paper).toMatchObject({ starred: true, status: 'read' })
      await page.getByRole('searchbox', { name: 'Search library' }).fill('')
      await page.locator('[data-view="starred"]').click()
      await expect.poll(() => options().count()).toBe(1)
      await page.locator('[data-view="all"]').click()
      await expect.poll(() => page.getByTestId('paper-count').textContent()).toBe('24 papers')
    })

    it('moves with j/k and arrows, focuses search with / and Ctrl+K, and lists shortcuts with ?', async () => {
      await options().nth(0).click()
      const title = () => page.locator('.detail__title').textContent()
      const first = await options().nth(0).locator('.paper-row__title').textContent()
      const second = await options().nth(1).locator('.paper-row__title').textContent()
      await expect.poll(title).toBe(first)
      await page.keyboard.press('j')
      await expect.poll(title).toBe(second)
      await page.keyboard.press('k')
      await expect.poll(title).toBe(first)
      await page.keyboard.press('ArrowDown')
      await expect.poll(title).toBe(second)
      await page.keyboard.press('x')
      await expect.poll(() => page.getByTestId('selection-count').textContent()).toBe('1 selected')
      await page.keyboard.press('Escape')
      await page.keyboard.press('/')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Search library',
      )
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Control+k')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Search library',
      )
      await page.keyboard.press('Escape')
      await page.locator('.list-header__title').click()
      await page.keyboard.press('?')
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count())
        .toBe(1)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    })

    it('runs any action from the command palette', async () => {
      await page.keyboard.press('Control+Shift+P')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await expect.poll(() => palette.count()).toBe(1)
      await page.screenshot({ path: '/tmp/papershelf-palette-light.png' })
      await palette.getByRole('combobox', { name: 'Command' }).fill('go starred')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('.list-header__title').textContent()).toBe('Starred')
      await page.locator('[data-view="all"]').click()
    })

    it('renames, recolors and deletes a tag from the sidebar, and undoes the delete', async () => {
      await page.getByRole('button', { name: 'Manage tag to-read' }).click()
      await page.getByRole('menuitem', { name: 'Rename…' }).click()
      await page.getByRole('dialog').getByRole('textbox').fill('queue')
      await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click()
      await expect
        .poll(async () => (await server.api.listTags({})).map((tag) => tag.name))
        .toContain('queue')
      await page.getByRole('button', { name: 'Manage tag queue' }).click()
      await page.getByRole('menuitem', { name: 'Color…' }).click()
      await page.getByRole('button', { name: 'Color #2b8a3e' }).click()
      await expect
        .poll(
          async () => (await server.api.listTags({})).find((tag) => tag.name === 'queue')?.color,
        )
        .toBe('#2b8a3e')
      await page.getByRole('button', { name: 'Manage tag queue' }).click()
      await page.getByRole('menuitem', { name: 'Delete' }).click()
      await page.getByRole('button', { name: 'Delete tag' }).click()
      await expect
        .poll(async () => (await server.api.listTags({})).some((tag) => tag.name === 'queue'))
        .toBe(false)
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).first().click()
      await expect
        .poll(async () => (await server.api.listTags({})).find((tag) => tag.name === 'queue'))
        .toMatchObject({ color: '#2b8a3e', paperCount: 12 })
    })

    it('shows a paper imported elsewhere without a reload', async () => {
      await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
      await server.api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'cli' })
      await expect.poll(() => option('arXiv:2401.00001').count()).toBe(1)
      expect(
        await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
      ).toBe(true)
    })

    it('renders markup in titles and abstracts as text, and typesets math', async () => {
      await server.api.importText({ text: HOSTILE_ENTRY, format: 'hf-page', sourceName: 'hostile' })
      await expect.poll(() => option(HOSTILE_TITLE).count()).toBe(1)
      await option(HOSTILE_TITLE).click()
      await expect.poll(() => page.locator('.detail__title').textContent()).toBe(HOSTILE_TITLE)
      await expect.poll(() => page.locator('.detail__abstract .katex').count()).toBe(1)
      expect(await page.locator('.detail__abstract').textContent()).toContain('<b onmouseover=')
      const injected = await page.evaluate(() => ({
        xss: (window as { __xss?: unknown }).__xss,
        images: document.querySelectorAll('#root img').length,
        scripts: document.querySelectorAll('#root script').length,
        bold: document.querySelectorAll('.detail b').length,
      }))
      expect(injected).toEqual({ xss: undefined, images: 0, scripts: 0, bold: 0 })
    })

    it('looks tidy in light and dark at 1280×800, with no console errors', async () => {
      await page.getByRole('searchbox', { name: 'Search library' }).fill('')
      await options().nth(3).click()
      await page.screenshot({ path: '/tmp/papershelf-main-light.png' })
      const dark = await openPage(browser, server.url, 'dark')
      await expect.poll(() => rowsOf(dark.page).getByRole('option').count()).toBeGreaterThan(5)
      await rowsOf(dark.page).getByRole('option').nth(3).click()
      await dark.page.screenshot({ path: '/tmp/papershelf-main-dark.png' })
      await dark.page.getByRole('button', { name: 'Add source' }).first().click()
      await dark.page.screenshot({ path: '/tmp/papershelf-add-source-dark.png' })
      expect([...errors, ...dark.errors]).toEqual([])
      await dark.page.close()
    })
  })

  describe('an empty library', () => {
    it('offers the starter list and fills the library from it with one click', async () => {
      const server = await startTestServer(newDir())
      servers.push(server)
      const { page, errors } = await openPage(browser, server.url)
      await expect.poll(() => page.getByTestId('first-run').count()).toBe(1)
      expect(
        await page.getByRole('button', { name: /Sync today’s Hugging Face daily papers/ }).count(),
      ).toBe(1)
      await page.screenshot({ path: '/tmp/papershelf-first-run-light.png' })
      await page.getByRole('button', { name: /Add the starter list/ }).click()
      await expect.poll(() => rowsOf(page).getByRole('option').count()).toBe(12)
      await rowsOf(page)
        .getByRole('option', { name: /^Attention Is All You Need/ })
        .click()
      await expect.poll(() => page.locator('.detail__abstract .katex').count()).toBeGreaterThan(0)
      // Real identifiers and metadata: authors, the arXiv id and its links.
      expect(await page.locator('.detail__authors').textContent()).toMatch(/^Ashish Vaswani, Noam/)
      expect(await page.locator('.detail__facts').textContent()).toContain('arXiv:1706.03762')
      expect(await page.getByRole('link', { name: 'arXiv' }).getAttribute('href')).toBe(
        'https://arxiv.org/abs/1706.03762',
      )
      expect(errors).toEqual([])
      await page.close()
    })
    it('offers to look up the papers of a pasted Hugging Face page, and says how many it found', async () => {
      const text = readFixture(HF_PAGE_COPY)
      let known = ''
      const hf = await startFixtureServer({
        'GET /api/papers/search': (req) => {
          const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? ''
          const found = q === known ? [{ id: '2505.10001', title: q }] : []
          return { headers: { 'content-type': 'application/json' }, body: hfSearchAnswer(found) }
        },
        'GET /api/query': { headers: { 'content-type': 'application/atom+xml' }, body: EMPTY_FEED },
      })
      servers.push(hf)
      // Eleven titles fall back to arXiv's search (a test server leaves out arXiv's 3 s spacing).
      const server = await startTestServer(newDir(), {
        baseUrls: { huggingFace: hf.url, arxivApi: hf.url },
      })
      servers.push(server)
      const { page, errors } = await openPage(browser, server.url)
      await page.getByRole('button', { name: /Import papers…/ }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('textbox', { name: 'Text to import' }).fill(text)
      await dialog.getByRole('button', { name: 'Import', exact: true }).click()
      await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/12 added/)
      // Focus stayed in the dialog while it worked, so Escape closes it.
      expect(
        await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null),
      ).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => dialog.count()).toBe(0)
      // The first-run button that opened the dialog is gone: focus goes to the list.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('paper-list')))
        .toBe(true)
      known = (await server.api.listPaperRows({ limit: 1 })).rows[0]?.title ?? ''
      const lookUp = page.locator('.toast').getByRole('button', { name: 'Look up on arXiv' })
      await lookUp.click()
      await expect
        .poll(() => page.locator('.toast', { hasText: /^Found/ }).textContent())
        .toMatch(/Found 1 of 12 papers; 11 stay as they were/)
      expect(errors).toEqual([])
      await page.close()
    })

    it('says when today’s daily list has no papers yet, and when it is checked next', async () => {
      const empty = await startFixtureServer({
        'GET /api/daily_papers': { headers: { 'content-type': 'application/json' }, body: '[]' },
      })
      servers.push(empty)
      const server = await startTestServer(newDir(), { baseUrls: { huggingFace: empty.url } })
      servers.push(server)
      const { page, errors } = await openPage(browser, server.url)
      await page.getByRole('button', { name: /Sync today’s Hugging Face daily papers/ }).click()
      await expect
        .poll(() => page.getByTestId('empty-sync-notice').textContent())
        // a check after midnight says "tomorrow at …" (the unit test covers both wordings)
        .toMatch(/^No papers posted yet today — the next check is (tomorrow )?at \d/)
      expect(await page.getByTestId('first-run').count()).toBe(1)
      expect(errors).toEqual([])
      await page.close()
    })
  })

  describe('following a list', () => {
    let fixtures: FixtureServer

    beforeAll(async () => {
      const daily = readFixture('hf-daily-papers/daily_papers_2026-05-18_first3.json')
      fixtures = await startFixtureServer({
        'GET /api/daily_papers': (req) => {
          const first = new URL(req.url ?? '/', 'http://x').searchParams.get('p') === '0'
          // A slow first page keeps the sync running long enough to see its progress.
          return {
            headers: { 'content-type': 'application/json' },
            body: first ? daily : '[]',
            delayMs: first ? 1500 : 0,
          }
        },
      })
      servers.push(fixtures)
    })

    it('adds a source in the dialog, shows its sync running, then its papers; a failing one says why', async () => {
      const server = await startTestServer(newDir(), {
        baseUrls: { huggingFace: fixtures.url, githubRaw: fixtures.url, github: fixtures.url },
      })
      servers.push(server)
      const { page, errors } = await openPage(browser, server.url)
      await expect.poll(() => page.getByTestId('first-run').count()).toBe(1)
      await page.getByRole('button', { name: 'Add source' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Add a source' })
      await dialog.getByLabel('Kind').selectOption('hf-daily')
      await dialog.getByLabel('Papers to fetch').selectOption('date')
      await dialog.getByLabel('Day', { exact: true }).fill('2026-05-18')
      expect(await dialog.getByTestId('hf-daily-plan').textContent()).toMatch(/once/)
      await dialog.getByLabel('Name (optional)').fill('HF daily')
      await page.screenshot({ path: '/tmp/papershelf-add-source-light.png' })
      await dialog.getByRole('button', { name: 'Add and sync' }).click()
      await expect
        .poll(() => page.getByRole('status', { name: 'Syncing HF daily' }).count())
        .toBe(1)
      await page.screenshot({ path: '/tmp/papershelf-syncing-light.png' })
      await expect.poll(() => rowsOf(page).getByRole('option').count(), { timeout: 15_000 }).toBe(3)
      await expect
        .poll(() => page.locator('.source-item', { hasText: 'HF daily' }).textContent())
        .toMatch(/Synced/)

      await page.getByRole('button', { name: 'Add source' }).first().click()
      await dialog.getByLabel('Kind').selectOption('awesome')
      await dialog.getByLabel('README URL').fill(`${fixtures.url}/missing/README.md`)
      await dialog.getByLabel('Name (optional)').fill('Broken list')
      await dialog.getByRole('button', { name: 'Add and sync' }).click()
      const broken = page.locator('.source-item', { hasText: 'Broken list' })
      await expect
        .poll(() => broken.locator('.source-status__error').count(), { timeout: 15_000 })
        .toBe(1)
      expect(await broken.locator('.source-status__error').textContent()).toMatch(
        /^Sync failed: .*404|not found/i,
      )
      await page.screenshot({ path: '/tmp/papershelf-sources-light.png' })
      await page.getByRole('button', { name: 'Sync HF daily now' }).click()
      await expect
        .poll(() => page.getByRole('status', { name: 'Syncing HF daily' }).count())
        .toBe(1)
      expect(errors.filter((error) => !error.includes('404'))).toEqual([])
      await page.close()
    })
  })
})
