import { chromium, type Browser } from 'playwright-core'
import { findChromium, noChromiumMessage } from './chromium-path'

/** The flags every test browser runs with. */
export const CHROMIUM_ARGS = [
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
  const executablePath = findChromium()
  if (!executablePath) return Promise.reject(new Error(noChromiumMessage()))
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}
