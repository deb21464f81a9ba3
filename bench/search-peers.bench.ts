// Papershelf's search beside two in-process JavaScript engines, FlexSearch 0.8 and MiniSearch 7,
// on the same papers and the same queries, 10 results each: a generated 50k library and the 5,005
// real arXiv papers of the fixture corpus. Papershelf is timed through the LibraryApi (dispatch, as
// the UI calls it); the peers in process with no dispatch at all. Operator queries (`tag:`,
// `year:`…) are Papershelf's own and left out of the peers' figures.
// PAPERSHELF_BENCH_PEERS_SIZE=10000 to choose the generated library's size.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Document } from 'flexsearch'
import MiniSearch from 'minisearch'
import type { LibraryApi } from '@shared/api/library-api'
import { createClient } from '@shared/rpc/create-client'
import { createCore } from '../src/main/core/create-core'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import {
  generateLibrary,
  generateQueries,
  type BenchQuery,
  type BenchQueryKind,
  type GeneratedLibrary,
} from './generate-library'
import { importGeneratedDrafts, settleSearchIndex } from './seed-library'

const GENERATED = Number(process.env.PAPERSHELF_BENCH_PEERS_SIZE ?? 50_000)
const CORPUS = fileURLToPath(new URL('../test/fixtures/arxiv-corpus/papers.jsonl', import.meta.url))
const LIMIT = 10
const RUNS = 3
const GRADED: ReadonlyArray<BenchQueryKind> = [
  'exact-title',
  'typo-title',
  'title-fragment',
  'author',
  'prefix',
]
/** Where the expected paper must rank for a query of each kind to count as found. */
const WITHIN: Record<BenchQueryKind, number> = {
  'exact-title': 1,
  'typo-title': 3,
  'title-fragment': 10,
  author: 10,
  operator: 10,
  prefix: 10,
}

/** One engine as the bench drives it: the ranked draft indexes for a query. */
type Engine = { name: string; search: (query: string) => Promise<number[]> | number[] }
type Figures = {
  name: string
  p50: number
  p95: number
  found: Map<BenchQueryKind, [number, number]>
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1))

/** The fields every engine indexes: title, abstract, authors. */
function documents(library: GeneratedLibrary) {
  return library.drafts.map((draft, i) => ({
    id: i,
    title: draft.title ?? '',
    abstract: draft.abstract ?? '',
    authors: (draft.authors ?? []).map((a) => a.name).join(', '),
  }))
}

function flexSearch(library: GeneratedLibrary): Engine {
  // Forward tokenizing (prefixes) with the default encoder, the setup its README recommends for
  // search-as-you-type.
  const index = new Document({
    document: { id: 'id', index: ['title', 'abstract', 'authors'] },
    tokenize: 'forward',
  })
  for (const doc of documents(library)) index.add(doc)
  return {
    name: 'FlexSearch 0.8',
    search: (query) => {
      const hits = index.search(query, { limit: LIMIT, merge: true }) as unknown as Array<{
        id: number
      }>
      return hits.map((hit) => hit.id)
    },
  }
}

function miniSearch(library: GeneratedLibrary): Engine {
  const index = new MiniSearch({
    fields: ['title', 'abstract', 'authors'],
    searchOptions: { boost: { title: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'AND' },
  })
  index.addAll(documents(library))
  return {
    name: 'MiniSearch 7.2',
    search: (query) => {
      let hits = index.search(query)
      // AND finds nothing when one word is too far off: fall back to OR, as a search box would
      if (hits.length === 0) hits = index.search(query, { combineWith: 'OR' })
      return hits.slice(0, LIMIT).map((hit) => hit.id as number)
    },
  }
}

function papershelf(api: LibraryApi, ids: ReadonlyArray<number>, state: string): Engine {
  const indexOf = new Map(ids.map((id, i) => [id, i]))
  return {
    name: `Papershelf (through the API, ${state})`,
    search: async (query) => {
      const result = await api.searchLibrary({ query, limit: LIMIT })
      return result.hits.map((hit) => indexOf.get(hit.id) ?? -1)
    },
  }
}

/** Median of RUNS timed runs per query after one warm-up, and what each query found. */
async function measure(engine: Engine, queries: ReadonlyArray<BenchQuery>): Promise<Figures> {
  const times: number[] = []
  const found = new Map<BenchQueryKind, [number, number]>()
  for (const query of queries) {
    await engine.search(query.query)
    const runs: number[] = []
    let ranked: number[] = []
    for (let run = 0; run < RUNS; run += 1) {
      const start = process.hrtime.bigint()
      ranked = await engine.search(query.query)
      runs.push(ms(start))
    }
    times.push(quantile(runs, 0.5))
    if (query.expected === null) continue
    const at = ranked.indexOf(query.expected)
    const [hit, of] = found.get(query.kind) ?? [0, 0]
    found.set(query.kind, [hit + (at >= 0 && at < WITHIN[query.kind] ? 1 : 0), of + 1])
  }
  return { name: engine.name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), found }
}

