// The PDF reader in real Chromium over the browser door: time from "Read PDF" to the first page
// painted (canvas with ink) for a 30-page and a 300-page PDF, cold and warm; then the pages' memory
// (live canvases, their backing bytes, JS heap, DOM nodes) before and after scrolling the 300-page
// PDF end to end, and pdf.js text extraction time in Node. Needs `npm run build` and Chromium.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { PaperId } from '@shared/model/ids'
import { createClient } from '@shared/rpc/create-client'
import type { Page } from 'playwright-core'
import { createCore } from '../src/main/core/create-core'
import { extractPdfText } from '../src/main/core/pdf/pdf-text'
import { DEFAULT_PDF_BUDGET } from '../src/main/core/pdf/pdf-worker-client'
import { startHeadless } from '../src/main/headless'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { launchChromium } from '../test/helpers/launch-chromium'
import { makeTestPdf } from '../test/helpers/test-pdfs'

const RENDERER = fileURLToPath(new URL('../out/renderer', import.meta.url))
const RUNS = 5

type Memory = {
  canvases: number
  canvasMB: number
  heapMB: number
  nodes: number
  elements: number
  renderedPages: number
}

/** A library with a 30-page and a 300-page PDF attached to two papers. */
async function buildLibrary(): Promise<{
  dir: string
  small: PaperId
  large: PaperId
  file300: string
}> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-pdf-bench-'))
  const core = createCore({ dataDir: dir })
  try {
    const api = createClient(inProcessTransport(core))
    const ids = (
      await api.importText({ text: '2401.00030\n2401.00300\n', format: 'ids', sourceName: 'bench' })
    ).paperIds
    const [small, large] = ids as [PaperId, PaperId]
    const pdf30 = await makeTestPdf({ pages: 30, outline: true, image: true })
    const pdf300 = await makeTestPdf({ pages: 300, outline: true, image: true })
    await api.attachPdf({
      id: small,
      data: Buffer.from(pdf30).toString('base64'),
      name: '30.pdf',
      waitForText: true,
    })
    await api.attachPdf({
      id: large,
      data: Buffer.from(pdf300).toString('base64'),
      name: '300.pdf',
      waitForText: true,
    })
    const file300 = (await api.pdfUrl({ id: large }))?.file ?? ''
    console.log(
      `  PDFs: 30 pages ${(pdf30.length / 1024).toFixed(0)} KB, 300 pages ${(pdf300.length / 1024).toFixed(0)} KB`,
    )
    return { dir, small, large, file300 }
  } finally {
    core.close()
  }
}

/**
 * Milliseconds, measured in the page, from the click on "Read PDF" to the first animation frame
 * in which the first page's canvas has ink (Playwright's own click overhead is left out).
 */
export async function timeToFirstPage(page: Page, title: string): Promise<number> {
  await page.getByRole('option', { name: title }).click()
  await page.evaluate(() => {
    const w = window as unknown as { __readClick?: number }
    w.__readClick = 0
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest('button')?.textContent?.includes('Read PDF')) {
          w.__readClick = performance.now()
        }
      },
      { capture: true, once: true },
    )
  })
  await page.getByRole('button', { name: 'Read PDF' }).click()
  const handle = await page.waitForFunction(
    () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.pdfViewer .page canvas')
      if (!canvas || canvas.width === 0) return false
      const data = canvas
        .getContext('2d')
        ?.getImageData(0, 0, canvas.width, Math.min(canvas.height, 200)).data
      if (!data) return false
      for (let i = 0; i < data.length; i += 16) {
        if ((data[i] ?? 255) < 200) {
          return (
            performance.now() - ((window as unknown as { __readClick?: number }).__readClick ?? 0)
          )
        }
      }
      return false
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  )
  const elapsed = (await handle.jsonValue()) as number
  await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
  await page.getByTestId('reader').waitFor({ state: 'detached' })
  return elapsed
}

async function memory(page: Page): Promise<Memory> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0
  const canvases = await page.evaluate(() => {
    const list = [...document.querySelectorAll('canvas')]
    return {
      count: list.length,
      bytes: list.reduce((sum, c) => sum + c.width * c.height * 4, 0),
      elements: document.getElementsByTagName('*').length,
      renderedPages: document.querySelectorAll('.pdfViewer .page .canvasWrapper canvas').length,
    }
  })
  await cdp.detach()
  return {
    canvases: canvases.count,
    canvasMB: canvases.bytes / 1024 / 1024,
    heapMB: metric('JSHeapUsedSize') / 1024 / 1024,
    nodes: metric('Nodes'),
    elements: canvases.elements,
    renderedPages: canvases.renderedPages,
  }
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const fmt = (m: Memory) =>
  `${m.renderedPages} pages drawn, ${m.canvases} canvases (${m.canvasMB.toFixed(1)} MB of pixels), JS heap ${m.heapMB.toFixed(1)} MB, ${m.elements} elements in the document (${m.nodes} nodes incl. detached)`

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const { dir, file300 } = await buildLibrary()
  const started = performance.now()
  const text = await extractPdfText(file300, DEFAULT_PDF_BUDGET)
  console.log(
    `  text extraction in Node (pdf.js): 300 pages in ${(performance.now() - started).toFixed(0)} ms (${text.pages.join('').length} chars)`,
  )
  const server = await startHeadless({ dataDir: dir, rendererDir: RENDERER })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(server.url)
    await page.getByRole('option', { name: 'arXiv:2401.00030' }).waitFor()
    for (const [label, title] of [
      ['30 pages', 'arXiv:2401.00030'],
      ['300 pages', 'arXiv:2401.00300'],
    ] as const) {
      const times: number[] = []
      for (let i = 0; i < RUNS; i += 1) times.push(await timeToFirstPage(page, title))
      const [cold = NaN, ...warm] = times
      console.log(
        `  first page visible, ${label}: first open ${cold.toFixed(0)} ms, then median ${median(warm).toFixed(0)} ms (${warm.map((t) => t.toFixed(0)).join(', ')}) [goal ≤ 400 ms]`,
      )
    }

    await page.getByRole('option', { name: 'arXiv:2401.00300' }).click()
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await page.locator('.pdfViewer .page canvas').first().waitFor()
    await page.waitForTimeout(500)
    const before = await memory(page)
    const scroller = page.getByTestId('pdf-scroll')
    const scrollStarted = performance.now()
    const samples: Memory[] = []
    for (let step = 0; ; step += 1) {
      const done = await scroller.evaluate((el) => {
        el.scrollTop += el.clientHeight
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2
      })
      await page.waitForTimeout(40)
      if (step % 60 === 0) samples.push(await memory(page))
      if (done) break
    }
    const scrollMs = performance.now() - scrollStarted
    await page.waitForTimeout(800)
    const after = await memory(page)
    const lastPage = await page.getByRole('textbox', { name: 'Page number' }).inputValue()
    console.log(
      `  scrolled the 300-page PDF end to end (to page ${lastPage}) in ${(scrollMs / 1000).toFixed(1)} s`,
    )
    console.log(`  page memory at page 1:     ${fmt(before)}`)
    for (const [i, s] of samples.entries()) {
      console.log(`    during scroll (sample ${i + 1}): ${fmt(s)}`)
    }
    console.log(`  page memory at the end:    ${fmt(after)} [goal: flat]`)
  } finally {
    await browser.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
