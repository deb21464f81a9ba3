import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HF_PAGE_COPY, readFixture } from '../helpers/fixtures'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const

const LIST = 'Reading group'

describe(
  'e2e/a list in its own order: moved by keyboard and by mouse',
  { timeout: 180_000 },
  () => {
    let dataDir: string
    let server: TestServer
    let browser: Browser
    let listId: number
    let papers: PaperId[]

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'papershelf-list-order-'))
      server = await startTestServer(dataDir)
      const report = await server.api.importText({
        text: readFixture(HF_PAGE_COPY),
        format: 'hf-page',
        sourceName: 'page',
      })
      const [a, b, c, d, e] = report.paperIds as PaperId[]
      papers = [d, a, e, b, c] as PaperId[]
      listId = (await server.api.createList({ name: LIST })).id
      await server.api.addToList({ listId, ids: papers })
      browser = await launchChromium()
    })

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    })

    /** The list's order as the core keeps it. */
    const stored = async () =>
      (await server.api.listPaperRows({ listId, sort: 'list', limit: 100 })).rows.map((r) => r.id)

    /** The rows on screen, top to bottom (rows are drawn by place, so read their offsets). */
    const shown = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.paper-list [data-paper-id]')]
          .map((row) => ({ id: Number(row.dataset.paperId), top: row.getBoundingClientRect().top }))
          .sort((x, y) => x.top - y.top)
          .map((row) => row.id),
      )
    const focusedRow = (page: Page) =>
      page.evaluate(() =>
        Number(document.querySelector<HTMLElement>('.paper-list .is-focused')?.dataset.paperId),
      )
    const activeRow = (page: Page) =>
      page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.paperId))

    /** Opens the list from the sidebar (the drawer in a narrow window). */
    const openList = async (page: Page) => {
      await page.goto(server.url)
      await page.getByRole('listbox', { name: 'Papers' }).waitFor()
      const drawer = page.getByRole('button', { name: 'Library sidebar' })
      if (await drawer.isVisible()) await drawer.click()
      await page.getByRole('button', { name: new RegExp(`^${LIST}`) }).click()
      await expect.poll(() => page.locator('.list-header__title').textContent()).toBe(LIST)
      await expect.poll(async () => (await shown(page)).length).toBe(5)
    }

    for (const size of SIZES) {
      it(`at ${size.width}×${size.height}: Alt+↑/↓ move the focused paper, a drag moves a row, and the order stays after a reload`, async () => {
        const page = await browser.newPage({ viewport: size })
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        try {
          await openList(page)
          // a list opens in its own order
          expect(await page.getByLabel('Sort by').inputValue()).toBe('list')
          const start = await stored()
          expect(await shown(page)).toEqual(start)
          const [p1, p2, p3, p4, p5] = start as [PaperId, PaperId, PaperId, PaperId, PaperId]

          // keyboard: the third paper moves up, then down twice, keeping the focus
          await page.locator(`.paper-list [data-paper-id="${p3}"]`).click()
          expect(await focusedRow(page)).toBe(p3)
          await page.keyboard.press('Alt+ArrowUp')
          await expect.poll(() => shown(page)).toEqual([p1, p3, p2, p4, p5])
          expect(await focusedRow(page)).toBe(p3)
          expect(await activeRow(page)).toBe(p3)
          await expect.poll(stored).toEqual([p1, p3, p2, p4, p5])
          await page.keyboard.press('Alt+ArrowDown')
          await page.keyboard.press('Alt+ArrowDown')
          await expect.poll(stored).toEqual([p1, p2, p4, p3, p5])
          await expect.poll(() => shown(page)).toEqual([p1, p2, p4, p3, p5])
          expect(await focusedRow(page)).toBe(p3)
          expect(await activeRow(page)).toBe(p3)
          // Ctrl+Z takes the last move back
          await page.keyboard.press('Control+z')
          await expect.poll(stored).toEqual([p1, p2, p3, p4, p5])
          await expect.poll(() => shown(page)).toEqual([p1, p2, p3, p4, p5])

          // mouse: the first row dragged onto the lower half of the fourth lands below it
          const target = page.locator(`.paper-list [data-paper-id="${p4}"]`)
          const box = await target.boundingBox()
          if (!box) throw new Error('the fourth row is on screen')
          await page.dragAndDrop(
            `.paper-list [data-paper-id="${p1}"]`,
            `.paper-list [data-paper-id="${p4}"]`,
            { targetPosition: { x: box.width / 2, y: box.height - 8 } },
          )
          await expect.poll(stored).toEqual([p2, p3, p4, p1, p5])
          await expect.poll(() => shown(page)).toEqual([p2, p3, p4, p1, p5])
          // and the last onto the upper half of the first, above it
          const first = await page.locator(`.paper-list [data-paper-id="${p2}"]`).boundingBox()
          if (!first) throw new Error('the first row is on screen')
          await page.dragAndDrop(
            `.paper-list [data-paper-id="${p5}"]`,
            `.paper-list [data-paper-id="${p2}"]`,
            { targetPosition: { x: first.width / 2, y: 6 } },
          )
          await expect.poll(stored).toEqual([p5, p2, p3, p4, p1])

          // the order is the library's: a reload shows it
          await openList(page)
          expect(await shown(page)).toEqual([p5, p2, p3, p4, p1])
          await page.screenshot({ path: `/tmp/papershelf-list-order-${size.width}.png` })
          // another sort is offered and drawn; the list order comes back when chosen
          await page.getByLabel('Sort by').selectOption('title')
          await expect.poll(() => shown(page)).not.toEqual([p5, p2, p3, p4, p1])
          await page.getByLabel('Sort by').selectOption('list')
          await expect.poll(() => shown(page)).toEqual([p5, p2, p3, p4, p1])
          // List order is a list's own: other views do not offer it
          await page.goto(server.url)
          await page.getByRole('listbox', { name: 'Papers' }).waitFor()
          const options = await page.getByLabel('Sort by').locator('option').allTextContents()
          expect(options).not.toContain('List order')
          expect(errors).toEqual([])
        } finally {
          await page.close()
        }
      })
    }
  },
)
