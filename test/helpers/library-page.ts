import { rmSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import type { TestServer } from './start-headless'

/** The window sizes the dialogs are checked at: a laptop's, and one narrow enough for the drawer. */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 900, height: 700 },
] as const

/** A new page on the library at `url`, once its first paper row shows. */
export async function openLibraryPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport })
  await page.goto(url)
  await page.locator('.paper-list [data-paper-id]').first().waitFor({ timeout: 15_000 })
  return page
}

/** Runs a command from the command palette: Ctrl+Shift+P, `query` typed, Enter. */
export async function runCommand(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await palette.getByRole('combobox', { name: 'Command' }).fill(query)
  await page.keyboard.press('Enter')
}

/** Whether the paper list has the keyboard focus. */
export function paperListHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.classList.contains('paper-list') === true)
}

/** After a file's tests: closes its browser and its server, then removes its folders. */
export async function closeLibraryPage(
  browser: Browser | undefined,
  server: TestServer | undefined,
  ...dirs: ReadonlyArray<string | undefined>
): Promise<void> {
  await browser?.close()
  await server?.close()
  for (const dir of dirs) if (dir) rmSync(dir, { recursive: true, force: true })
}
