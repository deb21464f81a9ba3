// Annotations in the reader, in real Chromium over the browser door: time from "Read PDF" to the
// first page painted for the same 300-page PDF without and with 1,000 annotations (goal: within
// 10 %), long tasks while the Annotations panel scrolls its 1,000 entries end to end (goal: none),
// and the core's cost of listing and exporting them. Needs `npm run build` and Chromium.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { PaperId } from '@shared/model/ids'
import { createClient } from '@shared/rpc/create-client'
import { createCore } from '../src/main/core/create-core'
import { startHeadless } from '../src/main/headless'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { launchChromium } from '../test/helpers/launch-chromium'
import { makeTestPdf } from '../test/helpers/test-pdfs'
import { median, timeToFirstPage } from './pdf.bench'

const RENDERER = fileURLToPath(new URL('../out/renderer', import.meta.url))
const RUNS = 7
const ANNOTATIONS = 1_000
const PLAIN = 'arXiv:2401.00301'
const MARKED = 'arXiv:2401.00302'

/** Two papers sharing one 300-page PDF; the second gets 1,000 highlights over its pages. */
async function buildLibrary(): Promise<{ dir: string; marked: PaperId }> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-annotations-bench-'))
  const core = createCore({ dataDir: dir })
  try {
    const api = createClient(inProcessTransport(core))
    const [plain, marked] = (
      await api.importText({ text: '2401.00301\n2401.00302\n', format: 'ids', sourceName: 'bench' })
    ).paperIds as [PaperId, PaperId]
    const pdf = Buffer.from(await makeTestPdf({ pages: 300, outline: true, image: true })).toString(
      'base64',
    )
    await api.attachPdf({ id: plain, data: pdf, name: '300.pdf', waitForText: true })
    await api.attachPdf({ id: marked, data: pdf, name: '300.pdf', waitForText: true })
    const started = performance.now()
    for (let i = 0; i < ANNOTATIONS; i += 1) {
      const page = 1 + (i % 300)
      const line = 1 + Math.floor(i / 300) * 7
      const y = 700 - (line - 1) * 22
      await api.addAnnotation({
        paperId: marked,
        kind: 'highlight',
        color: (['yellow', 'red', 'green', 'blue', 'purple'] as const)[i % 5],
        page,
        rects: [[60, y - 3, 470, y + 11]],
        quote: `Line ${line} of page ${page}`,
        ...(i % 3 === 0 ? { comment: `Comment ${i}: compare with the appendix.` } : {}),
      })
    }
    const added = performance.now() - started
    const listStarted = performance.now()
    const list = await api.listAnnotations({ paperId: marked })
    const listed = performance.now() - listStarted
    const exportStarted = performance.now()
    const exported = await api.exportAnnotations({ ids: [marked] })
    const exportMs = performance.now() - exportStarted
    console.log(
      `  core: ${ANNOTATIONS} annotations added in ${added.toFixed(0)} ms (${(added / ANNOTATIONS).toFixed(2)} ms each, one transaction each); listed (${list.annotations.length}) in ${listed.toFixed(1)} ms; exported as Markdown (${((exported.files[0]?.markdown.length ?? 0) / 1024) | 0} KB) in ${exportMs.toFixed(0)} ms`,
    )
    return { dir, marked }
  } finally {
    core.close()
  }
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const { dir } = await buildLibrary()
  const server = await startHeadless({ dataDir: dir, rendererDir: RENDERER })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(server.url)
    await page.getByRole('option', { name: PLAIN }).waitFor()
    const times: Record<string, number[]> = { [PLAIN]: [], [MARKED]: [] }
    // Alternate, so a busy moment on the machine hits both alike; the first of each is cold.
    for (let i = 0; i < RUNS; i += 1) {
      for (const title of [PLAIN, MARKED]) times[title]?.push(await timeToFirstPage(page, title))
    }
    const warm = (title: string) => median(times[title]?.slice(1) ?? [])
    const [plain, marked] = [warm(PLAIN), warm(MARKED)]
    const show = (title: string) => (times[title] ?? []).map((t) => t.toFixed(0)).join(', ')
    console.log(
      `  first page visible, 300 pages, no annotations:    median ${plain.toFixed(0)} ms (${show(PLAIN)})`,
    )
    console.log(
      `  first page visible, 300 pages, 1,000 annotations: median ${marked.toFixed(0)} ms (${show(MARKED)})`,
    )
    console.log(
      `  difference: ${(((marked - plain) / plain) * 100).toFixed(1)} % [goal: within 10 %]`,
    )

    await page.getByRole('option', { name: MARKED }).click()
    await page.getByRole('button', { name: 'Read PDF' }).click()
    const list = page
      .getByRole('complementary', { name: 'Annotations' })
      .getByTestId('annotation-list')
    await page.waitForFunction(
      (n) => document.querySelector('.ps-panel__count')?.textContent === String(n),
      ANNOTATIONS,
      { timeout: 30_000 },
    )
    await page.waitForTimeout(2_000)
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] }
      w.__long = []
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) w.__long.push(entry.duration)
      }).observe({ type: 'longtask' })
    })
    // The same time without scrolling: what the machine and the viewer cost by themselves.
    const idleLong = async (ms: number) => {
      await page.evaluate(() => {
        ;(window as unknown as { __long: number[] }).__long.length = 0
      })
      await page.waitForTimeout(ms)
      return page.evaluate(() => [...(window as unknown as { __long: number[] }).__long])
    }
    const scroll = await list.evaluate(async (element) => {
      const panel = element.closest<HTMLElement>('.ps-panel__scroll')
      if (!panel) return { frames: 0, ms: 0 }
      const started = performance.now()
      let frames = 0
      while (panel.scrollTop + panel.clientHeight < panel.scrollHeight - 2) {
        panel.scrollTop += panel.clientHeight / 2
        frames += 1
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
      return { frames, ms: performance.now() - started }
    })
    await page.waitForTimeout(300)
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long)
    const baseline = await idleLong(scroll.ms)
    console.log(
      `  the same time without scrolling: ${baseline.length} long tasks${baseline.length > 0 ? ` (longest ${Math.max(...baseline).toFixed(0)} ms)` : ''}`,
    )
    console.log(
      `  panel scrolled through ${ANNOTATIONS} entries in ${scroll.frames} steps, ${(scroll.ms / scroll.frames).toFixed(1)} ms a frame; long tasks: ${long.length}${long.length > 0 ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''} [goal: 0]`,
    )
  } finally {
    await browser.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
