// Memory of a streamed import, as the user runs it: a fresh `papershelf import FILE` process
// (the built CLI) per file of PAPERSHELF_BENCH_IMPORT_MEMORY_MB (200) megabytes, in CSL-JSON,
// BibTeX, RIS and a copied Hugging Face page (PAPERSHELF_BENCH_IMPORT_MEMORY_FORMATS=bibtex,ris
// for fewer), into a new library. Prints each process's peak RSS (its threads included),
// entries/s end to end and its CPU time, then what limits BibTeX: the same entries read and parsed
// alone (the parse thread's share) against the whole import. Needs `npm run build` first.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { closeImportStream, nextImportPart } from '../src/main/core/import/import-stream'
import { generateLibrary } from './generate-library'
import { writeLargeFile, type LargeFormat } from './large-import-files'

const MEGABYTES = Number(process.env['PAPERSHELF_BENCH_IMPORT_MEMORY_MB'] ?? 200)
const ALL_FORMATS: ReadonlyArray<LargeFormat> = ['csl-json', 'bibtex', 'ris', 'hf-page']
const FORMATS = ALL_FORMATS.filter((format) =>
  (process.env['PAPERSHELF_BENCH_IMPORT_MEMORY_FORMATS'] ?? ALL_FORMATS.join(','))
    .split(',')
    .includes(format),
)
const EXTENSION: Record<LargeFormat, string> = {
  'csl-json': 'json',
  bibtex: 'bib',
  ris: 'ris',
  'hf-page': 'txt',
}
const GOAL_RSS_MB = 300
const TIME = '/usr/bin/time'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'bin', 'papershelf.js')

/** What one import process did. */
type Measured = { added: number; wallMs: number; cpuMs: number | null; peakKb: number }

/**
 * Runs `papershelf import file` in a process of its own: peak RSS from `/usr/bin/time -v`, or,
 * without it, from the highest VmHWM read in `/proc/<pid>/status` while it runs.
 */
async function importInChild(file: string, library: string): Promise<Measured> {
  const args = [cli, 'import', file, '--library', library]
  const timed = existsSync(TIME)
  const child = timed
    ? spawn(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()))
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()))
  let polledKb = 0
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      polledKb = Math.max(polledKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
    } catch {
      // the process has ended
    }
  }, 100)
  const started = performance.now()
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const wallMs = performance.now() - started
  clearInterval(poll)
  if (code !== 0) throw new Error(`papershelf import ${file} failed (${code}):\n${stderr}`)
  const added = Number(/(\d+) added/.exec(stdout)?.[1] ?? NaN)
  if (!timed) return { added, wallMs, cpuMs: null, peakKb: polledKb }
  const seconds = (label: string) =>
    Number(new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN)
  return {
    added,
    wallMs,
    cpuMs: (seconds('User time') + seconds('System time')) * 1000,
    peakKb: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN),
  }
}

/** Reads and parses the first `limit` entries of a file as the parse thread does, here. */
function parseOnly(
  file: string,
  format: LargeFormat,
  limit: number,
): { entries: number; ms: number } {
  const stream = 1
  const request = { stream, path: file, format, now: new Date().toISOString() }
  const started = performance.now()
  let entries = 0
  try {
    for (let first = true; entries < limit; first = false) {
      const part = nextImportPart({ ...request, first })
      entries += part.parsed.drafts.length
      if (part.done) break
    }
  } finally {
    closeImportStream(stream)
  }
  return { entries, ms: performance.now() - started }
}

const perSecond = (count: number, ms: number) =>
  `${Math.round((count / ms) * 1000).toLocaleString('en')} entries/s`

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) {
    console.log('  the CLI is not built: run `npm run build` first')
    return
  }
  const { drafts } = generateLibrary({ count: 20_000 })
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-import-memory-'))
  try {
    console.log(
      `\npeak RSS of a fresh \`papershelf import\` process, ${MEGABYTES} MB files (goal ≤ ${GOAL_RSS_MB} MB)${existsSync(TIME) ? '' : ' [VmHWM polled: /usr/bin/time is missing]'}`,
    )
    let bibtex: { file: string; measured: Measured } | null = null
    for (const format of FORMATS) {
      const file = join(dir, `large.${EXTENSION[format]}`)
      const written = await writeLargeFile(file, format, MEGABYTES, drafts)
      const measured = await importInChild(file, join(dir, `library-${format}`))
      rmSync(join(dir, `library-${format}`), { recursive: true, force: true })
      const cpu =
        measured.cpuMs === null
          ? ''
          : `, CPU ${(measured.cpuMs / 1000).toFixed(1)} s (${perSecond(measured.added, measured.cpuMs)} of CPU)`
      console.log(
        `  ${format}: ${Math.round(statSync(file).size / 2 ** 20)} MB, ${written.records.toLocaleString('en')} entries, ${measured.added.toLocaleString('en')} added in ${(measured.wallMs / 1000).toFixed(1)} s = ${perSecond(measured.added, measured.wallMs)}${cpu}; peak RSS ${Math.round(measured.peakKb / 1024)} MB`,
      )
      if (format === 'bibtex') bibtex = { file, measured }
      else rmSync(file, { force: true })
    }
    if (bibtex) {
      const { entries, ms } = parseOnly(bibtex.file, 'bibtex', 20_000)
      const whole = bibtex.measured
      console.log(
        `  BibTeX read and parsed alone (first ${entries.toLocaleString('en')} entries, this thread): ${perSecond(entries, ms)}; whole import ${perSecond(whole.added, whole.wallMs)} (goal 5,000 entries/s)`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
