// Triage in real Chromium: 100 papers triaged by key (keep, dismiss, delete in turn) in an inbox
// of 50k papers; from each key to the next paper painted under the cursor (p50, p95, max), and
// the renderer tasks over 50 ms during those keys, with the list requests they made.
// Needs `npm run build` first (the built renderer and CLI) and Debian's Chromium.
// PAPERSHELF_BENCH_TRIAGE_SIZE and PAPERSHELF_BENCH_TRIAGE_KEYS shorten it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createClient } from '@shared/rpc/create-client'
import { createCore } from '../src/main/core/create-core'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { launchChromium } from '../test/helpers/launch-chromium'
import { generateLibrary } from './generate-library'
import { importGeneratedDrafts } from './seed-library'
import { serveInChild } from './ui.bench'

const SIZE = Number(process.env.PAPERSHELF_BENCH_TRIAGE_SIZE ?? 50_000)
const KEYS = Number(process.env.PAPERSHELF_BENCH_TRIAGE_KEYS ?? 100)
/** Keep, dismiss, delete: one key each, in turn. */
const TRIAGE_KEYS = ['a', 'd', 'Delete'] as const
/** A person triaging fast: a key every 150 ms. */
const KEY_GAP_MS = 150

/**
 * In the page: the time from each key's keydown to the frame after the focused row shows another
 * paper, and every long task (over 50 ms).
 */
const WATCH_SCRIPT = `(() => {
  const seen = { latencies: [], longTasks: [] }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push(entry.duration)
  }).observe({ type: 'longtask' })
  const title = () => document.querySelector('.paper-list__item.is-focused .paper-row__title')?.textContent ?? null
  let pending = null
  window.addEventListener('keydown', () => { pending = { at: performance.now(), from: title() } }, true)
  const check = () => {
    if (pending && title() !== pending.from) {
      const started = pending.at
      pending = null
      requestAnimationFrame(() => seen.latencies.push(performance.now() - started))
    }
  }
  new MutationObserver(check).observe(document.querySelector('.paper-list'), { subtree: true, childList: true, characterData: true, attributes: true })
  window.__triageBench = seen
})()`

function percentile(values: ReadonlyArray<number>, p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

/** A generated library of `count` papers, all in the inbox. */
async function buildInbox(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `papershelf-triage-bench-${count}-`))
  const started = performance.now()
  const ids = importGeneratedDrafts(dir, generateLibrary({ count, seed: 11 }))
  const core = createCore({ dataDir: dir })
  try {
    await createClient(inProcessTransport(core)).updatePapers({ ids, triage: 'inbox' })
  } finally {
    core.close()
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`  built an inbox of ${count.toLocaleString('en')} papers in ${seconds} s`)
  return dir
}

export async function run(): Promise<void> {
  const dir = await buildInbox(SIZE)
  const browser = await launchChromium()
  const server = await serveInChild(dir)
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(server.url)
    await page.locator('[data-view="inbox"]').click()
    await page.waitForSelector('.triage-bar')
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first().click()
    await page.waitForSelector('.paper-list__item.is-focused')
    const before = await page.getByTestId('triage-left').textContent()
    await page.evaluate(WATCH_SCRIPT)
    // what the keys ask of the core: a key must never refetch the whole inbox
    const calls = new Map<string, number>()
    let widestWindow = 0
    let counting = true
    page.on('request', (request) => {
      const method = /\/rpc\/([^/?]+)/.exec(request.url())?.[1]
      if (!method || !counting) return
      calls.set(method, (calls.get(method) ?? 0) + 1)
      if (method === 'listPaperRows') {
        const input = request.postDataJSON() as { limit?: number } | null
        widestWindow = Math.max(widestWindow, input?.limit ?? 0)
      }
    })
    const started = performance.now()
    for (let i = 0; i < KEYS; i += 1) {
      await page.keyboard.press(TRIAGE_KEYS[i % TRIAGE_KEYS.length] ?? 'a')
      await page.waitForFunction(
        (n) =>
          (window as unknown as { __triageBench: { latencies: number[] } }).__triageBench.latencies
            .length > n,
        i,
        { timeout: 10_000 },
      )
      await page.waitForTimeout(KEY_GAP_MS)
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    counting = false
    const seen = await page.evaluate(
      () =>
        (window as unknown as { __triageBench: { latencies: number[]; longTasks: number[] } })
          .__triageBench,
    )
    // the count once the refreshes settled
    await page.waitForTimeout(1000)
    const left = await page.getByTestId('triage-left').textContent()
    if (process.env.PAPERSHELF_BENCH_TRIAGE_TRACE) {
      console.log(seen.latencies.map((l) => Math.round(l)).join(' '))
    }
    const ms = (value: number) => `${value.toFixed(1)} ms`
    console.log(
      `  ${KEYS} keys (keep, dismiss, delete in turn, ${KEY_GAP_MS} ms apart) in ${seconds} s; ${before ?? '?'} before, ${left ?? '?'} after`,
    )
    console.log(
      `  key → next paper painted: p50 ${ms(percentile(seen.latencies, 50))}, p95 ${ms(percentile(seen.latencies, 95))} (goal ≤ 50 ms), max ${ms(Math.max(...seen.latencies))}`,
    )
    const longest = seen.longTasks.length === 0 ? 0 : Math.max(...seen.longTasks)
    console.log(
      `  renderer tasks over 50 ms during the ${KEYS} keys: ${seen.longTasks.length} (longest ${ms(longest)}; goal: none)`,
    )
    const requests = [...calls].sort((a, b) => b[1] - a[1])
    console.log(
      `  requests during the keys: ${requests.map(([method, n]) => `${method} ${n}`).join(', ') || 'none'}; widest list window ${widestWindow} rows`,
    )
  } finally {
    await server.close()
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
