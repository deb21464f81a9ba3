// One-shot CLI commands as the user runs them: a fresh `papershelf` process each time, from start
// to exit, on a generated library (10k papers; PAPERSHELF_BENCH_CLI_SIZE to change). Prints the
// median and slowest wall time of each command. Needs `npm run build` first (the built CLI).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { generateLibrary } from './generate-library'
import { percentile } from './import.bench'
import { importGeneratedDrafts } from './seed-library'

const CLI = fileURLToPath(new URL('../bin/papershelf.js', import.meta.url))
const SIZE = Number(process.env['PAPERSHELF_BENCH_CLI_SIZE'] ?? 10_000)
const RUNS = 7

/** What a user types most mornings; `export` and `cite` load the citation writers as well. */
const COMMANDS: ReadonlyArray<ReadonlyArray<string>> = [
  ['--help'],
  ['info'],
  ['list', '--limit', '20'],
  ['show', '1'],
  ['search', 'graph neural network', '--limit', '10'],
  ['tag', '1', 'to-read'],
  ['tags'],
  ['cite', '1'],
  ['export', '--format', 'bibtex', '--tag', 'to-read'],
]

export function run(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'papershelf-bench-cli-'))
  try {
    importGeneratedDrafts(home, generateLibrary({ count: SIZE, seed: 7 }))
    console.log(`  ${SIZE} papers; each command run ${RUNS} times as a fresh process`)
    for (const args of COMMANDS) {
      const times: number[] = []
      for (let i = 0; i < RUNS; i += 1) {
        const began = performance.now()
        const result = spawnSync(process.execPath, [CLI, ...args], {
          env: { ...process.env, PAPERSHELF_HOME: home },
          encoding: 'utf8',
        })
        times.push(performance.now() - began)
        if (result.status !== 0) {
          throw new Error(`papershelf ${args.join(' ')} failed: ${result.stderr}`)
        }
      }
      console.log(
        `  papershelf ${args.join(' ').padEnd(44)} p50 ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
      )
    }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
  return Promise.resolve()
}
