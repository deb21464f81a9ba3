import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-http-server'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const DOI = '10.1000/shelf.42'
const OTHER_DOI = '10.1000/other.7'
const CROSSREF_TITLE = 'Reading Lists for Researchers'

/** Crossref's `/works/{doi}` answer in the documented shape. */
const CROSSREF_WORK = JSON.stringify({
  status: 'ok',
  message: {
    DOI,
    title: [CROSSREF_TITLE],
    author: [
      { given: 'Grace', family: 'Hopper' },
      { given: 'Alan', family: 'Turing' },
    ],
    issued: { 'date-parts': [[2019, 5, 21]] },
    'container-title': ['Journal of Shelves'],
  },
})

describe.each([
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
])('e2e/curation in the detail pane at $width×$height', (viewport) => {
  let dataDir: string
  let server: TestServer
  let registry: FixtureServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let doiPaper: PaperId

  const row = (id: PaperId) => page.locator(`.paper-list [data-paper-id="${id}"]`)
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement
      return el
        ? `${el.tagName}:${el.textContent ?? ''}:${el.getAttribute('aria-label') ?? ''}`
        : ''
    })
  const select = async (id: PaperId) => {
    await row(id).scrollIntoViewIfNeeded()
    await row(id).click()
    await expect
      .poll(() => page.locator('.paper-list__item.is-focused').getAttribute('data-paper-id'))
      .toBe(String(id))
  }
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText())

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-curation-ui-'))
    registry = await startFixtureServer({
      [`GET /crossref/works/${DOI}`]: {
        headers: { 'content-type': 'application/json' },
        body: CROSSREF_WORK,
      },
    })
    server = await startTestServer(dataDir, {
      baseUrls: { crossref: `${registry.url}/crossref`, datacite: `${registry.url}/datacite` },
    })
    doiPaper = (await server.api.importText({ text: `${DOI}\n`, format: 'ids', sourceName: 'ids' }))
      .paperIds[0] as PaperId
    await server.api.importText({
      text: `@article{o, title={Another Shelf}, author={Roe, Rick}, year={2020}, doi={${OTHER_DOI}}}\n`,
      format: 'bibtex',
      sourceName: 'other.bib',
    })
    browser = await launchChromium()
    context = await browser.newContext({ viewport })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    })
    page = await context.newPage()
    await page.goto(server.url)
    await row(doiPaper).waitFor({ timeout: 15_000 })
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
    await registry?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('looks a DOI-only paper up at the Crossref stand-in and keeps focus in the pane', async () => {
    await select(doiPaper)
    await expect.poll(() => page.locator('.detail__title').textContent()).toBe(`doi:${DOI}`)
    await page.getByRole('button', { name: 'Look up metadata' }).click()
    await expect.poll(() => page.locator('.detail__title').textContent()).toBe(CROSSREF_TITLE)
    await expect
      .poll(() => page.locator('.detail__authors').textContent())
      .toBe('Grace Hopper, Alan Turing')
    expect(await page.locator('.detail__facts').textContent()).toContain('Journal of Shelves')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('detail__scroll')
  })

  it('edits metadata with the keyboard, refuses a DOI another paper has, and reverts to source', async () => {
    await select(doiPaper)
    const edit = page.getByRole('button', { name: 'Edit metadata' })
    await edit.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Edit metadata' })
    await dialog.waitFor()
    // Focus starts in the title field.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe(CROSSREF_TITLE)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('Reading Lists for Researchers, Corrected')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Ada Lovelace')
    // A DOI another paper holds is refused in the dialog, which stays open with the edit.
    await dialog.getByLabel('DOI').fill(OTHER_DOI)
    await dialog.getByLabel('Title').press('Enter')
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/doi:10\.1000\/other\.7 is paper \d+ already; merge the two papers instead/)
    expect((await server.api.getPaper({ id: doiPaper })).title).toBe(CROSSREF_TITLE)
    await dialog.getByLabel('DOI').fill(DOI)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // Focus goes back to the button that opened the dialog.
    expect(await focused()).toMatch(/^BUTTON:Edit metadata/)
    await expect
      .poll(() => page.locator('.detail__title').textContent())
      .toBe('Reading Lists for Researchers, Corrected')
    await expect
      .poll(() => page.locator('.detail__authors').textContent())
      .toBe('Grace Hopper, Alan Turing, Ada Lovelace')
    expect(await page.locator('.detail__edited').textContent()).toContain(
      'You edited the title, authors.',
    )
    // A re-sync from the registry keeps the edits.
    await server.api.resolvePapers({ ids: [doiPaper] })
    expect(await server.api.getPaper({ id: doiPaper })).toMatchObject({
      title: 'Reading Lists for Researchers, Corrected',
      editedFields: ['title', 'authors'],
    })

    await page.locator('.detail__edited').getByRole('button', { name: 'Revert to source' }).click()
    await expect.poll(() => page.locator('.detail__title').textContent()).toBe(CROSSREF_TITLE)
    expect(await page.locator('.detail__edited').count()).toBe(0)
  })

  it('copies the citation, the BibTeX entry and the key', async () => {
    await select(doiPaper)
    await page.getByRole('button', { name: 'Copy BibTeX' }).click()
    await expect
      .poll(clipboard)
      .toMatch(/^@article\{hopper2019reading,[\s\S]*doi = \{10\.1000\/shelf\.42\}/)
    await page.getByRole('button', { name: 'Copy key' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(clipboard).toBe('hopper2019reading')
    await page.getByRole('button', { name: 'Copy citation' }).click()
    await expect
      .poll(clipboard)
      .toMatch(/^Hopper, G\., & Turing, A\. \(2019\)\. Reading Lists for Researchers/)
    await expect
      .poll(() => page.locator('.toast').last().textContent())
      .toMatch(/Copied the citation/)
  })

  it('drags the paper into a text field as its citation', async () => {
    await select(doiPaper)
    // The merge test's refreshes may still be arriving on a busy machine.
    await expect
      .poll(() => page.locator('.detail__title').textContent(), { timeout: 10_000 })
      .toBe(CROSSREF_TITLE)
    await page.evaluate(() => {
      const target = document.createElement('textarea')
      target.id = 'drop-target'
      target.style.cssText = 'position:fixed;left:0;bottom:0;width:300px;height:80px;z-index:9999'
      document.body.append(target)
    })
    await page.dragAndDrop('[data-testid="citation-drag"]', '#drop-target')
    await expect
      .poll(() => page.locator('#drop-target').inputValue())
      .toMatch(/Reading Lists for Researchers/)
    // Once the formatted citation has arrived, a drag carries it.
    await page.locator('#drop-target').fill('')
    await page.dragAndDrop('[data-testid="citation-drag"]', '#drop-target')
    await expect
      .poll(() => page.locator('#drop-target').inputValue())
      .toMatch(
        /^Hopper, G\., & Turing, A\. \(2019\)\. Reading Lists for Researchers\. Journal of Shelves/,
      )
    await page.evaluate(() => document.getElementById('drop-target')?.remove())
  })
  it('lists duplicates from the command palette, merges the chosen pair and undoes it', async () => {
    const report = await server.api.importText({
      text: `@article{p, title={Speculative Decoding for Everyone}, author={Leviathan, Yaniv}, year={2023}, eprint={2211.17192}, archiveprefix={arXiv}}
@inproceedings{q, title={Speculative decoding for everyone: fast inference}, author={Leviathan, Yaniv and Matias, Yossi}, year={2023}, booktitle={ICML}, doi={10.1000/spec.1}}
`,
      format: 'bibtex',
      sourceName: 'dups.bib',
    })
    const [preprint, published] = report.paperIds as [PaperId, PaperId]
    await page.locator('.paper-list').focus()
    await page.keyboard.press('Control+Shift+P')
    await page.keyboard.type('Find duplicates')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Duplicates' })
    const pair = dialog.getByRole('listitem').filter({ hasText: `#${published}` })
    await expect.poll(() => pair.textContent()).toContain('Similar title, shared author')
    await pair
      .getByRole('button', { name: `Keep #${preprint}, merge #${published} into it` })
      .click()
    await expect
      .poll(async () => (await server.api.getPaper({ id: preprint })).doi)
      .toBe('10.1000/spec.1')
    await expect.poll(() => dialog.getByRole('listitem').count()).toBe(0)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page
      .locator('.toast')
      .filter({ hasText: `Merged #${published} into #${preprint}.` })
      .getByRole('button', { name: 'Undo' })
      .click()
    await expect
      .poll(async () => (await server.api.getPaper({ id: published })).doi)
      .toBe('10.1000/spec.1')
    expect((await server.api.getPaper({ id: preprint })).doi).toBeNull()
  })
})
