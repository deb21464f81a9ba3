// Search at 10k/50k/100k generated papers: latency through the LibraryApi (dispatch, as the UI
// calls it), index build time, memory, quality; and naive fuse.js (default options, every field)
// on the same data in the same run. Sizes: PAPERSHELF_BENCH_SIZES=10000,50000 to choose.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fuse from 'fuse.js'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { createClient } from '@shared/rpc/create-client'
import { createCore, DATABASE_FILE } from '../src/main/core/create-core'
import { openDatabase } from '../src/main/core/db/open-database'
import { catchUpSearchIndex, rebuildSearchIndex } from '../src/main/core/db/papers-index'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import {
  generateLibrary,
  generateQueries,
  type BenchQuery,
  type GeneratedLibrary,
} from './generate-library'
import { applyGeneratedUserData, importGeneratedDrafts } from './seed-library'

const SIZES = (process.env.PAPERSHELF_BENCH_SIZES ?? '10000,50000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
/** Naive fuse.js takes seconds per query at these sizes: it runs on a subset (said in the output). */
const FUSE_QUERIES: Record<number, number> = { 10_000: 6, 50_000: 2, 100_000: 2 }
const WITH_FUSE = process.env.PAPERSHELF_BENCH_FUSE !== '0'
const RUNS = 3

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1))
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

type Timed = { query: BenchQuery; ms: number; rank: number | null }

/** Median of RUNS timed calls after one warm-up, and where the expected paper ranked. */
async function timeQuery(
  api: LibraryApi,
  query: BenchQuery,
  expectedId: PaperId | null,
): Promise<Timed> {
  await api.searchLibrary({ query: query.query, limit: 50 })
  const times: number[] = []
  let rank: number | null = null
  for (let run = 0; run < RUNS; run += 1) {
    const start = process.hrtime.bigint()
    const result = await api.searchLibrary({ query: query.query, limit: 50 })
    times.push(ms(start))
    const at = result.hits.findIndex((hit) => hit.id === expectedId)
    rank = at === -1 ? null : at + 1
  }
  return { query, ms: quantile(times, 0.5), rank }
}

function quality(rows: ReadonlyArray<{ query: BenchQuery; rank: number | null }>) {
  const share = (kind: BenchQuery['kind'], within: number) => {
    const of = rows.filter((r) => r.query.kind === kind && r.query.expected !== null)
    const hit = of.filter((r) => r.rank !== null && r.rank <= within).length
    return of.length === 0
      ? 'n/a'
      : `${((100 * hit) / of.length).toFixed(0)}% (${hit}/${of.length})`
  }
  return {
    exactTop1: share('exact-title', 1),
    typoTop3: share('typo-title', 3),
    fragmentTop10: share('title-fragment', 10),
    authorTop10: share('author', 10),
    operatorTop10: share('operator', 10),
    prefixTop10: share('prefix', 10),
  }
}

function naiveFuse(library: GeneratedLibrary) {
  const records = library.drafts.map((draft, i) => ({
    i,
    title: draft.title ?? '',
    authors: (draft.authors ?? []).map((a) => a.name).join(', '),
    abstract: draft.abstract ?? '',
    tags: library.user[i]?.tags.join(' ') ?? '',
    note: library.user[i]?.note ?? '',
    org: draft.organization?.name ?? '',
  }))
  const start = process.hrtime.bigint()
  const fuse = new Fuse(records, { keys: ['title', 'authors', 'org', 'abstract', 'tags', 'note'] })
  return { fuse, buildMs: ms(start) }
}

