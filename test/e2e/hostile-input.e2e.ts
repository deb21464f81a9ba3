import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withLibraryDb } from '../helpers/db-snapshot'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-http-server'
import { launchChromium } from '../helpers/launch-chromium'
import { startTestServer, type TestServer } from '../helpers/start-headless'

/** Papers whose every text field tries to become markup, script or a dangerous link. */
function hostileItems(trap: string) {
  return [
    {
      id: 'a',
      type: 'article',
      title: `<script>window.__pwned='title'</script>Attention <b>bold</b>`,
      abstract: `<img src="${trap}/img" onerror="window.__pwned='abstract'"> <svg onload="window.__pwned='svg'"></svg> <a href="javascript:window.__pwned='a'">click</a> <iframe src="${trap}/frame"></iframe>`,
      author: [{ literal: `<b onmouseover="window.__pwned='author'">Mallory</b>` }],
      URL: 'https://arxiv.org/abs/2401.00001',
    },
    {
      id: 'b',
      type: 'article',
      title: `Math $\\href{javascript:window.__pwned='katex'}{click}$ and $\\url{javascript:alert(1)}$`,
      abstract: `$<img src=x onerror="window.__pwned='k2'">$ and $\\htmlId{x}{y}$ and $\\includegraphics{${trap}/g.png}$`,
      URL: 'https://arxiv.org/abs/2401.00002',
    },
    {
      id: 'c',
      type: 'article',
      title: 'Bidi \u202Egpj.exe\u202C trick \u2067rtl\u2069 zero\u200Bwidth',
      abstract: 'Text with \u202E reversed \u202D and \u2066isolates\u2069.',
      URL: 'https://arxiv.org/abs/2401.00003',
    },
  ]
}

const HOSTILE_NOTE = [
  `[js](javascript:window.__pwned='note-link')`,
  `<script>window.__pwned='note-script'</script>`,
  `<img src=x onerror="window.__pwned='note-img'">`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[vb](vbscript:msgbox) [file](file:///etc/passwd) <javascript:alert(1)>`,
  `[safe](https://example.org/safe)`,
].join('\n\n')

describe('e2e/hostile-input', () => {
  let dataDir: string
  let server: TestServer
  let trap: FixtureServer
  let browser: Browser
  let page: Page
  const dialogs: string[] = []

  const options = () => page.getByRole('listbox', { name: 'Papers' }).getByRole('option')

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-hostile-e2e-'))
    trap = await startFixtureServer({})
    server = await startTestServer(dataDir)
    const report = await server.api.importText({
      text: JSON.stringify(hostileItems(trap.url)),
      format: 'csl-json',
      sourceName: 'hostile.json',
    })
    expect(report.added).toBe(3)
    for (const id of report.paperIds) await server.api.setNote({ id, note: HOSTILE_NOTE })
    // Links a hostile server could have slipped into the remote fields.
    withLibraryDb(dataDir, (db) =>
      db
        .prepare(
          `UPDATE papers SET pdf_url = 'javascript:window.__pwned=1', code_url = 'file:///etc/passwd',
           project_url = 'data:text/html,<script>alert(1)</script>'`,
        )
        .run(),
    )
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { __violations: seen })
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        ),
      )
    })
    await page.goto(server.url)
    await options().nth(2).waitFor({ timeout: 15_000 })
    for (let i = 0; i < 3; i += 1) {
      await options().nth(i).click()
      await page
        .getByRole('complementary', { name: 'Paper details' })
        .getByText('safe', { exact: true })
        .waitFor({ timeout: 10_000 })
      await page.waitForTimeout(200)
    }
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await trap?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows titles, abstracts, authors and notes as literal text', async () => {
    const body = (await page.locator('body').textContent()) ?? ''
    // CSL-JSON titles may carry <b>/<i> micro-markup, which the parser reads as plain text.
    expect(body).toContain(`<script>window.__pwned='title'</script>Attention bold`)
    await options().filter({ hasText: 'Attention' }).click()
    const detail = page.getByRole('complementary', { name: 'Paper details' })
    await expect
      .poll(async () => (await detail.textContent()) ?? '')
      .toContain(`onerror="window.__pwned='abstract'"`)
    expect(await detail.textContent()).toContain('Mallory')
  })

  it('runs no script, opens no dialog and injects no element', async () => {
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    const injected = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'script:not([src]), iframe, object, embed, [onerror], [onload], [onmouseover], [onclick], svg[onload], b, img:not([src^="data:"])',
        ),
      ]
        .filter((el) => !el.closest('.katex'))
        .map((el) => el.outerHTML.slice(0, 120)),
    )
    expect(injected).toEqual([])
    expect(trap.requests).toEqual([])
  })

  it('breaks no Content-Security-Policy rule (nothing even tried)', async () => {
    const violations =
      (await page.evaluate(() => (window as { __violations?: string[] }).__violations)) ?? []
    const app = new URL(server.url).origin
    // zod probes once whether `new Function` is allowed (and falls back when the CSP says no);
    // that probe from the app's own bundle is the only violation tolerated here.
    const probe = new RegExp(`^script-src eval ${app}/assets/[^ ]+\\.js:\\d+$`)
    expect(violations.filter((v) => !probe.test(v))).toEqual([])
  })

  it('renders links only for http(s) addresses', async () => {
    for (let i = 0; i < 3; i += 1) {
      await options().nth(i).click()
      await page.waitForTimeout(150)
      const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll('a[href], area[href], [xlink\\:href]')].map(
          (a) => (a as HTMLAnchorElement).href,
        ),
      )
      const app = new URL(server.url).origin
      const outside = hrefs.filter((href) => !href.startsWith(`${app}/`))
      expect(
        outside.filter((href) => !/^https?:\/\//.test(href)),
        `paper ${i}`,
      ).toEqual([])
      expect(hrefs).toContain('https://example.org/safe')
    }
  })

  it('shows network text without bidi controls, as the CLI prints it, by mouse and by keyboard', async () => {
    const row = options().filter({ hasText: 'trick' })
    await row.click()
    const controls = () =>
      page.evaluate(() => {
        const found: string[] = []
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // eslint-disable-next-line no-control-regex
          const hidden = /[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/
          if (hidden.test(node.textContent ?? '')) found.push(node.textContent ?? '')
        }
        return found
      })
    expect(await controls()).toEqual([])
    await expect.poll(() => row.textContent()).toContain('Bidi gpj.exe trick rtl zero\u200Bwidth')
    await expect
      .poll(() => page.locator('.detail__title').textContent())
      .toContain('Bidi gpj.exe trick')
    // Moving away and back by keyboard shows the same cleaned text.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await expect
      .poll(() => page.locator('.detail__title').textContent())
      .toContain('Bidi gpj.exe trick')
    expect(await controls()).toEqual([])
  })
})
