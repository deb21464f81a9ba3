// Runs the checks and tests of `npm test` (after the build) in two lanes side by side:
//   1. the end-to-end tests (one file, so one Chromium, at a time), printed as they run;
//   2. the static checks (scripts/check-static.mjs), then the node and dom tests, whose report is
//      printed as one block when it ends.
// The end-to-end tests spend much of their time waiting on a browser or a child process, and take
// longest; the second lane fills the cores meanwhile. (In one vitest process the unit tests, one
// worker on two cores, ran first and the end-to-end files after them.)
// Both vitest processes write blob reports, merged into the one JSON report the CI summary reads
// (.reports/vitest.json). Arguments go to both (`npm test -- search` runs the matching files of
// each). The exit code is non-zero when a check, either test process or the merge failed.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

const REPORTS = '.reports'
const BLOBS = join(REPORTS, 'blob')
const filters = process.argv.slice(2)

/** Runs one command; `live` prints its lines as they come, else all of its output at the end. */
function run({ name, command, args, live }) {
  return new Promise((resolve) => {
    const began = Date.now()
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
      // Colours as vitest would choose them for this terminal, though its output goes through a pipe.
      env: process.stdout.isTTY ? { FORCE_COLOR: '1', ...process.env } : process.env,
    })
    let output = ''
    let partial = ''
    const take = (chunk) => {
      if (!live) {
        output += chunk
        return
      }
      // Whole lines only, so the other lane's output never lands inside one.
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.once('error', (error) => take(`${error.message}\n`))
    child.once('close', (code) => {
      const seconds = ((Date.now() - began) / 1000).toFixed(1)
      const verdict = code === 0 ? 'passed' : `failed (exit ${code})`
      process.stdout.write(`${output}${partial}\n> ${name}: ${verdict} in ${seconds} s\n`)
      resolve(code)
    })
  })
}

const vitest = (name, projects) => ({
  command: join('node_modules', '.bin', 'vitest'),
  args: [
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=blob',
    `--outputFile.blob=${join(BLOBS, `${name}.json`)}`,
    // A filter may match files of one process only.
    ...(filters.length > 0 ? ['--passWithNoTests'] : []),
    ...filters,
  ],
})

rmSync(BLOBS, { recursive: true, force: true })
const started = Date.now()
console.log(
  'Running the end-to-end tests and, beside them, the static checks, then the node and dom tests…\n',
)
const endToEnd = run({ name: 'end-to-end tests', ...vitest('e2e', ['e2e']), live: true })
const staticChecks = await run({
  name: 'static checks',
  command: process.execPath,
  args: [join('scripts', 'check-static.mjs')],
  live: true,
})
const unit = await run({
  name: 'node and dom tests',
  ...vitest('unit', ['node', 'dom']),
  live: false,
})
const codes = [staticChecks, unit, await endToEnd]
const merged = await run({
  name: 'merged report',
  command: join('node_modules', '.bin', 'vitest'),
  args: [
    'run',
    `--merge-reports=${BLOBS}`,
    '--reporter=json',
    `--outputFile.json=${join(REPORTS, 'vitest.json')}`,
  ],
  live: true,
})
const total = ((Date.now() - started) / 1000).toFixed(1)
const failed = [...codes, merged].some((code) => code !== 0)
console.log(`\nChecks and tests ${failed ? 'failed' : 'passed'} (${total} s).`)
process.exit(failed ? 1 : 0)
