import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Set to a Chrome or Chromium executable to use it instead of looking for one. */
export const CHROMIUM_ENV = 'PAPERSHELF_CHROMIUM'

/** Where a browser may be, in order: the variable, the system's packages, Playwright's own copy. */
export function chromiumCandidates(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  const chosen = env[CHROMIUM_ENV]?.trim()
  if (chosen) return [chosen]
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    chromium.executablePath(),
  ]
}

/** The first browser that exists, or null. */
export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  return chromiumCandidates(env).find((path) => path !== '' && existsSync(path)) ?? null
}

/** What to do when there is none. */
export function noChromiumMessage(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const chosen = env[CHROMIUM_ENV]?.trim()
  if (chosen) return `${CHROMIUM_ENV}=${chosen} does not exist.`
  return [
    'The end-to-end tests need Chrome or Chromium, and none was found',
    `(looked at ${chromiumCandidates(env).join(', ')}).`,
    'Install one with `sudo apt-get install chromium` (Debian) or',
    '`npx playwright-core install chromium` (any system), or set',
    `${CHROMIUM_ENV}=/path/to/chrome.`,
  ].join(' ')
}
