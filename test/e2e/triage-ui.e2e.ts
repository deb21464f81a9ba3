import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  sourceUrlsAt,
  startFixtureServer,
  type FixtureServer,
} from '../helpers/fixture-http-server'
import { awesomeRoutes, hfWeek, hfWeekRoutes } from '../helpers/hf-week'
import { launchChromium } from '../helpers/launch-chromium'
import { VIEWPORTS } from '../helpers/library-page'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const WEEK = { kind: 'hf-daily', params: { from: '2026-05-18', to: '2026-05-24' } } as const

/** The focused row's title, the detail pane's title, and where the keyboard focus is. */
async function cursor(page: Page) {
  return page.evaluate(() => ({
    row: document.querySelector('.paper-list__item.is-focused .paper-row__title')?.textContent,
    detail: document.querySelector('.detail__title')?.textContent,
    inList: document.activeElement?.closest('.paper-list') !== null,
  }))
}

describe('triage in Chromium: the inbox by keyboard and mouse', { timeout: 300_000 }, () => {
  let browser: Browser
  let hf: FixtureServer
  let upvotes = 1
  const week = hfWeek()
  const dirs: string[] = []
  const servers: TestServer[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    hf = await startFixtureServer({ ...hfWeekRoutes(week, () => upvotes), ...awesomeRoutes(week) })
  })

  afterAll(async () => {
    await browser?.close()
    for (const server of servers.splice(0)) await server.close()
    await hf?.close()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  /** A library in a fresh folder whose sources all read the fixture server. */
  const startLibrary = async (prefix: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), prefix))
    dirs.push(dataDir)
    const server = await startTestServer(dataDir, { baseUrls: sourceUrlsAt(hf.url) })
    servers.push(server)
    return server
  }

  /** The library in a page that records its errors, with a way to open a view from the sidebar. */
  const openLibrary = async (server: TestServer, viewport: (typeof VIEWPORTS)[number]) => {
    const page = await browser.newPage({ viewport })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.url)
    const toggle = page.getByRole('button', { name: 'Library sidebar' })
    const openView = async (view: string) => {
      if (await toggle.isVisible()) await toggle.click()
      await page.locator(`[data-view="${view}"]`).click()
    }
    const rows = page.getByRole('listbox', { name: 'Papers' }).getByRole('option')
    return { page, errors, openView, rows }
  }

  for (const viewport of VIEWPORTS) {
    it(`keeps, dismisses, deletes and undoes at ${viewport.width}×${viewport.height}; a re-sync and another source bring nothing back`, async () => {
      const server = await startLibrary('papershelf-triage-')
      upvotes = 1
      expect(await server.api.syncOnce(WEEK)).toMatchObject({ status: 'ok', added: week.length })

      const { page, errors, openView, rows } = await openLibrary(server, viewport)
      await expect.poll(() => page.getByTestId('count-inbox').textContent()).toBe('28')
      await openView('inbox')
      const left = () => page.getByTestId('triage-left').textContent()
      await expect.poll(left).toBe('28 left')
      await rows.nth(0).click()
      const titles = await rows.locator('.paper-row__title').allTextContents()
      const idOf = (title: string | undefined) =>
        week.find((paper) => paper.title === title)?.arxivId ?? 'none'
      await expect.poll(async () => (await cursor(page)).detail).toBe(titles[0])

      // one key per action; the next paper comes under the cursor, the focus stays in the list
      const movedOn = async (expectedLeft: number, next: string | undefined) => {
        await expect.poll(left).toBe(`${expectedLeft} left`)
        await expect.poll(async () => (await cursor(page)).row).toBe(next)
        await expect.poll(async () => (await cursor(page)).detail).toBe(next)
        expect((await cursor(page)).inList).toBe(true)
      }
      const step = async (key: string, expectedLeft: number, next: string | undefined) => {
        await page.keyboard.press(key)
        await movedOn(expectedLeft, next)
      }
      await step('a', 27, titles[1])
      await step('d', 26, titles[2])
      await step('Delete', 25, titles[3])
      await page.keyboard.press('s')
      await step('l', 24, titles[4])
      // the mouse: the button acts on the paper under the cursor and gives the focus back
      await page
        .getByRole('toolbar', { name: 'Triage' })
        .getByRole('button', { name: 'Dismiss', exact: true })
        .click()
      await movedOn(23, titles[5])
      // undo brings the last one back into the inbox
      await page.keyboard.press('Control+z')
      await expect.poll(left).toBe('24 left')

      const state = async (title: string | undefined) =>
        (await server.api.searchLibrary({ query: `"${title ?? ''}"`, includeDismissed: true })).hits
      expect((await server.api.findPaper({ ref: idOf(titles[0]) }))?.triage).toBe('library')
      expect((await server.api.findPaper({ ref: idOf(titles[1]) }))?.triage).toBe('dismissed')
      expect((await server.api.findPaper({ ref: idOf(titles[2]) }))?.triage).toBe('trash')
      expect(await server.api.findPaper({ ref: idOf(titles[3]) })).toMatchObject({
        triage: 'library',
        starred: true,
        status: 'reading',
      })
      expect(await state(titles[1])).toHaveLength(1)
      await expect.poll(() => page.getByTestId('count-dismissed').textContent()).toBe('1')
      await expect.poll(() => page.getByTestId('count-trash').textContent()).toBe('1')

      // a re-sync of the week and another source carrying the same papers add nothing
      upvotes = 5
      expect(await server.api.syncOnce(WEEK)).toMatchObject({ status: 'ok', added: 0 })
      const other = await server.api.syncOnce({
        kind: 'awesome',
        params: { url: `${hf.url}/gh/owner/awesome-week` },
      })
      expect(other).toMatchObject({ status: 'ok', added: 0 })
      await expect.poll(() => page.getByTestId('count-inbox').textContent()).toBe('24')
      await expect.poll(left).toBe('24 left')

      // one group (a source's day) dismissed at once; the list and "N left" follow
      const groups = await server.api.inboxGroups({})
      const group = groups[0]
      if (!group) throw new Error('the inbox has groups')
      await page
        .getByRole('list', { name: 'Inbox by source and day' })
        .getByRole('button', { name: /^Dismiss the rest of / })
        .first()
        .click()
      await expect.poll(left).toBe(`${24 - group.count} left`)
      expect((await cursor(page)).inList).toBe(true)
      expect(await server.api.inboxGroups({})).toHaveLength(groups.length - 1)

      // the trash: restore by key
      await openView('trash')
      await rows.nth(0).click()
      await page.keyboard.press('a')
      await expect.poll(() => page.getByTestId('count-trash').textContent()).toBe('0')
      expect((await server.api.findPaper({ ref: idOf(titles[2]) }))?.triage).toBe('library')

      await page.locator('.list-header__title').click()
      await page.keyboard.press('?')
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
      await expect.poll(() => sheet.getByText('Keep: move to the library').count()).toBe(1)
      await page.keyboard.press('Escape')
      expect(errors).toEqual([])
      await page.close()
    })
  }

  for (const viewport of VIEWPORTS) {
    it(`shows on a paper which arrival rule acted on it, as plain text, at ${viewport.width}×${viewport.height}`, async () => {
      const server = await startLibrary('papershelf-rule-note-')
      const source = await server.api.addSource({ ...WEEK, name: 'HF week' })
      // the rule's query is the user's text, markup included: it must show as text, never run
      const query = 'diffusion -"<img src=x onerror=window.__ruleNoteRan=true>"'
      await server.api.addArrivalRule({ sourceId: source.id, query, action: 'keep' })
      await server.api.syncSource({ id: source.id })
      const kept = week.filter((paper) => paper.title.startsWith('Diffusion'))
      expect(await server.api.findPaper({ ref: kept[0]?.arxivId ?? '' })).toMatchObject({
        triage: 'library',
        ruleNote: `kept by rule '${query} → keep'`,
      })

      const { page, errors, openView, rows } = await openLibrary(server, viewport)
      await openView('all')
      await expect.poll(() => page.getByTestId('count-all').textContent()).toBe(String(kept.length))
      await rows.nth(0).click()
      const note = page.getByTestId('rule-note')
      await expect
        .poll(() => note.textContent())
        .toBe(`Arrival rules: kept by rule '${query} → keep'`)
      await expect.poll(() => note.isVisible()).toBe(true)
      expect(await page.getByTestId('detail-pane').locator('img').count()).toBe(0)
      expect(await page.evaluate(() => (window as { __ruleNoteRan?: boolean }).__ruleNoteRan)).toBe(
        undefined,
      )
      expect(
        await page.evaluate(() => document.activeElement?.closest('.paper-list') !== null),
      ).toBe(true)

      // a paper no rule touched shows no note
      await openView('inbox')
      await rows.nth(0).click()
      await expect.poll(async () => (await cursor(page)).detail).toMatch(/^(?!Diffusion)/)
      await expect.poll(() => note.count()).toBe(0)
      expect(errors).toEqual([])
      await page.close()
    })
  }

  it("edits a source's arrival rules in its settings, testing each against the papers already there", async () => {
    const server = await startLibrary('papershelf-rules-')
    const source = await server.api.addSource({ ...WEEK, name: 'HF week' })
    await server.api.syncSource({ id: source.id })
    const page = await browser.newPage({ viewport: VIEWPORTS[0] })
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Arrival rules of HF week' }).click()
    const dialog = page.getByRole('dialog', { name: 'Arrival rules of HF week' })
    await dialog.getByRole('textbox', { name: 'When a paper matches' }).fill('robot')
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/would match 7 of the papers HF week brought/)
    await dialog.getByRole('combobox', { name: 'Then' }).selectOption('dismiss')
    await dialog.getByRole('button', { name: 'Add rule' }).click()
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Rules' }).textContent())
      .toMatch(/robot → dismiss/)
    expect(await server.api.listArrivalRules({ sourceId: source.id })).toMatchObject([
      { query: 'robot', action: 'dismiss' },
    ])
    await dialog.getByRole('button', { name: 'Remove the rule robot → dismiss' }).click()
    await expect.poll(async () => (await server.api.listArrivalRules({})).length).toBe(0)
    // The removed rule took the focus with it: the message that replaced it has it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('No rules yet: every paper from this source lands in the inbox.')
    await page.close()
  })
})
