// Runs the tests of `npm test` as two vitest processes side by side: the end-to-end project (one
// file, so one Chromium, at a time) and the node and dom projects beside it. The end-to-end tests
// spend most of their time waiting on a browser or a child process, so the unit tests fill the
// other core meanwhile; in one process vitest runs the two groups one after the other.
// The end-to-end report is printed as it runs, the unit report as one block when it ends. Both
// write blob reports, merged into the one JSON report the CI summary reads (.reports/vitest.json).
// Arguments are passed to both processes (`npm test -- search` runs the matching files of each).
// The exit code is non-zero when either process or the merge failed.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

const REPORTS = '.reports'
const BLOBS = join(REPORTS, 'blob')
const vitest = join('node_modules', '.bin', 'vitest')
const filters = process.argv.slice(2)

/** Starts one vitest process; `live` prints its lines as they come, else all of it at the end. */
function run({ name, args, live }) {
  return new Promise((resolve) => {
    const began = Date.now()
    const child = spawn(vitest, args, {
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
      // Whole lines only, so a block printed by the other process never splits one.
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

const blob = (name) => [
  '--reporter=default',
  '--reporter=blob',
  `--outputFile.blob=${join(BLOBS, `${name}.json`)}`,
  // A filter may match files of one process only.
  ...(filters.length > 0 ? ['--passWithNoTests'] : []),
]

rmSync(BLOBS, { recursive: true, force: true })
const started = Date.now()
console.log('Running the end-to-end tests and, beside them, the node and dom tests…\n')
const codes = await Promise.all([
  run({
    name: 'end-to-end tests',
    args: ['run', '--project', 'e2e', ...blob('e2e'), ...filters],
    live: true,
  }),
  run({
    name: 'node and dom tests',
    args: ['run', '--project', 'node', '--project', 'dom', ...blob('unit'), ...filters],
    live: false,
  }),
])
const merged = await run({
  name: 'merged report',
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
console.log(`\nTests ${failed ? 'failed' : 'passed'} (${total} s).`)
process.exit(failed ? 1 : 0)
