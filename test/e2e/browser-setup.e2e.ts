import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findChromium } from '../helpers/chromium-path'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Runs the step `npm test` takes before the tests: find (or install) a browser. */
const ensureChromium = (env: Record<string, string>) =>
  spawnSync('npm', ['run', '--silent', 'test:browser'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  })

describe('the browser the end-to-end tests use', () => {
  it('is found on this machine, and the setup step passes quietly', () => {
    const found = findChromium()
    expect(found).not.toBeNull()
    const result = ensureChromium({ PAPERSHELF_CHROMIUM: found ?? '' })
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
  })

  it('stops the test run with a clear message when the chosen browser is missing', () => {
    const result = ensureChromium({ PAPERSHELF_CHROMIUM: '/nonexistent/chrome' })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/PAPERSHELF_CHROMIUM=\/nonexistent\/chrome does not exist/)
  })
})
