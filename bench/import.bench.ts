// Import throughput, end to end and searchable: generated papers as an id list, CSL-JSON and
// BibTeX imported through the LibraryApi (parse thread, merge, SQLite, full-text index), timed
// until the call returns, then checked: nothing left queued for the index and the last paper
// found by its title. Then a 100k-paper import with a user editing notes meanwhile, from another
// process (the CLI importing while the app runs) and from the same one (an import in the app):
// edit latency p50/p95/max, failed edits, and the import's throughput against running alone.
// Also a streamed CSL-JSON file of PAPERSHELF_BENCH_IMPORT_LARGE_MB (200) megabytes: peak RSS.
// Sizes: PAPERSHELF_BENCH_IMPORT_SIZE=20000, PAPERSHELF_BENCH_IMPORT_CONTENDED=100000.
import { fork } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import type { ImportFormat } from '@shared/api/inputs'
import type { LibraryApi } from '@shared/api/library-api'
import { createClient } from '@shared/rpc/create-client'
import { createCore, DATABASE_FILE, type Core } from '../src/main/core/create-core'
import type { PaperDraft } from '../src/main/core/sources/paper-draft'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { generateLibrary } from './generate-library'

const SIZE = Number(process.env['PAPERSHELF_BENCH_IMPORT_SIZE'] ?? 20_000)
const CONTENDED = Number(process.env['PAPERSHELF_BENCH_IMPORT_CONTENDED'] ?? 100_000)
const LARGE_MB = Number(process.env['PAPERSHELF_BENCH_IMPORT_LARGE_MB'] ?? 200)
const BIBTEX_ENTRIES = 5_000
const EDITED = 200

const rate = (count: number, millis: number) =>
  `${Math.round((count / millis) * 1000).toLocaleString('en')} papers/s`
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** The CSL-JSON a reference manager would write for these drafts. */
export function cslJson(drafts: ReadonlyArray<PaperDraft>, withAbstracts: boolean): string {
  return JSON.stringify(
    drafts.map((d, i) => ({
      id: `item${i}`,
      type: 'article',
      title: d.title,
      author: (d.authors ?? []).map((a) => ({ literal: a.name })),
      issued: { 'date-parts': [(d.publishedAt ?? '2024').split('-').map(Number)] },
      URL: `https://arxiv.org/abs/${d.arxivId}`,
      ...(withAbstracts && d.abstract ? { abstract: d.abstract } : {}),
    })),
  )
}

/** A BibTeX file (arXiv preprints as Better BibTeX writes them) for these drafts. */
function bibtex(drafts: ReadonlyArray<PaperDraft>): string {
  const braced = (text: string) => text.replace(/[{}\\]/g, '')
  return drafts
    .map(
      (d, i) => `@article{key${i},
  title = {${braced(d.title ?? '')}},
  author = {${(d.authors ?? []).map((a) => braced(a.name)).join(' and ')}},
  year = {${(d.publishedAt ?? '2024').slice(0, 4)}},
  eprint = {${d.arxivId}},
  archiveprefix = {arXiv},
  primaryclass = {cs.LG},
  abstract = {${braced(d.abstract ?? '')}},
}
`,
    )
    .join('\n')
}

function openLibrary(dir: string): { core: Core; api: LibraryApi } {
  const core = createCore({ dataDir: dir })
  return { core, api: createClient(inProcessTransport(core)) }
}

