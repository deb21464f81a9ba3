import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PaperId } from '@shared/model/ids'
import { corpusAsCslJson, readTopicsCorpus } from '../helpers/arxiv-corpus'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const FIELD: Record<string, string> = {
  'cs.CV': 'vision',
  'cs.CL': 'language',
  'math.RT': 'representation-theory',
  'astro-ph.GA': 'galaxies',
  'cs.IT': 'information-theory',
  'cs.GT': 'game-theory',
}
const corpus = readTopicsCorpus().filter((_, i) => i % 2 === 0)
/** Every fourth paper stays untagged: the one the test opens is one of them. */
const untagged = (i: number) => i % 4 === 0

describe('e2e/topics-ui', { timeout: 180_000 }, () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let ids: PaperId[]
  const errors: string[] = []
  const target = corpus.findIndex((paper, i) => untagged(i) && paper.categories[0] === 'math.RT')
  const targetPaper = corpus[target]
  const learned = () => page.getByRole('region', { name: 'Learned tag suggestions' })
  const rows = () => page.getByRole('listbox', { name: 'Papers' }).getByRole('option')
  const focusedLabel = () =>
    page.evaluate(
      () =>
        document.activeElement?.getAttribute('aria-label') ??
        document.activeElement?.textContent ??
        '',
    )

  const openTarget = async () => {
    await page
      .getByRole('searchbox', { name: 'Search library' })
      .fill(`"${targetPaper?.title.split(' ').slice(0, 5).join(' ')}"`)
    await rows().first().waitFor()
    await rows().first().click()
    await page.getByRole('heading', { level: 2, name: targetPaper?.title }).waitFor()
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-topics-ui-e2e-'))
    server = await startTestServer(dataDir)
    const report = await server.api.importText({
      text: corpusAsCslJson(corpus),
      format: 'csl-json',
      sourceName: 'corpus.json',
    })
    ids = [...report.paperIds]
    for (const [category, tag] of Object.entries(FIELD)) {
      const tagged = ids.filter((_, i) => !untagged(i) && corpus[i]?.categories[0] === category)
      await server.api.tagPapers({ ids: tagged, tags: [tag] })
    }
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(server.url)
    await rows().first().waitFor({ timeout: 30_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('suggests the learned tag with confidence and reason; Enter accepts it and focus stays in the section', async () => {
    await openTarget()
    const button = learned().getByRole('button', {
      name: /^Add learned tag representation-theory, \d+% sure$/,
    })
    await button.waitFor({ timeout: 60_000 })
    expect(await button.getAttribute('title')).toMatch(/^because of: /)
    await button.focus()
    await page.keyboard.press('Enter')
    const chips = page.getByRole('list', { name: 'Tags of this paper' })
    await expect.poll(() => chips.textContent()).toContain('representation-theory')
    await expect.poll(focusedLabel).toMatch(/^(Add learned tag|Not interested)/)
    expect((await server.api.getPaper({ id: ids[target] as PaperId })).tags).toContain(
      'representation-theory',
    )
  })

  it('lists related papers with what they share, and takes a click on a suggestion too', async () => {
    const related = page.getByRole('region', { name: 'Related papers' })
    await related.waitFor()
    expect(await related.getByRole('listitem').count()).toBe(5)
    expect(await related.textContent()).toMatch(/shares /)
    const other = learned()
      .getByRole('button', { name: /^Add learned tag / })
      .first()
    const name = (await other.getAttribute('data-tag')) ?? ''
    await other.click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Tags of this paper' }).textContent())
      .toContain(name)
  })

  it('marks a paper not interested and orders the list For you, by keyboard', async () => {
    await learned().getByRole('button', { name: 'Not interested' }).click()
    await expect
      .poll(() =>
        learned()
          .getByRole('button', { name: /Marked not interested/ })
          .count(),
      )
      .toBe(1)
    await server.api.setStarred({
      ids: ids.filter((_, i) => corpus[i]?.categories[0] === 'astro-ph.GA').slice(0, 6),
      starred: true,
    })
    await page.getByRole('searchbox', { name: 'Search library' }).fill('')
    const sort = page.getByRole('combobox', { name: 'Sort by' })
    await sort.focus()
    await sort.selectOption('for-you')
    expect(await focusedLabel()).toBe('Sort by')
    await expect
      .poll(
        async () => {
          const titles = await rows().locator('.paper-row__title').allTextContents()
          const top = new Set(
            corpus.filter((p) => p.categories[0] === 'astro-ph.GA').map((p) => p.title),
          )
          return titles.slice(0, 5).filter((title) => top.has(title.trim())).length
        },
        { timeout: 60_000 },
      )
      // a sixth of the library is astro-ph.GA; starred ones pull it to the top
      .toBeGreaterThanOrEqual(3)
  })

  it('fits the learned sections in the detail pane at 900×700', async () => {
    await page.setViewportSize({ width: 900, height: 700 })
    await openTarget()
    await learned()
      .getByRole('button', { name: /Not interested|Marked not interested/ })
      .scrollIntoViewIfNeeded()
    const pane = await page.getByTestId('detail-pane').boundingBox()
    const section = await learned().boundingBox()
    expect(
      section &&
        pane &&
        section.x >= pane.x &&
        section.x + section.width <= pane.x + pane.width + 1,
    ).toBe(true)
    expect(errors).toEqual([])
  })
})
