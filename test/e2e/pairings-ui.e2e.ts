import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXTENSION_KEY_HEADER } from '@shared/api/browser-api'
import type { Browser, Page } from 'playwright-core'
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

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'

describe.each(VIEWPORTS)('e2e/browser extensions dialog at $width×$height', (viewport) => {
  let dataDir: string
  let server: TestServer
  let browser: Browser
  let page: Page

  /** What the extension's service worker sends: its own origin, and its key once paired. */
  const extension = (path: string, body: unknown, key?: string) =>
    fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: EXTENSION_ORIGIN,
        ...(key ? { [EXTENSION_KEY_HEADER]: key } : {}),
      },
      body: JSON.stringify(body),
    })
  const dialog = () => page.getByRole('dialog', { name: 'Browser extensions' })
  const openFromPalette = async () => {
    await runCommand(page, 'browser ext')
    await expect.poll(() => dialog().count()).toBe(1)
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-pairings-ui-'))
    server = await startTestServer(dataDir)
    await server.api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' })
    browser = await launchChromium()
    page = await openLibraryPage(browser, server.url, viewport)
  })

  afterAll(() => closeLibraryPage(browser, server, dataDir))

  it('shows the code an extension waits for, then the paired extension, and revokes it by keyboard', async () => {
    await page.locator('.paper-list').focus()
    await openFromPalette()
    await expect.poll(() => dialog().getByTestId('pairings-empty').count()).toBe(1)

    // The extension asks: its code appears in the open dialog without reopening it.
    const asked = (await (await extension('/ext/pair', { client: 'Chromium' })).json()) as {
      value: { requestId: string }
    }
    const pending = dialog().getByTestId('pairings-pending')
    await expect.poll(() => pending.textContent()).toMatch(/Type [A-Z0-9]{6} into the Chromium/)
    const code = (await pending.locator('.pairings__code').textContent()) ?? ''
    const granted = (await (
      await extension('/ext/pair/confirm', { requestId: asked.value.requestId, code })
    ).json()) as { value: { key: string } }
    const paired = dialog().getByTestId('pairings-paired')
    await expect.poll(() => paired.textContent()).toMatch(/Chromium · paired .* · not used yet/)
    expect(await pending.count()).toBe(0)
    expect((await extension('/ext/rpc/listTags', {}, granted.value.key)).status).toBe(200)

    // Revoke asks once more, then the key is refused.
    const revoke = dialog().getByRole('button', { name: 'Revoke Chromium' })
    await revoke.focus()
    await page.keyboard.press('Enter')
    const confirm = dialog().getByRole('button', { name: 'Confirm: revoke Chromium' })
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => dialog().getByTestId('pairings-empty').count()).toBe(1)
    // The row went with the focus: the message that replaced it has it.
    await expect
      .poll(() =>
        dialog()
          .getByTestId('pairings-empty')
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true)
    expect((await extension('/ext/rpc/listTags', {}, granted.value.key)).status).toBe(401)
    expect((await server.api.listPairings({})).paired).toEqual([])

    // Escape closes it and the list has the focus again.
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog().count()).toBe(0)
    await expect.poll(() => paperListHasFocus(page)).toBe(true)
  })

  it('closes with Done by mouse, nothing cut off at this size', async () => {
    await openFromPalette()
    const box = await dialog().boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width)
    await dialog().getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => dialog().count()).toBe(0)
  })
})