/** Peak RSS of this process (the parse thread included) while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
  try {
    const value = await work()
    return { value, peak: Math.max(peak, process.memoryUsage.rss()) }
  } finally {
    clearInterval(timer)
  }
}

/** Imports `text` into a fresh library and checks it is searchable when the call returns. */
async function timedImport(
  label: string,
  text: string,
  format: ImportFormat,
  last: PaperDraft,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-import-'))
  const { core, api } = openLibrary(dir)
  try {
    // Starts the parse threads (through tsx here; the app's bundled threads start much faster):
    // the one for texts, and the one that reads streamed files.
    await api.importText({
      text: '2401.00001\n'.repeat(4_000),
      format: 'ids',
      sourceName: 'warm-up',
    })
    const warmUp = join(dir, 'warm-up.txt')
    writeFileSync(warmUp, '2401.00002\n')
    await api.importFile({ path: warmUp, format: 'ids', tags: [] })
    ;(globalThis as { gc?: () => void }).gc?.()
    const file = join(dir, `${label.replace(/\W+/g, '-')}.import`)
    writeFileSync(file, text)
    const started = performance.now()
    const cpuStart = cpuMs()
    const { value: report, peak } = await withPeakRss(() =>
      api.importFile({ path: file, format, tags: [] }),
    )
    const millis = performance.now() - started
    const cpu = cpuMs() - cpuStart
    const searchable = await isSearchable(api, dir, last)
    console.log(
      `  ${label}: ${report.added.toLocaleString('en')} papers (${megabytes(text.length)}) in ${millis.toFixed(0)} ms = ${rate(report.added, millis)} (CPU ${cpu.toFixed(0)} ms = ${rate(report.added, cpu)}); searchable on return: ${searchable}; peak RSS ${megabytes(peak)}`,
    )
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Nothing waits for the index, and the last paper is found by its title (when it has one). */
async function isSearchable(api: LibraryApi, dir: string, last: PaperDraft): Promise<string> {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
  const count = (sql: string) => db.prepare(sql).pluck().get() as number
  const pending = count('SELECT count(*) FROM search_pending')
  const unindexed = count('SELECT count(*) FROM papers') - count('SELECT count(*) FROM papers_fts')
  db.close()
  if (pending > 0 || unindexed > 0) return `NO (${pending} queued, ${unindexed} not indexed)`
  if (last.title === null || last.title === undefined) return 'yes (all indexed)'
  const hits = await api.search({ query: last.title, limit: 1 })
  return hits[0]?.arxivId === last.arxivId
    ? 'yes (all indexed, last title found)'
    : 'NO (last title not found)'
}

/** CPU time of this process, every thread (ms): on a busy machine it says more than the clock. */
function cpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

export function percentile(values: ReadonlyArray<number>, p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function latencyLine(label: string, latencies: ReadonlyArray<number>, errors: number): string {
  return `  ${label}: ${latencies.length} edits, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ${errors} failed (goal p95 ≤ 250 ms, none failed)`
}

/** Imports the big file into a library that already has papers to edit; `during` runs meanwhile. */
async function contendedImport(
  text: string,
  edit: boolean,
): Promise<{
  millis: number
  added: number
  other?: { latencies: number[]; errors: string[] }
  same?: { latencies: number[]; errors: number }
}> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-contended-'))
  const { core, api } = openLibrary(dir)
  try {
    const seed = await api.importText({
      text: Array.from({ length: EDITED }, (_, i) => `2101.${String(10_000 + i)}`).join('\n'),
      format: 'ids',
      sourceName: 'seed',
    })
    const ids = seed.paperIds
    const child = edit
      ? fork(
          fileURLToPath(new URL('./edit-loop.ts', import.meta.url)),
          [join(dir, DATABASE_FILE), JSON.stringify(ids), '20'],
          { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
        )
      : null
    if (child) await new Promise((resolve) => setTimeout(resolve, 1500))
    const same = { latencies: [] as number[], errors: 0 }
    let importing = true
    const inProcess = edit
      ? (async () => {
          for (let n = 0; importing; n += 1) {
            const started = performance.now()
            try {
              await api.setNote({ id: ids[n % ids.length]!, note: `app edit ${n}` })
              same.latencies.push(performance.now() - started)
            } catch {
              same.errors += 1
            }
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
        })()
      : Promise.resolve()
    const file = join(dir, 'big.json')
    writeFileSync(file, text)
    const started = performance.now()
    const report = await api.importFile({ path: file, format: 'csl-json', tags: [] })
    const millis = performance.now() - started
    importing = false
    await inProcess
    let other: { latencies: number[]; errors: string[] } | undefined
    if (child) {
      other = await new Promise((resolve) => {
        child.once('message', (m) => resolve(m as { latencies: number[]; errors: string[] }))
        child.send('stop')
      })
    }
    return { millis, added: report.added, ...(other ? { other } : {}), ...(edit ? { same } : {}) }
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A CSL-JSON file of LARGE_MB megabytes (the generated papers again and again under new ids),
 * streamed: peak RSS against the file's size.
 */
async function largeFile(drafts: ReadonlyArray<PaperDraft>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-large-'))
  const file = join(dir, 'large.json')
  const out = createWriteStream(file)
  let written = 0
  let count = 0
  out.write('[')
  while (written < LARGE_MB * 1024 * 1024) {
    const draft = drafts[count % drafts.length]!
    const item = JSON.stringify({
      id: `item${count}`,
      type: 'article',
      title: `${draft.title} (${count})`,
      author: (draft.authors ?? []).map((a) => ({ literal: a.name })),
      DOI: `10.5555/large.${count}`,
      abstract: draft.abstract,
    })
    const chunk = `${count === 0 ? '' : ','}${item}`
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    written += chunk.length
    count += 1
  }
  await new Promise<void>((resolve) => out.end(']', resolve))
  const { core, api } = openLibrary(dir)
  try {
    ;(globalThis as { gc?: () => void }).gc?.()
    const before = process.memoryUsage.rss()
    const started = performance.now()
    const { value: report, peak } = await withPeakRss(() =>
      api.importFile({ path: file, format: 'csl-json', tags: [] }),
    )
    const millis = performance.now() - started
    console.log(
      `\nstreamed ${megabytes(written)} CSL-JSON file (${count.toLocaleString('en')} papers): ${millis.toFixed(0)} ms = ${rate(report.added, millis)}; RSS ${megabytes(before)} before, peak ${megabytes(peak)} (goal ≤ 300 MB for 200 MB)`,
    )
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs the import benchmark and prints its figures. */
export async function run(): Promise<void> {
  const { drafts } = generateLibrary({ count: Math.max(SIZE, CONTENDED) })
  const sample = drafts.slice(0, SIZE)
  const last = sample.at(-1)!
  console.log(`\nend to end, searchable on return (${SIZE.toLocaleString('en')} generated papers)`)
  await timedImport('id list', sample.map((d) => d.arxivId).join('\n'), 'ids', {
    ...last,
    title: null,
  })
  await timedImport('CSL-JSON with abstracts', cslJson(sample, true), 'csl-json', last)
  const bib = sample.slice(0, BIBTEX_ENTRIES)
  await timedImport(`BibTeX (${BIBTEX_ENTRIES} entries)`, bibtex(bib), 'bibtex', bib.at(-1)!)

  await largeFile(drafts.slice(0, 20_000))

  const big = cslJson(drafts.slice(0, CONTENDED), false)
  console.log(
    `\n${CONTENDED.toLocaleString('en')}-paper CSL-JSON import (${megabytes(big.length)}, no abstracts) while a user edits notes`,
  )
  const alone = await contendedImport(big, false)
  console.log(`  alone: ${alone.millis.toFixed(0)} ms = ${rate(alone.added, alone.millis)}`)
  const contended = await contendedImport(big, true)
  console.log(
    `  with edits: ${contended.millis.toFixed(0)} ms = ${rate(contended.added, contended.millis)}, ${((alone.millis / contended.millis) * 100).toFixed(0)} % of alone (goal ≥ 80 %)`,
  )
  if (contended.other) {
    console.log(
      latencyLine(
        'edits from another process',
        contended.other.latencies,
        contended.other.errors.length,
      ),
    )
    const locked = contended.other.errors.filter((e) => /locked|busy/i.test(e)).length
    if (locked > 0) console.log(`    of which 'database is locked': ${locked}`)
  }
  if (contended.same) {
    console.log(
      latencyLine(
        'edits in the importing process',
        contended.same.latencies,
        contended.same.errors,
      ),
    )
  }
}
