// `papershelf serve` under a long search loop: a 50k library, the built CLI in its own process,
// searches and list windows over its HTTP door as a tab sends them, without pause; the process's
// resident memory sampled all along. Steady state means no growth once warmed up.
// PAPERSHELF_BENCH_SERVE_MINUTES (default 10) and PAPERSHELF_BENCH_SERVE_SIZE (default 50000).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TOKEN_PARAM } from '@shared/rpc/protocol'
import { createClient } from '@shared/rpc/create-client'
import { createNodeHttpTransport } from '../test/helpers/node-http-client'
import { generateLibrary, generateQueries } from './generate-library'
import { importGeneratedDrafts } from './seed-library'
import { serveInChild } from './ui.bench'

const MINUTES = Number(process.env.PAPERSHELF_BENCH_SERVE_MINUTES ?? 10)
const SIZE = Number(process.env.PAPERSHELF_BENCH_SERVE_SIZE ?? 50_000)
const SAMPLE_MS = 5_000

/** The process's resident set in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

/** Least-squares slope of `values` against their minutes, in MB per minute. */
function slopePerMinute(samples: ReadonlyArray<{ at: number; mb: number }>): number {
  const n = samples.length
  if (n < 2) return 0
  const mx = samples.reduce((sum, s) => sum + s.at, 0) / n
  const my = samples.reduce((sum, s) => sum + s.mb, 0) / n
  let num = 0
  let den = 0
  for (const s of samples) {
    num += (s.at - mx) * (s.mb - my)
    den += (s.at - mx) ** 2
  }
  return den === 0 ? 0 : (num / den) * 60_000
}

/** Runs the loop for MINUTES and prints the memory figures. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-serve-'))
  try {
    const library = generateLibrary({ count: SIZE, seed: 1 })
    const queries = generateQueries(library, { count: 200, seed: 5 }).map((q) => q.query)
    importGeneratedDrafts(dir, library, new Date())
    const server = await serveInChild(dir)
    try {
      const url = new URL(server.url)
      const token = url.searchParams.get(TOKEN_PARAM) ?? ''
      const api = createClient(createNodeHttpTransport(url.origin, token))
      const samples: Array<{ at: number; mb: number }> = []
      const started = Date.now()
      const end = started + MINUTES * 60_000
      samples.push({ at: 0, mb: rssMb(server.pid) })
      let nextSample = started + SAMPLE_MS
      let calls = 0
      while (Date.now() < end) {
        const query = queries[calls % queries.length] ?? ''
        // what a tab sends while someone types and scrolls: a search window, then a browse window
        await api.searchPaperRows({ view: 'all', query, offset: 0, limit: 200 })
        await api.listPaperRows({
          view: 'all',
          sort: 'added',
          order: 'desc',
          offset: (calls * 200) % SIZE,
          limit: 200,
        })
        calls += 2
        if (Date.now() >= nextSample) {
          samples.push({ at: Date.now() - started, mb: rssMb(server.pid) })
          nextSample += SAMPLE_MS
        }
      }
      // The first fifth warms caches (page cache, statement cache, vocabulary); growth is judged after it.
      const warm = samples.filter((s) => s.at >= (MINUTES * 60_000) / 5)
      const first = warm[0]?.mb ?? 0
      const last = warm.at(-1)?.mb ?? 0
      const peak = Math.max(...samples.map((s) => s.mb))
      console.log(
        `serve, ${SIZE.toLocaleString('en')} papers, ${MINUTES} min of searches and list windows over HTTP: ${calls.toLocaleString('en')} calls (${(calls / (MINUTES * 60)).toFixed(0)}/s)`,
      )
      console.log(
        `  RSS: at start ${samples[0]?.mb.toFixed(0)} MB, after warm-up ${first.toFixed(0)} MB, at the end ${last.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`,
      )
      console.log(
        `  after warm-up: ${last - first >= 0 ? '+' : ''}${(last - first).toFixed(0)} MB, trend ${slopePerMinute(warm).toFixed(2)} MB/min over ${warm.length} samples`,
      )
    } finally {
      await server.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
