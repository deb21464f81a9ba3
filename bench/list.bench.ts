// The library list through the LibraryApi (dispatch, as the UI calls it): the first window and a
// scroll page for every sort and filter at 100k papers, and a search inside a view (a tag, a list,
// a source) at 50k. Sizes: PAPERSHELF_BENCH_LIST_SIZE, PAPERSHELF_BENCH_LIST_SEARCH_SIZE.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperSort } from '@shared/model/paper'
import { PAPER_SORTS } from '@shared/model/paper'
import { createClient } from '@shared/rpc/create-client'
import { createCore, DATABASE_FILE } from '../src/main/core/create-core'
import { openDatabase } from '../src/main/core/db/open-database'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { insertPapers, type BulkPaper } from '../test/helpers/bulk-papers'
import { generateLibrary, generateQueries } from './generate-library'
import {
  applyGeneratedUserData,
  importGeneratedDrafts,
  indexQueuedPapers,
  settleSearchIndex,
  sourceIds,
} from './seed-library'

const SIZE = Number(process.env.PAPERSHELF_BENCH_LIST_SIZE ?? 100_000)
const SEARCH_SIZE = Number(process.env.PAPERSHELF_BENCH_LIST_SEARCH_SIZE ?? 50_000)
const RUNS = 5
/** What the list asks first: pages 0 and 1 of 100 rows, in one call. */
const FIRST = 200
const PAGE = 100

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1))
/** One call's median time, and the CPU time this process spent on it (steadier on a busy machine). */
type Timing = { wall: number; cpu: number }
const summary = (timings: ReadonlyArray<Timing>) => {
  const wall = timings.map((t) => t.wall)
  const cpu = timings.map((t) => t.cpu)
  return (
    `p50 ${fmt(quantile(wall, 0.5))} ms, p95 ${fmt(quantile(wall, 0.95))} ms, max ${fmt(Math.max(...wall))} ms` +
    ` (CPU p50 ${fmt(quantile(cpu, 0.5))}, p95 ${fmt(quantile(cpu, 0.95))})`
  )
}

const STATUSES = ['unread', 'unread', 'unread', 'unread', 'unread', 'unread', 'unread']
  .concat(['reading', 'reading', 'read'])
  .map((s) => s as 'unread' | 'reading' | 'read')
const SOURCES = ['hf-daily', 'arxiv-cs-cl', 'awesome-llm', 'zotero-export']

/** A 100k library with the spread of a real one: most unread, few starred, unknown values. */
function paper(i: number): BulkPaper {
  const tags =
    i % 20 === 0 ? ['llm'] : i % 20 === 1 ? ['llm/decoding'] : i % 7 === 0 ? ['vision'] : []
  return {
    title: `Paper ${(i * 7919) % SIZE} on topic ${i % 97}`,
    status: STATUSES[i % STATUSES.length] ?? 'unread',
    starred: i % 33 === 0,
    publishedAt: i % 10 === 0 ? null : `20${10 + (i % 16)}-0${1 + (i % 9)}-1${i % 10}`,
    upvotes: i % 5 < 2 ? null : (i * 31) % 700,
    tags,
    source: SOURCES[i % SOURCES.length] ?? 'hf-daily',
    ...(i % 50 === 0 ? { list: 'reading group' } : {}),
  }
}

type View = { name: string; filter: Omit<Parameters<LibraryApi['listPaperRows']>[0], 'sort'> }

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  await run()
  const walls: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint()
    const cpu = process.cpuUsage()
    await run()
    const used = process.cpuUsage(cpu)
    walls.push(ms(start))
    cpus.push((used.user + used.system) / 1000)
  }
  return { wall: quantile(walls, 0.5), cpu: quantile(cpus, 0.5) }
}

