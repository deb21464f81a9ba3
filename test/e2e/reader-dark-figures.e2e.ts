import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeVectorFigurePdf, VECTOR_FIGURE } from '../helpers/test-pdfs'

const PAGE = { width: 612, height: 792 }

describe('e2e/reader dark pages keep vector figures as they are', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let paperId: PaperId

  /** The overlays of page 1: where they sit (fractions of the page) and how they show. */
  const overlays = () =>
    page.locator('.page[data-page-number="1"] .pdf-picture').evaluateAll((nodes) =>
      nodes.map((node) => {
        const canvas = node as HTMLCanvasElement
        const style = getComputedStyle(canvas)
        return {
          left: parseFloat(canvas.style.left) / 100,
          top: parseFloat(canvas.style.top) / 100,
          width: parseFloat(canvas.style.width) / 100,
          height: parseFloat(canvas.style.height) / 100,
          display: style.display,
          filter: style.filter,
        }
      }),
    )

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-dark-figures-'))
    server = await startTestServer(dataDir)
    paperId = (
      await server.api.importText({ text: '2401.00041\n', format: 'ids', sourceName: 'ids' })
    ).paperIds[0] as PaperId
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(await makeVectorFigurePdf()).toString('base64'),
      name: 'chart.pdf',
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(server.url)
    const row = page.locator(`[data-paper-id="${paperId}"]`)
    await row.waitFor({ timeout: 15_000 })
    await row.click()
    await page.keyboard.press('Enter')
    await page
      .locator('.pdfViewer .page[data-page-number="1"] canvas')
      .first()
      .waitFor({ timeout: 20_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows the chart uninverted over the dark page, and the ruled table inverted with the text', async () => {
    const dark = page.getByRole('button', { name: 'Dark', exact: true })
    await dark.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.pdf-viewer--dark').count()).toBe(1)
    await expect.poll(async () => (await overlays()).length, { timeout: 10_000 }).toBe(1)
    const [chart] = await overlays()
    if (!chart) throw new Error('no overlay')
    expect(chart.display).toBe('block')
    expect(chart.filter).toBe('none')
    // placed on the chart: its rectangle, within two points
    const [x0, y0, x1, y1] = VECTOR_FIGURE.chart
    const near = (value: number, expected: number, size: number) =>
      expect(Math.abs(value - expected) * size).toBeLessThan(3)
    near(chart.left, x0 / PAGE.width, PAGE.width)
    near(chart.top, (PAGE.height - y1) / PAGE.height, PAGE.height)
    near(chart.width, (x1 - x0) / PAGE.width, PAGE.width)
    near(chart.height, (y1 - y0) / PAGE.height, PAGE.height)
    // what it shows is the page as printed: the first bar red, the chart's ground white
    const colours = await page.locator('.page[data-page-number="1"] .pdf-picture').evaluate(
      (node, points) => {
        const canvas = node as HTMLCanvasElement
        return points.map(([fx, fy]) => [
          ...(canvas
            .getContext('2d')
            ?.getImageData(Math.floor(fx * canvas.width), Math.floor(fy * canvas.height), 1, 1)
            .data ?? []),
        ])
      },
      [
        [37 / (x1 - x0), (y1 - (y0 + 20)) / (y1 - y0)],
        [(200 - x0) / (x1 - x0), (y1 - 470) / (y1 - y0)],
      ] as Array<[number, number]>,
    )
    const [bar, ground] = colours as [number[], number[]]
    expect(bar[0]).toBeGreaterThan(180)
    expect(bar[1]).toBeLessThan(100)
    expect(ground.slice(0, 3).every((channel) => channel > 230)).toBe(true)
    // the table stays with the text: inverted, no overlay over it
    const [, ty0, , ty1] = VECTOR_FIGURE.table
    expect(chart.top + chart.height).toBeLessThan((PAGE.height - ty1) / PAGE.height)
    expect((PAGE.height - ty0) / PAGE.height).toBeGreaterThan(chart.top)
    await page.screenshot({ path: '/tmp/papershelf-dark-figures.png' })
    // light pages show no overlay
    await dark.click()
    await expect.poll(() => page.locator('.pdf-viewer--dark').count()).toBe(0)
    expect((await overlays()).every((overlay) => overlay.display === 'none')).toBe(true)
  })
})
