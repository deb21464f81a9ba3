import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@retorquere/bibtex-parser'
import type { Browser, Locator, Page } from 'playwright-core'
import type { UserList } from '@shared/api/library-ui'
import type { PaperId } from '@shared/model/ids'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/launch-chromium'
import {
  closeLibraryPage,
  openLibraryPage,
  paperListHasFocus,
  runCommand,
  VIEWPORTS,
} from '../helpers/library-page'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const BIB = `@article{a, title={Attention Is All You Need}, author={Vaswani, Ashish}, year={2017}, doi={10.1000/a}}
@article{b, title={Deep Residual Learning}, author={He, Kaiming}, year={2016}, doi={10.1000/b}}
`

/** The citation keys of a BibTeX file, read by an independent parser. */
function keysOf(path: string): string[] {
  const parsed = parse(readFileSync(path, 'utf8'))
  expect(parsed.errors).toEqual([])
  return parsed.entries.map((entry) => entry.key).sort()
}

describe.each(VIEWPORTS)('e2e/auto-exports dialog at $width×$height', (viewport) => {
  let dataDir: string
  let outDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let listId: UserList['id']
  let secondPaper: PaperId

  const dialog = () => page.getByRole('dialog', { name: 'Auto-exports' })
  /** A locator's text now, or null when it is not there (a poll must not wait on it). */
  const text = (locator: Locator) =>
    locator.count().then((n) => (n === 0 ? null : locator.first().textContent()))
  const kept = () => dialog().getByTestId('auto-exports')
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement
      return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent ?? ''}` : ''
    })
  /** At 900 px the sidebar is a drawer: open it to reach the tags and lists. */
  const showSidebar = async () => {
    const drawer = page.getByRole('button', { name: 'Library sidebar' })
    if ((await drawer.count()) > 0 && (await drawer.getAttribute('aria-expanded')) !== 'true') {
      await drawer.click()
    }
  }
  const fitsTheWindow = async () => {
    const box = await dialog().boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? -1) >= 0).toBe(true)
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width)
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-auto-exports-ui-'))
    outDir = mkdtempSync(join(tmpdir(), 'papershelf-auto-exports-out-'))
    server = await startTestServer(dataDir)
    const { paperIds } = await server.api.importText({
      text: BIB,
      format: 'bibtex',
      sourceName: 'refs.bib',
      tags: ['llm'],
    })
    const list = await server.api.createList({ name: 'Thesis' })
    listId = list.id
    const [first, second] = paperIds as [PaperId, PaperId]
    secondPaper = second
    await server.api.addToList({ listId: list.id, ids: [first] })
    browser = await launchChromium()
    page = await openLibraryPage(browser, server.url, viewport)
  })

  afterAll(() => closeLibraryPage(browser, server, dataDir, outDir))

  it('adds a file for a tag from its ⋯ menu by keyboard and hands the focus back', async () => {
    await showSidebar()
    const manage = page.getByRole('button', { name: 'Manage tag llm' })
    await manage.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('menuitem', { name: 'Auto-export…' }).focus()
    await page.keyboard.press('Enter')
    await dialog().waitFor()
    expect(
      await dialog().getByRole('heading', { name: 'Keep a file in step with tag llm' }).count(),
    ).toBe(1)
    await expect.poll(() => dialog().getByTestId('auto-exports-empty').count()).toBe(1)

    // Focus starts in the file field; Enter adds.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).placeholder))
      .toMatch(/refs\.bib/)
    const target = join(outDir, 'llm.bib')
    await page.keyboard.type(target)
    await page.keyboard.press('Enter')
    await expect
      .poll(() => text(dialog().getByRole('status')))
      .toBe(`Wrote ${target}; it is kept in step from now on.`)
    await expect.poll(() => text(kept())).toMatch(/BibTeX of tag llm.*llm\.bib.*Written /)
    expect(keysOf(target)).toEqual(['he2016deep', 'vaswani2017attention'])
    await fitsTheWindow()

    // A path that is not absolute is refused in the dialog, which keeps what was typed.
    await dialog().getByLabel('File (full path)').fill('refs.bib')
    await page.keyboard.press('Enter')
    await expect.poll(() => text(dialog().getByRole('alert'))).toMatch(/absolute/)
    expect(await dialog().getByLabel('File (full path)').inputValue()).toBe('refs.bib')

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog().count()).toBe(0)
    await expect.poll(focused).toBe('BUTTON:Manage tag llm')
  })

  it('adds a list’s file by mouse, follows changes made elsewhere, writes now and removes', async () => {
    await showSidebar()
    await page.getByRole('button', { name: 'Manage list Thesis' }).click()
    await page.getByRole('menuitem', { name: 'Auto-export…' }).click()
    await dialog().waitFor()
    const listTarget = join(outDir, 'thesis', 'thesis.bib')
    await dialog().getByLabel('File (full path)').fill(listTarget)
    await dialog().getByLabel('Format').selectOption('biblatex')
    await dialog().getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => text(kept())).toMatch(/BibLaTeX of list Thesis.*thesis\.bib/)
    expect(keysOf(listTarget)).toEqual(['vaswani2017attention'])

    // Another window (or the CLI through the app) adds one: it shows without reopening.
    const other = join(outDir, 'all.bib')
    await server.api.addAutoExport({
      scope: { kind: 'tag', tag: 'llm' },
      format: 'ris',
      path: other,
    })
    await expect.poll(() => text(kept())).toMatch(/RIS of tag llm.*all\.bib/)

    // The list's folder becomes a file: the rewrite after the next change fails, and says why.
    rmSync(join(outDir, 'thesis'), { recursive: true })
    writeFileSync(join(outDir, 'thesis'), 'not a folder')
    await server.api.addToList({ listId, ids: [secondPaper] })
    await expect
      .poll(() => text(kept().locator(`li:has-text("thesis.bib") .auto-export__error`)), {
        timeout: 15_000,
      })
      .toMatch(/^Last attempt failed: .*thesis/)

    // A file deleted by hand is written again at once.
    const tagTarget = join(outDir, 'llm.bib')
    rmSync(tagTarget)
    await dialog()
      .getByRole('button', { name: `Write ${tagTarget} now` })
      .click()
    await expect
      .poll(() => text(dialog().getByRole('status')))
      .toBe(`Wrote ${tagTarget} (2 papers).`)
    expect(existsSync(tagTarget)).toBe(true)

    // Remove asks once more; the file stays.
    await dialog()
      .getByRole('button', { name: `Stop keeping ${listTarget}` })
      .click()
    await dialog()
      .getByRole('button', { name: `Confirm: stop keeping ${listTarget}` })
      .click()
    await expect.poll(() => kept().locator('li').count()).toBe(2)
    // The focus goes to the row that took the removed one's place.
    await expect.poll(focused).toBe(`BUTTON:Stop keeping ${other}`)
    expect((await server.api.listAutoExports({})).map((item) => item.path).sort()).toEqual(
      [other, tagTarget].sort(),
    )
    await fitsTheWindow()
    await dialog().getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => dialog().count()).toBe(0)
    await expect.poll(focused).toBe('BUTTON:Manage list Thesis')
  })

  it('opens from the command palette outside a tag or list, and gives the list its focus back', async () => {
    await page.keyboard.press('Escape')
    await page.locator('.paper-list').focus()
    await runCommand(page, 'auto-exports')
    await dialog().waitFor()
    // Not in a tag or list: nothing to add for, the kept files are listed.
    expect(await dialog().getByTestId('auto-exports-no-target').count()).toBe(1)
    await expect.poll(() => kept().locator('li').count()).toBe(2)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog().count()).toBe(0)
    await expect.poll(() => paperListHasFocus(page)).toBe(true)
  })
})