async function benchSize(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-search-'))
  try {
    console.log(`\n-- ${count.toLocaleString('en')} papers --`)
    let start = process.hrtime.bigint()
    const library = generateLibrary({ count, seed: 1 })
    const queries = generateQueries(library, { count: 100, seed: 7 })
    console.log(`generate: ${fmt(ms(start))} ms`)

    start = process.hrtime.bigint()
    const ids = importGeneratedDrafts(dir, library, new Date())
    console.log(`import drafts (with index): ${fmt(ms(start))} ms`)

    const core = createCore({ dataDir: dir })
    const api = createClient(inProcessTransport(core))
    start = process.hrtime.bigint()
    await applyGeneratedUserData(api, library, ids)
    console.log(`apply tags/notes/status through the API: ${fmt(ms(start))} ms`)

    // A full rebuild of the search index on its own connection (what the migration does once).
    const db = openDatabase(join(dir, DATABASE_FILE))
    start = process.hrtime.bigint()
    catchUpSearchIndex(db)
    console.log(`index what the bulk edits queued: ${fmt(ms(start))} ms`)
    start = process.hrtime.bigint()
    rebuildSearchIndex(db)
    console.log(`index build (full rebuild of FTS + vocabulary): ${fmt(ms(start))} ms`)
    db.close()

    globalThis.gc?.()
    const before = process.memoryUsage()
    start = process.hrtime.bigint()
    await api.searchLibrary({ query: 'warm up', limit: 50 })
    console.log(`first search (loads the vocabulary): ${fmt(ms(start))} ms`)

    const expectedId = (q: BenchQuery) => (q.expected === null ? null : (ids[q.expected] ?? null))
    const timed: Timed[] = []
    for (const query of queries) timed.push(await timeQuery(api, query, expectedId(query)))
    const times = timed.map((t) => t.ms)
    // As-you-type: every prefix of some typo'd and exact titles, one search per keystroke.
    const keystrokes: number[] = []
    const typed = queries.filter((q) => q.kind === 'typo-title' || q.kind === 'prefix').slice(0, 6)
    for (const query of typed) {
      for (let n = 1; n <= Math.min(40, query.query.length); n += 1) {
        const s = process.hrtime.bigint()
        await api.searchLibrary({ query: query.query.slice(0, n), limit: 50 })
        keystrokes.push(ms(s))
      }
    }
    globalThis.gc?.()
    const after = process.memoryUsage()
    const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3)
    console.log(
      `papershelf search, ${timed.length} queries (median of ${RUNS} each): p50 ${fmt(quantile(times, 0.5))} ms, p95 ${fmt(quantile(times, 0.95))} ms, max ${fmt(Math.max(...times))} ms`,
    )
    console.log(
      `  keystrokes (${keystrokes.length}): p50 ${fmt(quantile(keystrokes, 0.5))} ms, p95 ${fmt(quantile(keystrokes, 0.95))} ms, max ${fmt(Math.max(...keystrokes))} ms`,
    )
    console.log(
      `  slowest: ${slowest.map((t) => `${JSON.stringify(t.query.query)} ${fmt(t.ms)} ms`).join('; ')}`,
    )
    console.log(`  quality: ${JSON.stringify(quality(timed))}`)
    const misses = timed.filter(
      (t) =>
        (t.query.kind === 'typo-title' && t.query.expected !== null && (t.rank ?? 99) > 3) ||
        (t.query.kind === 'exact-title' && t.rank !== 1),
    )
    for (const miss of misses) {
      console.log(
        `  miss (${miss.query.kind}, rank ${miss.rank ?? '-'}): ${JSON.stringify(miss.query.query)}`,
      )
    }
    console.log(
      `  memory: rss ${mb(after.rss)}, heap ${mb(after.heapUsed)} (heap +${mb(Math.max(0, after.heapUsed - before.heapUsed))} while searching)`,
    )

    if (!WITH_FUSE) {
      core.close()
      return
    }
    // Naive fuse.js on a subset of exact and typo'd titles (the quality-graded kinds).
    const subset = [
      ...queries.filter((q) => q.kind === 'exact-title'),
      ...queries.filter((q) => q.kind === 'typo-title' && q.expected !== null),
    ]
    const take = FUSE_QUERIES[count] ?? 4
    const fuseQueries = [
      ...subset.filter((q) => q.kind === 'exact-title').slice(0, take / 2),
      ...subset.filter((q) => q.kind === 'typo-title').slice(0, take / 2),
    ]
    const heapBefore = process.memoryUsage().heapUsed
    const { fuse, buildMs } = naiveFuse(library)
    const fuseRows: Array<{ query: BenchQuery; rank: number | null; ms: number }> = []
    for (const query of fuseQueries) {
      const s = process.hrtime.bigint()
      const found = fuse.search(query.query, { limit: 50 })
      const took = ms(s)
      const at = found.findIndex((r) => r.item.i === query.expected)
      fuseRows.push({ query, rank: at === -1 ? null : at + 1, ms: took })
    }
    const fuseHeap = process.memoryUsage().heapUsed - heapBefore
    const ours = timed.filter((t) => fuseQueries.includes(t.query))
    const fuseMedian = quantile(
      fuseRows.map((r) => r.ms),
      0.5,
    )
    const oursMedian = quantile(
      ours.map((r) => r.ms),
      0.5,
    )
    console.log(
      `naive fuse.js (default options, 6 fields), ${fuseRows.length} of the queries (${take / 2} exact + ${take / 2} typo'd titles; the full set would take too long): build ${fmt(buildMs)} ms, heap +${mb(fuseHeap)}, p50 ${fmt(fuseMedian)} ms, max ${fmt(Math.max(...fuseRows.map((r) => r.ms)))} ms`,
    )
    console.log(`  fuse quality on that subset: ${JSON.stringify(quality(fuseRows))}`)
    console.log(`  papershelf quality on the same subset: ${JSON.stringify(quality(ours))}`)
    console.log(
      `  speed-up on the same queries: ${fmt(fuseMedian / Math.max(oursMedian, 0.001))}× (median ${fmt(oursMedian)} vs ${fmt(fuseMedian)} ms)`,
    )
    core.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs the search benchmark at every size. */
export async function run(): Promise<void> {
  console.log(`node ${process.version}; sizes ${SIZES.join(', ')}; latencies through dispatch`)
  for (const count of SIZES) await benchSize(count)
}
