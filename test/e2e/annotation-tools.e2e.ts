import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PaperId } from '@shared/model/ids'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/launch-chromium'
import { selectText } from '../helpers/select-text'
import { startTestServer, type TestServer } from '../helpers/start-headless'
import { makeTestPdf } from '../helpers/test-pdfs'

const PHRASE = 'spectral gap of the transfer operator'
const COMMENT = 'Compare with the bound in section 4.'
const TITLE = 'arXiv:2401.00007'

// The reader's other pens, beside the Highlight button the main annotations test uses: the popup
// on a selection, sticky notes, area highlights with their picture, renamed colours, and the
// detail pane's count.
describe('e2e/annotation-tools', () => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page
  let paperId: PaperId
  const errors: string[] = []

  const panel = () => page.getByRole('complementary', { name: 'Annotations' })
  const items = () => panel().getByTestId('annotation-list').locator('li')
  const stored = async () => (await server.api.listAnnotations({ paperId })).annotations
  const pageBox = async (n: number) => {
    const pageDiv = page.locator(`.page[data-page-number="${n}"]`)
    await pageDiv.scrollIntoViewIfNeeded()
    const box = await pageDiv.boundingBox()
    if (!box) throw new Error(`page ${n} is not on screen`)
    return box
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-annotation-tools-e2e-'))
    server = await startTestServer(dataDir)
    paperId = (
      await server.api.importText({
        text: '2401.00007\n2401.00008\n',
        format: 'ids',
        sourceName: 'ids',
        tags: ['pen-group'],
      })
    ).paperIds[0] as PaperId
    const pdf = await makeTestPdf({
      pages: 3,
      image: true,
      pageText: { 1: [`We bound the ${PHRASE} from below.`] },
    })
    await server.api.attachPdf({
      id: paperId,
      data: Buffer.from(pdf).toString('base64'),
      name: 'tools.pdf',
      waitForText: true,
    })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('console', (message) => {
      const cancelledAutoLinks = /^#injectLinkAnnotations: Error: `render` method must be called/
      if (message.type() === 'error' && !cancelledAutoLinks.test(message.text())) {
        errors.push(message.text())
      }
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.url)
    await page.getByRole('option', { name: TITLE }).click()
    // The detail pane shows this paper (the other one is first in the list) before Read PDF.
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await page.locator('.pdfViewer .page canvas').first().waitFor({ timeout: 20_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('offers a popup on a selection whose "Comment…" highlights and takes a comment', async () => {
    await selectText(page, 1, PHRASE)
    await page.getByTestId('pdf-scroll').dispatchEvent('pointerup')
    const popup = page.getByRole('toolbar', { name: 'Selection' })
    await popup.getByRole('button', { name: 'Comment…' }).click()
    const comment = panel().getByRole('textbox', { name: 'Comment' })
    await expect.poll(() => comment.evaluate((el) => el === document.activeElement)).toBe(true)
    await comment.fill(COMMENT)
    await comment.press('Control+Enter')
    await expect
      .poll(async () => (await stored())[0])
      .toMatchObject({ kind: 'highlight', page: 1, quote: PHRASE, comment: COMMENT })
    await expect.poll(() => popup.count()).toBe(0)
  })

  it('places a sticky note where the page is clicked', async () => {
    await page.getByRole('button', { name: 'Note', exact: true }).click()
    const box = await pageBox(3)
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(async () => (await stored()).find((a) => a.kind === 'note')?.page).toBe(3)
    const [x0, y0] = (await stored()).find((a) => a.kind === 'note')?.rects[0] ?? []
    // A US-letter page is 612 × 792 points: the middle of the page, in PDF coordinates.
    expect(Math.abs((x0 ?? 0) - 306)).toBeLessThan(20)
    expect(Math.abs((y0 ?? 0) - 396)).toBeLessThan(20)
    await expect.poll(() => items().count()).toBe(2)
  })

  it('takes an area dragged over a figure with a picture of it', async () => {
    await page.getByRole('button', { name: 'Area', exact: true }).click()
    const box = await pageBox(1)
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 })
    await page.mouse.up()
    await expect.poll(async () => (await stored()).some((a) => a.kind === 'area')).toBe(true)
    const area = (await stored()).find((a) => a.kind === 'area')
    expect(area).toMatchObject({ page: 1, hasImage: true })
    // The Markdown export carries the picture (inline without a folder).
    const { files } = await server.api.exportAnnotations({ ids: [paperId] })
    const markdown = files[0]?.markdown ?? ''
    const data = /data:image\/png;base64,([A-Za-z0-9+/=]+)/.exec(markdown)?.[1] ?? ''
    const png = Buffer.from(data, 'base64')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // The picture is the dragged part of the page (0.4 × 0.2 of it), not the whole page.
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    expect(width / height).toBeGreaterThan(1.2)
    expect(width).toBeLessThan(box.width * 0.6 * 2)
  })

  it('renames what a colour means, in the panel, the pen list and after a reload', async () => {
    await panel().getByRole('button', { name: 'Rename colours' }).click()
    const name = panel().getByRole('textbox', { name: 'Name of yellow' })
    await name.fill('Key result')
    await name.press('Enter')
    await expect.poll(() => panel().getByRole('checkbox', { name: 'Key result' }).count()).toBe(1)
    await page.reload()
    await page.getByRole('option', { name: TITLE }).click()
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor({ timeout: 15_000 })
    // The detail pane counts them and shows the newest.
    const summary = page.getByRole('region', { name: 'Annotations' })
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('(3)')
    expect(await summary.textContent()).toContain('Area')
    await page.getByRole('button', { name: 'Read PDF' }).click()
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Highlight colour' }).textContent(), {
        timeout: 20_000,
      })
      .toContain('Key result (yellow)')
  })

  it('keeps a highlight on its words when the pages are rotated', async () => {
    const covered = () =>
      page.evaluate((phrase) => {
        const mark = document
          .querySelector('.page[data-page-number="1"] .ps-annot')
          ?.getBoundingClientRect()
        const span = [
          ...document.querySelectorAll('.page[data-page-number="1"] .textLayer span'),
        ].find((s) => s.textContent?.includes(phrase))
        const text = span?.getBoundingClientRect()
        if (!mark || !text) return 0
        const across = Math.min(mark.right, text.right) - Math.max(mark.left, text.left)
        const down = Math.min(mark.bottom, text.bottom) - Math.max(mark.top, text.top)
        return (Math.max(0, across) * Math.max(0, down)) / (text.width * text.height)
      }, PHRASE)
    await page.locator('.page[data-page-number="1"]').scrollIntoViewIfNeeded()
    await expect.poll(covered, { timeout: 20_000 }).toBeGreaterThan(0.3)
    const portrait = await pageBox(1)
    expect(portrait.height).toBeGreaterThan(portrait.width)
    await page.getByRole('button', { name: 'Rotate' }).click()
    // Turned a quarter: the page is now wider than tall, and the mark still lies on the phrase.
    await expect
      .poll(async () => {
        const box = await pageBox(1)
        return box.width > box.height
      })
      .toBe(true)
    await expect.poll(covered, { timeout: 20_000 }).toBeGreaterThan(0.3)
    const tall = await page
      .locator('.page[data-page-number="1"] .ps-annot')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height > el.getBoundingClientRect().width)
    expect(tall).toBe(true)
    expect(errors).toEqual([])
  })

  it('exports the paper’s and the tag’s annotations as Markdown from the command palette', async () => {
    const exported = async (command: string) => {
      await page.keyboard.press('Control+Shift+P')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await palette.getByRole('combobox', { name: 'Command' }).fill(command)
      await expect.poll(() => palette.getByRole('option').first().textContent()).toBe(command)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ])
      return {
        name: download.suggestedFilename(),
        markdown: readFileSync((await download.path()) ?? '', 'utf8'),
      }
    }
    await page.getByRole('button', { name: 'Back to the library (Esc)' }).click()
    await page.getByTestId('reader').waitFor({ state: 'detached' })
    const paper = await exported('Export the annotations of the paper (or selection) as Markdown')
    expect(paper.markdown).toContain(`> ${PHRASE}`)
    expect(paper.markdown).toContain(COMMENT)
    expect(paper.markdown).toContain('data:image/png;base64,')

    await page.locator('.sidebar button[data-tag="pen-group"]').click()
    const tag = await exported('Export the annotations of this tag or list as Markdown')
    // One paper of the tag has annotations: its file; the other is left out.
    expect(tag.name).toBe(paper.name)
    expect(tag.markdown).toBe(paper.markdown)
    expect(errors).toEqual([])
  })
})