async function listWindows(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-list-'))
  try {
    console.log(`\n-- list windows, ${SIZE.toLocaleString('en')} papers --`)
    const start = process.hrtime.bigint()
    insertPapers(dir, SIZE, paper, { searchIndex: false })
    // "For you" scores for four papers in five, as a training leaves them
    const db = openDatabase(join(dir, DATABASE_FILE))
    db.exec(
      'INSERT INTO paper_scores (paper_id, for_you) SELECT id, ((id * 2654435761) % 1000) / 1000.0 FROM papers WHERE id % 5 <> 0',
    )
    db.close()
    console.log(`generate: ${fmt(ms(start))} ms`)
    const core = createCore({ dataDir: dir })
    const api = createClient(inProcessTransport(core))
    try {
      const lists = await api.listLists({})
      const sources = sourceIds(dir)
      const views: View[] = [
        { name: 'all', filter: { view: 'all' } },
        { name: 'new', filter: { view: 'new' } },
        { name: 'unread', filter: { view: 'unread' } },
        { name: 'reading', filter: { view: 'reading' } },
        { name: 'read', filter: { view: 'read' } },
        { name: 'starred', filter: { view: 'starred' } },
        { name: 'tag llm', filter: { view: 'all', tag: 'llm' } },
        { name: 'list', filter: { view: 'all', listId: lists[0]?.id } },
        { name: 'source', filter: { view: 'all', sourceId: sources[0] } },
      ]
      const first: Timing[] = []
      const scroll: Timing[] = []
      const worst: Array<{ what: string; ms: number }> = []
      for (const view of views) {
        for (const sort of PAPER_SORTS as ReadonlyArray<PaperSort>) {
          const { total } = await api.listPaperRows({ ...view.filter, sort, limit: 1 })
          const a = await timed(() => api.listPaperRows({ ...view.filter, sort, limit: FIRST }))
          const offset = Math.max(0, Math.floor(total / 2) - PAGE)
          const b = await timed(() =>
            api.listPaperRows({ ...view.filter, sort, offset, limit: PAGE }),
          )
          first.push(a)
          scroll.push(b)
          worst.push({ what: `${view.name} by ${sort} (first)`, ms: a.wall })
          worst.push({ what: `${view.name} by ${sort} (scroll to ${offset})`, ms: b.wall })
        }
      }
      console.log(`first window (${FIRST} rows), ${first.length} sort × filter: ${summary(first)}`)
      console.log(`scroll page (${PAGE} rows, mid-view): ${summary(scroll)}`)
      console.log(
        `slowest: ${worst
          .sort((x, y) => y.ms - x.ms)
          .slice(0, 4)
          .map((w) => `${w.what} ${fmt(w.ms)} ms`)
          .join('; ')}`,
      )
    } finally {
      core.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function searchInViews(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-list-search-'))
  try {
    console.log(`\n-- search inside a view, ${SEARCH_SIZE.toLocaleString('en')} papers --`)
    const library = generateLibrary({ count: SEARCH_SIZE, seed: 1 })
    const queries = generateQueries(library, { count: 60, seed: 7 })
    const ids = importGeneratedDrafts(dir, library, new Date())
    const seeding = createCore({ dataDir: dir })
    try {
      const seed = createClient(inProcessTransport(seeding))
      await applyGeneratedUserData(seed, library, ids)
      const list = await seed.createList({ name: 'bench' })
      await seed.addToList({ listId: list.id, ids: ids.filter((_, i) => i % 25 === 0) })
    } finally {
      seeding.close()
    }
    // as a one-shot import leaves it: searchable, its index not merged yet
    indexQueuedPapers(dir)
    const core = createCore({ dataDir: dir })
    const api = createClient(inProcessTransport(core))
    try {
      const tags = [...(await api.listTags({}))].sort((a, b) => b.paperCount - a.paperCount)
      const [list] = await api.listLists({})
      const sources = sourceIds(dir)
      const views: View[] = [
        { name: `tag ${tags[0]?.name ?? ''}`, filter: { view: 'all', tag: tags[0]?.name } },
        { name: 'list', filter: { view: 'all', listId: list?.id } },
        { name: 'source', filter: { view: 'all', sourceId: sources[0] } },
        { name: 'unread', filter: { view: 'unread' } },
      ]
      await api.searchPaperRows({ query: 'warm up', limit: FIRST })
      console.log('right after the import (the index in the segments its batches wrote):')
      await searchFigures(api, views, queries)
      settleSearchIndex(dir)
      console.log('once the background merge has settled the index:')
      await searchFigures(api, views, queries)
    } finally {
      core.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Search inside each view for every query, and sorted by date inside the first. */
async function searchFigures(
  api: LibraryApi,
  views: ReadonlyArray<View>,
  queries: ReadonlyArray<{ query: string }>,
): Promise<void> {
  for (const view of views) {
    const times: Timing[] = []
    for (const query of queries) {
      times.push(
        await timed(() =>
          api.searchPaperRows({ ...view.filter, query: query.query, limit: FIRST }),
        ),
      )
    }
    console.log(`search in ${view.name}, ${queries.length} queries: ${summary(times)}`)
  }
  const sorted: Timing[] = []
  for (const query of queries.slice(0, 20)) {
    sorted.push(
      await timed(() =>
        api.searchPaperRows({
          ...views[0]?.filter,
          query: query.query,
          sort: 'published',
          limit: FIRST,
        }),
      ),
    )
  }
  console.log(`search in ${views[0]?.name ?? ''} sorted by date, 20 queries: ${summary(sorted)}`)
}

export async function run(): Promise<void> {
  console.log(
    '(figures from a shared machine: noisy; each is the median of 5 calls, with the CPU time this process spent)',
  )
  await listWindows()
  await searchInViews()
}
