import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium; Playwright's own browser downloads are not used. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** Launches a fresh headless Chromium profile for one test file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS })
}
