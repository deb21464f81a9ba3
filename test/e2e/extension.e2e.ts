import type { BrowserContext, Page, Worker } from 'playwright-core'
import { EXTENSION_KEY_HEADER } from '@shared/api/browser-api'
import type { PaperId } from '@shared/model/ids'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { useFixtureServer } from '../helpers/fixture-http-server'
import { readFixture } from '../helpers/fixtures'
import { launchWithExtension } from '../helpers/launch-extension'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { useTempDir } from '../helpers/temp-dir'
import { makeTestPdf } from '../helpers/test-pdfs'

const HTML = { 'content-type': 'text/html; charset=utf-8' }
const PDF = { 'content-type': 'application/pdf' }

type ChromeInWorker = {
  chrome: {
    tabs: { query(query: object): Promise<Array<{ id?: number }>> }
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } }
  }
}

describe('browser extension (unpacked, Chromium)', { timeout: 240_000 }, () => {
  const tempDir = useTempDir('papershelf-extension-')
  const serveFixtures = useFixtureServer()
  const open: Array<{ close(): Promise<void> }> = []
  let pdf: Buffer

  beforeAll(async () => {
    pdf = Buffer.from(await makeTestPdf({ pages: 2, title: 'A saved paper' }))
  })
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close().catch(() => undefined)
  })

  /** The popup, opened as a page for a tab (as the toolbar button opens it for the active tab). */
  async function openPopup(
    context: BrowserContext,
    worker: Worker,
    id: string,
    target: Page | null,
  ) {
    let query = ''
    if (target) {
      await target.bringToFront()
      const tabId = await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeInWorker
        return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id
      })
      query = `?tab=${tabId}`
    }
    const popup = await context.newPage()
    await popup.goto(`chrome-extension://${id}/popup.html${query}`)
    return popup
  }

  it('pairs with serve, saves arXiv, Hugging Face and citation-only pages with their PDFs, once; refuses strangers; queues while the app is down', async () => {
    const fixtures = await serveFixtures({
      'GET /abs/1605.08386': {
        headers: HTML,
        body: readFixture('pages/arxiv-abs-1605.08386.html'),
      },
      'GET /papers/2605.15320': {
        headers: HTML,
        body: readFixture('pages/hf-paper-2605.15320.html'),
      },
      'GET /papers/date/2026-05-18': {
        headers: HTML,
        body: readFixture('pages/hf-daily-2026-05-18.html'),
      },
      'GET /content/resnet.html': {
        headers: HTML,
        body: readFixture('pages/citation-meta-only.html'),
      },
      'GET /pdf/1605.08386': { headers: PDF, body: pdf },
      'GET /pdf/2605.15320': { headers: PDF, body: pdf },
      'GET /content/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf': {
        headers: PDF,
        body: pdf,
      },
    })
    const library = tempDir()
    const baseUrls = { arxiv: fixtures.url, huggingFace: fixtures.url }
    let app: TestServer = await startTestServer(library, { baseUrls })
    open.push({ close: () => app.close() })
    const port = Number(new URL(app.origin).port)
    const { context, worker, extensionId } = await launchWithExtension()
    open.push(context)
    const popupFor = (target: Page | null) => openPopup(context, worker, extensionId, target)

    // Pairing: the extension asks, the app shows a code, the user types it into the extension.
    const pairing = await popupFor(null)
    await pairing.locator('#address').fill(app.origin)
    await pairing.locator('#pair').click()
    await expect.poll(async () => (await app.api.listPairings({})).pending.length).toBe(1)
    const { code } = (await app.api.listPairings({})).pending[0]!
    await pairing.locator('#code').fill(code)
    await pairing.locator('#confirm').click()
    await expect.poll(async () => (await app.api.listPairings({})).paired.length).toBe(1)
    await pairing.close()

    // Three pages, each saved from the popup.
    const saveFrom = async (path: string, expectTitle: string) => {
      const page = await context.newPage()
      await page.goto(`${fixtures.url}${path}`)
      const popup = await popupFor(page)
      await expect.poll(() => popup.locator('.papers').textContent()).toContain(expectTitle)
      await popup.locator('#save').click()
      const result = popup.locator('.results li').first()
      await result.waitFor()
      const outcome = {
        added: await result.getAttribute('data-added'),
        paperId: Number(await result.getAttribute('data-paper-id')) as PaperId,
        link: await result.locator('a.open').getAttribute('href'),
      }
      await popup.close()
      return { page, ...outcome }
    }
    const arxiv = await saveFrom('/abs/1605.08386', 'Heat-bath random walks with Markov bases')
    const hf = await saveFrom('/papers/2605.15320', 'FFAvatar')
    const cited = await saveFrom(
      '/content/resnet.html',
      'Deep Residual Learning for Image Recognition',
    )
    expect([arxiv.added, hf.added, cited.added]).toEqual(['true', 'true', 'true'])
    expect(arxiv.link).toBe(`papershelf://open?paper=${arxiv.paperId}`)

    // In the library with the right identities, the PDFs downloaded by the app.
    const byArxiv = await app.api.findPaper({ ref: '1605.08386' })
    const byHf = await app.api.findPaper({ ref: '2605.15320' })
    const byDoi = await app.api.findPaper({ ref: '10.1109/CVPR.2016.90' })
    expect([byArxiv?.id, byHf?.id, byDoi?.id]).toEqual([arxiv.paperId, hf.paperId, cited.paperId])
    expect(byArxiv).toMatchObject({
      title: 'Heat-bath random walks with Markov bases',
      authors: ['Caprice Stanley', 'Tobias Windisch'],
    })
    expect(byDoi).toMatchObject({
      arxivId: null,
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
    })
    await app.api.downloadPdfs({
      ids: [arxiv.paperId, hf.paperId, cited.paperId],
      wait: true,
    })
    for (const id of [arxiv.paperId, hf.paperId, cited.paperId]) {
      expect(await app.api.pdfUrl({ id }), `paper ${id}`).not.toBeNull()
    }

    // Saving twice adds nothing, and the popup says where the paper already is.
    const again = await popupFor(arxiv.page)
    await expect
      .poll(() => again.locator('.place').first().textContent())
      .toContain('In your library (unread')
    await again.locator('#save').click()
    await again.locator('.results li').first().waitFor()
    expect(await again.locator('.results li').first().getAttribute('data-added')).toBe('false')
    await again.close()
    expect((await app.api.libraryInfo({})).paperCount).toBe(3)

    // A wrong or missing key is refused; a web page cannot reach the app at all.
    const rpc = (headers: Record<string, string>) =>
      fetch(`${app.origin}/ext/rpc/listTags`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      })
    expect((await rpc({})).status).toBe(401)
    expect((await rpc({ [EXTENSION_KEY_HEADER]: 'not-the-key' })).status).toBe(401)
    expect((await rpc({ origin: fixtures.url })).status).toBe(403)
    const fromPage = await arxiv.page.evaluate(async (origin) => {
      try {
        const res = await fetch(`${origin}/ext/pair`, {
          method: 'POST',
          body: JSON.stringify({ client: 'evil' }),
        })
        return `answered ${res.status}`
      } catch {
        return 'blocked'
      }
    }, app.origin)
    expect(fromPage).toBe('blocked')
    expect((await app.api.listPairings({})).pending).toEqual([])

    // The app stops: the save is queued in the extension, and sent when the app is back.
    await app.close()
    const daily = await context.newPage()
    await daily.goto(`${fixtures.url}/papers/date/2026-05-18`)
    const down = await popupFor(daily)
    await expect.poll(() => down.locator('.papers input[type=checkbox]').count()).toBe(3)
    await down.locator('.papers input[type=checkbox]').nth(2).uncheck()
    await down.locator('#save').click()
    await down.locator('#queue').click()
    await expect
      .poll(() => down.locator('[role=status]').last().textContent())
      .toContain('Queued: 1')
    await down.close()
    const queued = () =>
      worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeInWorker
        const { queue } = await chrome.storage.local.get('queue')
        return Array.isArray(queue) ? queue.length : 0
      })
    expect(await queued()).toBe(1)

    app = await startTestServer(library, { baseUrls, port })
    const back = await popupFor(null)
    await expect.poll(queued).toBe(0)
    await back.close()
    expect(await app.api.findPaper({ ref: '2605.15963' })).toMatchObject({
      title: 'PAGER: Bridging the Semantic-Execution Gap in Point-Precise Geometric GUI Control',
    })
    expect(await app.api.findPaper({ ref: '2605.15301' })).toBeNull()
    expect((await app.api.libraryInfo({})).paperCount).toBe(4)
  })
})
