// Sync throughput: generated papers served as Hugging Face daily pages by a local HTTP server (in
// its own process, as a real server is) and synced through the LibraryApi (HTTP, zod validation, merge, SQLite incl. full-text index), beside
// the raw limit measured in the same run: the same rows bulk-inserted, then one index rebuild.
// Also: re-sync of 50k unchanged papers (with and without ETags) and one daily page of 50 papers
// applied to the largest library. Sizes: PAPERSHELF_BENCH_SYNC_SIZES=10000,100000 to choose.
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LibraryApi } from '@shared/api/library-api'
import type { SyncRun } from '@shared/model/sync-source'
import { createClient } from '@shared/rpc/create-client'
import { createCore, DATABASE_FILE, type Core } from '../src/main/core/create-core'
import { openDatabase } from '../src/main/core/db/open-database'
import { rebuildSearchIndex } from '../src/main/core/db/papers-index'
import type { PaperDraft } from '../src/main/core/sources/paper-draft'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { generateLibrary } from './generate-library'

const SIZES = (process.env['PAPERSHELF_BENCH_SYNC_SIZES'] ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const PAGE = 100
const UNCHANGED = 50_000
const DAILY_PAGE = 50

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
/** CPU time of this process (ms): on a busy machine it says more than the wall clock. */
const cpuMs = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
const rate = (count: number, millis: number) =>
  `${Math.round((count / millis) * 1000).toLocaleString('en')} papers/s`

/** A draft as a Hugging Face daily item (the shape the adapter validates). */
function hfItem(draft: PaperDraft, date: string) {
  const paper = {
    id: draft.arxivId,
    title: draft.title,
    summary: draft.abstract,
    authors: (draft.authors ?? []).map((a, i) => ({ _id: `a${i}`, name: a.name, hidden: false })),
    publishedAt: `${draft.publishedAt ?? '2024-01-01'}T00:00:00.000Z`,
    submittedOnDailyAt: `${date}T00:00:00.000Z`,
    upvotes: draft.upvotes ?? 0,
    discussionId: '0'.repeat(24),
    ai_keywords: (draft.suggestedTags ?? []).map((t) => t.label),
    ...(draft.organization
      ? {
          organization: {
            _id: 'o',
            name: draft.organization.handle ?? 'org',
            fullname: draft.organization.name,
          },
        }
      : {}),
  }
  return {
    paper,
    publishedAt: paper.publishedAt,
    title: draft.title,
    summary: draft.abstract,
    numComments: 0,
    isAuthorParticipating: false,
  }
}

/**
 * Starts the daily-papers server in a child process with the given pages (written to files it
 * reads), so the figures count the app's work only; `setEtags` switches conditional answers.
 */
async function startDailyServer(days: Map<string, string[]>) {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-pages-'))
  for (const [date, pages] of days) writeFileSync(join(dir, `${date}.ndjson`), pages.join('\n'))
  const child = fork(fileURLToPath(new URL('./daily-pages-server.ts', import.meta.url)), [dir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const reply = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return
        child.off('message', onMessage)
        resolve(message[key] as T)
      }
      child.on('message', onMessage)
      child.once('exit', (code) => reject(new Error(`page server exited (${code})`)))
    })
  const port = await reply<number>('port')
  return {
    url: `http://127.0.0.1:${port}`,
    setEtags: async (on: boolean) => {
      const ack = reply<boolean>('ack')
      child.send({ etags: on })
      await ack
    },
    close: () => {
      child.disconnect()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function pagesOf(drafts: ReadonlyArray<PaperDraft>, date: string): string[] {
  const pages: string[] = []
  for (let i = 0; i < drafts.length; i += PAGE) {
    pages.push(JSON.stringify(drafts.slice(i, i + PAGE).map((d) => hfItem(d, date))))
  }
  return pages
}

/** The raw limit: every row and author in one transaction with prepared statements, then one index rebuild. */
function rawLimit(drafts: ReadonlyArray<PaperDraft>): {
  insertMs: number
  indexMs: number
  cpu: number
} {
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-raw-'))
  try {
    const db = openDatabase(join(dir, DATABASE_FILE))
    const now = new Date().toISOString()
    const insert = db.prepare(
      `INSERT INTO papers (arxiv_id, title_key, title, abstract, author_count, organization, published_at, upvotes,
         featured_on, metadata_rank, added_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 4, ?, ?)`,
    )
    const author = db.prepare(
      'INSERT INTO paper_authors (paper_id, position, name, affiliation) VALUES (?, ?, ?, NULL)',
    )
    const label = db.prepare(
      "INSERT INTO paper_categories (paper_id, label, origin) VALUES (?, ?, 'hf-keyword')",
    )
    const cpuStart = cpuMs()
    const start = process.hrtime.bigint()
    db.transaction(() => {
      for (const d of drafts) {
        const id = Number(
          insert.run(
            d.arxivId,
            (d.title ?? '').toLowerCase(),
            d.title,
            d.abstract,
            d.authors?.length ?? 0,
            d.organization?.name ?? null,
            d.publishedAt,
            d.upvotes ?? null,
            '2026-05-18',
            now,
            now,
          ).lastInsertRowid,
        )
        ;(d.authors ?? []).forEach((a, i) => author.run(id, i, a.name))
        for (const t of d.suggestedTags ?? []) label.run(id, t.label)
      }
    })()
    const insertMs = ms(start)
    const indexStart = process.hrtime.bigint()
    rebuildSearchIndex(db)
    const indexMs = ms(indexStart)
    const cpu = cpuMs() - cpuStart
    db.close()
    return { insertMs, indexMs, cpu }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function openLibrary(dir: string, serverUrl: string): { core: Core; api: LibraryApi } {
  const core = createCore({
    dataDir: dir,
    baseUrls: { huggingFace: serverUrl },
    sync: { retries: 0 },
  })
  return { core, api: createClient(inProcessTransport(core)) }
}

async function timedSync(api: LibraryApi, date: string): Promise<{ run: SyncRun; millis: number }> {
  const start = process.hrtime.bigint()
  const run = await api.syncOnce({ kind: 'hf-daily', params: { date } })
  const millis = ms(start)
  if (run.status !== 'ok') throw new Error(`sync failed: ${run.error ?? ''}`)
  return { run, millis }
}

/**
 * Generates `size` papers (plus one extra daily page), measures the raw limit on them and hands
 * them to the page server; the drafts are dropped afterwards, so the sync runs in a process that
 * holds only what the app would.
 */
async function prepare(size: number) {
  const all = generateLibrary({ count: size + 2 * DAILY_PAGE, seed: 7 }).drafts
  const drafts = all.slice(0, size)
  // Two dates of half each, so the unchanged re-sync below covers one of them.
  const half = Math.min(UNCHANGED, Math.floor(size / 2))
  const server = await startDailyServer(
    new Map([
      ['2026-05-18', pagesOf(drafts.slice(0, half), '2026-05-18')],
      ['2026-05-19', pagesOf(drafts.slice(half), '2026-05-19')],
      ['2026-05-20', pagesOf(all.slice(size, size + DAILY_PAGE), '2026-05-20')],
      ['2026-05-21', pagesOf(all.slice(size + DAILY_PAGE), '2026-05-21')],
    ]),
  )
  return { server, half, raw: rawLimit(drafts) }
}

/** Runs the sync benchmark and prints its figures. */
export async function run(): Promise<void> {
  for (const size of SIZES) {
    const { server, half, raw } = await prepare(size)
    ;(globalThis as { gc?: () => void }).gc?.()
    const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-sync-'))
    try {
      const { core, api } = openLibrary(dir, server.url)
      // A first small sync starts the parse thread (from TypeScript sources here, through tsx,
      // which takes about a second; the app's bundled thread starts in a fraction of that).
      await timedSync(api, '2026-05-21')
      const syncCpuStart = cpuMs()
      const first = await timedSync(api, '2026-05-18')
      const second = await timedSync(api, '2026-05-19')
      const syncMs = first.millis + second.millis
      const syncCpu = cpuMs() - syncCpuStart
      const added = first.run.added + second.run.added
      console.log(
        `\n${size.toLocaleString('en')} papers (${Math.ceil(size / PAGE)} pages of ${PAGE})`,
      )
      console.log(
        `  raw limit: bulk insert ${raw.insertMs.toFixed(0)} ms + index rebuild ${raw.indexMs.toFixed(0)} ms = ${rate(size, raw.insertMs + raw.indexMs)}; CPU ${raw.cpu.toFixed(0)} ms = ${rate(size, raw.cpu)}`,
      )
      console.log(
        `  sync end to end (HTTP + validate + merge + SQLite + FTS, one transaction per page): ${syncMs.toFixed(0)} ms = ${rate(added, syncMs)}; CPU ${syncCpu.toFixed(0)} ms = ${rate(added, syncCpu)} (${added} added)`,
      )

      const withEtag = await timedSync(api, '2026-05-18')
      await server.setEtags(false)
      const withoutEtag = await timedSync(api, '2026-05-18')
      await server.setEtags(true)
      console.log(
        `  re-sync of ${half.toLocaleString('en')} unchanged: ${withEtag.millis.toFixed(0)} ms with ETags (304s), ${withoutEtag.millis.toFixed(0)} ms without (bodies downloaded and recognised by hash; ${withoutEtag.run.unchanged} unchanged, ${withoutEtag.run.updated} updated)`,
      )

      const page = await timedSync(api, '2026-05-20')
      console.log(
        `  one daily page of ${DAILY_PAGE} new papers into ${added.toLocaleString('en')}: ${page.millis.toFixed(1)} ms (${page.run.added} added)`,
      )
      core.close()
    } finally {
      server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