function report(figures: ReadonlyArray<Figures>): void {
  for (const f of figures) {
    const kinds = GRADED.map((kind) => {
      const [hit, of] = f.found.get(kind) ?? [0, 0]
      return `${kind} ${of === 0 ? 'n/a' : `${Math.round((100 * hit) / of)}%`}`
    }).join(', ')
    console.log(
      `  ${f.name.padEnd(30)} p50 ${fmt(f.p50)} ms, p95 ${fmt(f.p95)} ms; found: ${kinds}`,
    )
  }
  const ours = figures.find((f) => f.name.startsWith('Papershelf'))
  for (const peer of figures) {
    if (!ours || peer.name.startsWith('Papershelf')) continue
    console.log(
      `  p50 ratio Papershelf / ${peer.name}: ${(ours.p50 / Math.max(peer.p50, 0.001)).toFixed(2)} (≤ 1 is as fast or faster)`,
    )
  }
}

async function compare(label: string, library: GeneratedLibrary): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-peers-'))
  try {
    console.log(`\n-- ${label}: ${library.drafts.length.toLocaleString('en')} papers --`)
    const queries = generateQueries(library, { count: 130, seed: 11 }).filter(
      (q) => q.kind !== 'operator' && q.expected !== null,
    )
    const ids = importGeneratedDrafts(dir, library, new Date())
    const core = createCore({ dataDir: dir })
    try {
      const api = createClient(inProcessTransport(core))
      await api.searchLibrary({ query: 'warm up', limit: LIMIT })
      let start = process.hrtime.bigint()
      const flex = flexSearch(library)
      const flexBuild = ms(start)
      start = process.hrtime.bigint()
      const mini = miniSearch(library)
      const miniBuild = ms(start)
      console.log(
        `${queries.length} queries (exact, typo'd, fragment, author, prefix), ${LIMIT} results, median of ${RUNS}; peer index builds: FlexSearch ${fmt(flexBuild)} ms, MiniSearch ${fmt(miniBuild)} ms`,
      )
      const figures: Figures[] = []
      const imported = await measure(papershelf(api, ids, 'index as imported'), queries)
      // what the background merge leaves a few seconds after the import: the figure compared
      settleSearchIndex(dir)
      for (const engine of [papershelf(api, ids, 'index merged'), flex, mini]) {
        figures.push(await measure(engine, queries))
      }
      figures.push(imported)
      report(figures)
    } finally {
      core.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The real arXiv papers of the fixture corpus, as a library the query generator can use. */
function realCorpus(): GeneratedLibrary {
  const papers = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        JSON.parse(line) as { arxivId: string; title: string; abstract: string; authors: string[] },
    )
    // the query generator asks every paper for an author
    .filter((paper) => paper.authors.length > 0)
  return {
    drafts: papers.map((paper, i) => ({
      arxivId: paper.arxivId,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors.map((name) => ({ name, affiliation: null })),
      provenance: { line: i + 1, rank: i + 1, section: null, raw: null },
    })),
    user: papers.map(() => ({
      tags: [],
      note: null,
      status: 'unread',
      starred: false,
      source: 'arxiv-corpus',
    })),
    sources: ['arxiv-corpus'],
  }
}

/** Runs the comparison on the generated library and on the real corpus. */
export async function run(): Promise<void> {
  await compare('generated library', generateLibrary({ count: GENERATED, seed: 1 }))
  await compare('real arXiv papers', realCorpus())
}
