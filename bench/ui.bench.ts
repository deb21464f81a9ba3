// The library screen in real Chromium: how long from starting the server to the first rows on
// screen with a 50k-paper library, and the page's JS heap after scrolling through 100k rows.
// Needs `npm run build` first (the built renderer) and Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createClient } from '@shared/rpc/create-client'
import { createCore } from '../src/main/core/create-core'
import { startHeadless } from '../src/main/headless'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { launchChromium } from '../test/helpers/launch-chromium'
import { generateLibrary } from './generate-library'
import { applyGeneratedUserData, importGeneratedDrafts } from './seed-library'

const RENDERER = fileURLToPath(new URL('../out/renderer', import.meta.url))
const FIRST_PAINT_SIZE = 50_000
const SCROLL_SIZE = 100_000
const COLD_RUNS = 3

/** Scrolls `.paper-list` to the bottom a screen per frame, then reads the last row's name. */
const SCROLL_SCRIPT = `(async () => {
  const list = document.querySelector('.paper-list')
  if (!list) throw new Error('no paper list')
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  let steps = 0
  let maxRows = 0
  while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
    list.scrollTop += list.clientHeight
    await frame()
    steps += 1
    maxRows = Math.max(maxRows, list.querySelectorAll('.paper-list__item').length)
  }
  for (let i = 0; i < 300; i += 1) {
    const rows = list.querySelectorAll('[role="option"]')
    const last = rows[rows.length - 1]
    if (last && last.getBoundingClientRect().bottom >= list.getBoundingClientRect().bottom - 80) break
    await frame()
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  const rows = list.querySelectorAll('[role="option"]')
  return { steps, maxRows, lastLabel: rows[rows.length - 1]?.getAttribute('aria-label') ?? null }
})()`

/** Builds a generated library of `count` papers (with tags, stars and statuses) in a temp folder. */
async function buildLibrary(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `papershelf-ui-bench-${count}-`))
  const started = performance.now()
  const library = generateLibrary({ count, seed: 7 })
  const ids = importGeneratedDrafts(dir, library)
  const core = createCore({ dataDir: dir })
  try {
    await applyGeneratedUserData(createClient(inProcessTransport(core)), library, ids)
  } finally {
    core.close()
  }
  console.log(
    `  built ${count.toLocaleString('en')} papers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  return dir
}

/** Milliseconds from `startHeadless` to the first paper row painted in a fresh page. */
async function serveToFirstRows(dir: string): Promise<{ total: number; serverMs: number }> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const started = performance.now()
    const server = await startHeadless({ dataDir: dir, rendererDir: RENDERER })
    const serverMs = performance.now() - started
    try {
      await page.goto(server.url)
      // Resolved in the page, on the frame after the first row entered the DOM.
      await page.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            const row = document.querySelector('[role="listbox"] [role="option"]')
            if (!row) return resolve(false)
            requestAnimationFrame(() => resolve(true))
          }),
        undefined,
        { polling: 'raf', timeout: 30_000 },
      )
      return { total: performance.now() - started, serverMs }
    } finally {
      await server.close()
    }
  } finally {
    await browser.close()
  }
}

/** Scrolls the list from top to bottom in screen-sized steps; returns the heap and what was seen. */
async function scrollThrough(dir: string): Promise<void> {
  const browser = await launchChromium()
  const server = await startHeadless({ dataDir: dir, rendererDir: RENDERER })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(server.url)
    await page.waitForSelector('[role="listbox"] [role="option"]')
    const cdp = await page.context().newCDPSession(page)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
      return usage.usedSize / 1024 / 1024
    }
    const before = await heap()
    const started = performance.now()
    // A string, so the bundler's helpers (esbuild's __name) never reach the page.
    const result = await page.evaluate<{
      steps: number
      maxRows: number
      lastLabel: string | null
    }>(SCROLL_SCRIPT)
    const scrollMs = performance.now() - started
    const after = await heap()
    console.log(
      `  scrolled ${SCROLL_SIZE.toLocaleString('en')} rows in ${result.steps} screens (${(scrollMs / 1000).toFixed(1)} s); at most ${result.maxRows} rows in the DOM`,
    )
    console.log(`  last row: ${result.lastLabel?.slice(0, 70) ?? '(none)'}`)
    console.log(
      `  renderer JS heap: ${before.toFixed(1)} MB after first paint, ${after.toFixed(1)} MB after the scroll (goal ≤ 200 MB)`,
    )
  } finally {
    await server.close()
    await browser.close()
  }
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const small = await buildLibrary(FIRST_PAINT_SIZE)
  try {
    const runs: Array<{ total: number; serverMs: number }> = []
    for (let i = 0; i < COLD_RUNS; i += 1) runs.push(await serveToFirstRows(small))
    const totals = runs.map((r) => r.total).sort((a, b) => a - b)
    console.log(
      `  serve start → first rows painted, ${FIRST_PAINT_SIZE.toLocaleString('en')} papers: median ${totals[Math.floor(totals.length / 2)]?.toFixed(0)} ms (runs ${runs.map((r) => `${r.total.toFixed(0)} ms: server up in ${r.serverMs.toFixed(0)} ms, page to rows ${(r.total - r.serverMs).toFixed(0)} ms`).join('; ')}) (goal ≤ 1500 ms)`,
    )
  } finally {
    rmSync(small, { recursive: true, force: true })
  }
  const large = await buildLibrary(SCROLL_SIZE)
  try {
    await scrollThrough(large)
  } finally {
    rmSync(large, { recursive: true, force: true })
  }
}
