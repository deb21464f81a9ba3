// One writer per library, under load. The owner (`serve`, or the app) runs in a process of its
// own (contention-owner.ts); a `papershelf import` of a CONTENDED-paper CSL-JSON file reaches it
// the way the CLI does (the lock, then the owner's loopback API), while a tab edits notes and
// tags through the same API every 20 ms. Prints the edits' latency p50/p95/max (goal p95 ≤
// 250 ms, none failed) and the import's throughput against the same import alone (goal ≥ 80 %).
// Size: PAPERSHELF_BENCH_CONTENTION_SIZE=100000.
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { createClient } from '@shared/rpc/create-client'
import { findOwner } from '../src/main/owner/find-owner'
import { ownerTransport } from '../src/main/owner/owner-transport'
import { generateLibrary } from './generate-library'
import { cslJson, percentile } from './import.bench'

const SIZE = Number(process.env['PAPERSHELF_BENCH_CONTENTION_SIZE'] ?? 100_000)
const EDITED = 200
const PAUSE_MS = 20

type Edits = { latencies: number[]; errors: string[] }

/**
 * CPU time a process has used, every thread (ms, from Linux's /proc/PID/stat at 100 ticks a
 * second): on a shared machine it compares two runs better than the clock does.
 */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

/** Starts the owner process on `dir` and returns the library as the CLI reaches it. */
async function startOwner(dir: string): Promise<{ api: LibraryApi; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./contention-owner.ts', import.meta.url)), [dir], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)),
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`the owner exited with ${code}`)))
  })
  const owner = await findOwner(dir)
  if (!owner) throw new Error(`no owner announced in ${dir}`)
  return { api: createClient(ownerTransport(owner)), child }
}

/** Edits notes and tags of `ids` through the owner, one every PAUSE_MS, until `running()` is false. */
async function editWhile(
  api: LibraryApi,
  ids: ReadonlyArray<PaperId>,
  running: () => boolean,
): Promise<Edits> {
  const edits: Edits = { latencies: [], errors: [] }
  for (let n = 0; running(); n += 1) {
    const id = ids[n % ids.length] as PaperId
    const started = performance.now()
    try {
      if (n % 2 === 0) await api.setNote({ id, note: `edit ${n}` })
      else await api.tagPapers({ ids: [id], tags: [`bench/${n % 7}`] })
      edits.latencies.push(performance.now() - started)
    } catch (error) {
      edits.errors.push((error as Error).message)
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
  }
  return edits
}

/** Imports `text` through a fresh library's owner, with a tab editing meanwhile when `edit`. */
async function importThroughOwner(
  text: string,
  edit: boolean,
): Promise<{ millis: number; cpuMs: number; added: number; edits?: Edits }> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-contention-'))
  const { api, child } = await startOwner(dir)
  try {
    const seed = await api.importText({
      text: Array.from({ length: EDITED }, (_, i) => `2101.${String(10_000 + i)}`).join('\n'),
      format: 'ids',
      sourceName: 'seed',
    })
    const file = join(dir, 'big.json')
    writeFileSync(file, text)
    let importing = true
    const edits = edit ? editWhile(api, seed.paperIds, () => importing) : null
    const started = performance.now()
    const cpuStart = cpuMsOf(child.pid)
    const report = await api.importFile({ path: file, format: 'csl-json', tags: [] })
    const millis = performance.now() - started
    const cpuMs = cpuMsOf(child.pid) - cpuStart
    importing = false
    return { millis, cpuMs, added: report.added, ...(edits ? { edits: await edits } : {}) }
  } finally {
    child.disconnect()
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs the contention benchmark and prints its figures. */
export async function run(): Promise<void> {
  const { drafts } = generateLibrary({ count: SIZE })
  const text = cslJson(drafts, false)
  const rate = (added: number, millis: number) =>
    `${Math.round((added / millis) * 1000).toLocaleString('en')} papers/s`
  console.log(
    `\n${SIZE.toLocaleString('en')}-paper CSL-JSON import through the library's owner, a tab editing notes and tags through it`,
  )
  const alone = await importThroughOwner(text, false)
  const line = (run: typeof alone) =>
    `${run.millis.toFixed(0)} ms = ${rate(run.added, run.millis)} (owner CPU ${run.cpuMs.toFixed(0)} ms = ${rate(run.added, run.cpuMs)})`
  console.log(`  import alone: ${line(alone)}`)
  const contended = await importThroughOwner(text, true)
  const share = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`
  console.log(
    `  import with edits: ${line(contended)}; ${share(alone.millis, contended.millis)} of alone by the clock, ${share(alone.cpuMs, contended.cpuMs)} by CPU time (goal ≥ 80 %)`,
  )
  const edits = contended.edits ?? { latencies: [], errors: [] }
  const latencies = edits.latencies
  console.log(
    `  edits: ${latencies.length}, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ${edits.errors.length} failed (goal p95 ≤ 250 ms, none failed)`,
  )
  const locked = edits.errors.filter((e) => /locked|busy/i.test(e)).length
  if (edits.errors.length > 0) {
    console.log(`    first failure: ${edits.errors[0]}; 'database is locked': ${locked}`)
  }
}
