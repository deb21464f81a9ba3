// Run by `npm test` before the tests: finds a browser for the end-to-end tests, or installs one
// (Debian/Ubuntu packages when allowed, else Playwright's download), or says clearly what to do.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { findChromium, noChromiumMessage } from '../test/helpers/chromium-path'

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'inherit' }).status === 0

const asRoot = (args: string[]): boolean => {
  if (process.getuid?.() === 0) return run(args[0] ?? '', args.slice(1))
  // Only without a password prompt: a test run never waits for one.
  return spawnSync('sudo', ['-n', 'true']).status === 0 && run('sudo', ['-n', ...args])
}

function installWithApt(): boolean {
  if (spawnSync('apt-get', ['--version']).status !== 0) return false
  console.log('Installing Chromium for the end-to-end tests (apt-get)…')
  if (!asRoot(['apt-get', 'update', '-qq'])) return false
  // Debian names the package chromium; older Ubuntu releases chromium-browser.
  return (
    asRoot(['apt-get', 'install', '-y', '-qq', 'chromium']) ||
    asRoot(['apt-get', 'install', '-y', '-qq', 'chromium-browser'])
  )
}

function installWithPlaywright(): boolean {
  console.log('Downloading Chromium for the end-to-end tests (playwright-core install chromium)…')
  const packageFile = createRequire(import.meta.url).resolve('playwright-core/package.json')
  return run(process.execPath, [join(dirname(packageFile), 'cli.js'), 'install', 'chromium'])
}

let found = findChromium()
if (!found && !process.env.PAPERSHELF_CHROMIUM) {
  if (installWithApt()) found = findChromium()
  if (!found && installWithPlaywright()) found = findChromium()
}
if (!found) {
  console.error(noChromiumMessage())
  process.exit(1)
}
