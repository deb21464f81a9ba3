import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Worker } from 'playwright-core'
import { CHROMIUM_ARGS } from './launch-chromium'
import { findChromium, noChromiumMessage } from './chromium-path'

/** The built extension (`npm run build` first). */
export const BUILT_EXTENSION = fileURLToPath(new URL('../../out/extension', import.meta.url))

/** A headless Chromium profile with the unpacked extension loaded, and its service worker. */
export async function launchWithExtension(
  extraArgs: ReadonlyArray<string> = [],
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(noChromiumMessage())
  // New headless runs extensions; the old one (playwright's `headless: true` default) does not.
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--disable-extensions-except=${BUILT_EXTENSION}`,
      `--load-extension=${BUILT_EXTENSION}`,
      ...extraArgs,
    ],
  })
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }))
  const extensionId = new URL(worker.url()).host
  return { context, worker, extensionId }
}
