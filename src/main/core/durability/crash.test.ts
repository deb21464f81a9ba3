import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '@shared/rpc/create-client'
import {
  startFixtureServer,
  type FixtureServer,
} from '../../../../test/helpers/fixture-http-server'
import type { CrashWorkerPlan } from '../../../../test/helpers/crash-worker'
import { arxivIdList } from '../../../../test/helpers/library-builders'
import { inProcessTransport } from '../../transport/in-process-transport'
import { createCore, DATABASE_FILE } from '../create-core'
import { LATEST_VERSION, MIGRATIONS, migrate } from '../db/migrations'
import type { WritableDb } from '../db/open-database'

// CI runs 50 kills; PAPERSHELF_CRASH_KILLS=500 (for example) runs a longer trial.
const KILLS = Number(process.env['PAPERSHELF_CRASH_KILLS'] ?? 50)
const SEED = Number(process.env['PAPERSHELF_CRASH_SEED'] ?? Date.now() % 1_000_000)
const BATCHES = 10
const BATCH_SIZE = 500
const SERVER_BATCH_SIZE = 300
const SEEDED = 20
/** Seeded papers sit inside batch 0, past the papers the run edits, so imports merge into them. */
const SEEDED_OFFSET = 100

const repo = fileURLToPath(new URL('../../../../', import.meta.url))
// Bundled with vite rather than run with `node --import tsx`: tsx loads the parsers' dependencies
// through their CommonJS builds, which do not load here, and the bundle also starts faster.
const bundleDir = join(repo, 'node_modules', '.cache', `papershelf-crash-${process.pid}`)
const worker = join(bundleDir, 'crash-worker.js')

/**
 * Builds the worker into ES modules that import their packages from node_modules, with the
 * parse thread's script beside it as in the app's build.
 */
async function bundleWorker(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repo,
    resolve: { alias: { '@shared': join(repo, 'src', 'shared') } },
    build: {
      ssr: true,
      rollupOptions: {
        input: {
          'crash-worker': join(repo, 'test', 'helpers', 'crash-worker.ts'),
          'parse-worker': join(repo, 'src', 'main', 'core', 'parse', 'parse-worker.ts'),
        },
      },
      outDir: bundleDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
    },
  })
}

/** A small seeded PRNG (mulberry32), so a failing trial can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Authors of the n-th generated paper: one to three, so a half-written author list shows. */
const authorsOf = (n: number) =>
  ['Ann Alpha', 'Bo Beta', 'Cy Gamma'].slice(0, 1 + (n % 3)).map((name) => `${name} ${n}`)

/** A CSL-JSON list of `count` arXiv papers with titles and authors, starting at id number `start`. */
function cslJsonList(count: number, start: number): string {
  const items = arxivIdList(count, start)
    .split('\n')
    .map((id, i) => ({
      id: `p${start + i}`,
      type: 'article',
      title: `Crash paper ${start + i}`,
      author: authorsOf(start + i).map((literal) => ({ literal })),
      URL: `https://arxiv.org/abs/${id}`,
    }))
  return JSON.stringify(items, null, 1)
}

type Lane = {
  name: string
  dataDir: string
  from: CrashWorkerPlan['from']
  idStart: number
  /** Papers per list file. */
  batchSize: number
  /** Whether the lane's lists carry author names that must arrive whole with each paper. */
  withAuthors: boolean
  userFields: unknown
}

/** The user's own fields of the seeded papers (tags other than the import's batch tags). */
function userFields(dataDir: string, idStart: number): unknown {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    const ids = arxivIdList(SEEDED, idStart + SEEDED_OFFSET).split('\n')
    return ids.map((arxivId) =>
      db
        .prepare(
          `SELECT p.arxiv_id, p.status, p.starred, p.note,
             (SELECT group_concat(name, ',') FROM (SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
              WHERE pt.paper_id = p.id AND t.name NOT LIKE 'batch-%' ORDER BY t.name)) AS tags
           FROM papers p WHERE p.arxiv_id = ?`,
        )
        .get(arxivId),
    )
  } finally {
    db.close()
  }
}

/** Seeds a library with the user's data the run must never change. */
async function seedLane(dataDir: string, idStart: number): Promise<void> {
  const core = createCore({ dataDir })
  try {
    const api = createClient(inProcessTransport(core))
    const report = await api.importText({
      text: arxivIdList(SEEDED, idStart + SEEDED_OFFSET),
      sourceName: 'seed.txt',
      tags: [],
    })
    const ids = report.paperIds
    await api.tagPapers({ ids: ids.slice(0, 10), tags: ['mine', 'llm/decoding'] })
    await api.setStatus({ ids: ids.slice(5, 15), status: 'read' })
    await api.setStarred({ ids: ids.slice(0, 3), starred: true })
    for (const [i, id] of ids.slice(0, 8).entries()) {
      await api.setNote({ id, note: `my note ${i} ✓` })
    }
  } finally {
    core.close()
  }
}

/**
 * Checks a library after a kill: intact, opens, every import whole or absent once it has opened
 * again (an import commits in batches; the next open undoes one a kill cut short), user data
 * unchanged.
 */
function verify(lane: Lane, kill: number): void {
  const where = `${lane.name}, kill ${kill}, seed ${SEED}`
  createCore({ dataDir: lane.dataDir }).close()
  const db = new Database(join(lane.dataDir, DATABASE_FILE))
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok')
    expect(db.pragma('foreign_key_check'), where).toEqual([])
    const one = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...params) as number
    expect(
      one(
        'SELECT count(*) FROM papers p WHERE NOT EXISTS (SELECT 1 FROM paper_sources s WHERE s.paper_id = p.id)',
      ),
      `${where}: papers without provenance`,
    ).toBe(0)
    if (one("SELECT count(*) FROM sqlite_master WHERE name = 'papers_fts'") === 1) {
      expect(one('SELECT count(*) FROM papers_fts'), `${where}: full-text rows`).toBe(
        one('SELECT count(*) FROM papers'),
      )
      expect(
        one(
          'SELECT count(*) FROM papers p WHERE NOT EXISTS (SELECT 1 FROM papers_fts f WHERE f.rowid = p.id)',
        ),
        where,
      ).toBe(0)
    }
    for (let n = 0; n < BATCHES; n += 1) {
      const tagged = one(
        `SELECT count(*) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?`,
        `batch-${n}`,
      )
      const ids = JSON.stringify(
        arxivIdList(lane.batchSize, lane.idStart + n * lane.batchSize).split('\n'),
      )
      const present = one(
        'SELECT count(*) FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))',
        ids,
      )
      const seeded = n === 0 ? SEEDED : 0
      expect([0, lane.batchSize], `${where}: batch ${n} tagged on ${tagged} papers`).toContain(
        tagged,
      )
      expect(present, `${where}: batch ${n} has ${present} papers`).toBe(
        tagged === 0 ? seeded : lane.batchSize,
      )
      if (lane.withAuthors && tagged > 0) {
        const wrong = (
          db
            .prepare(
              `SELECT p.arxiv_id, (SELECT group_concat(name, '|') FROM (SELECT name FROM paper_authors a WHERE a.paper_id = p.id ORDER BY position)) AS names
             FROM papers p WHERE p.arxiv_id IN (SELECT value FROM json_each(?))`,
            )
            .all(ids) as Array<{ arxiv_id: string; names: string | null }>
        ).filter((row) => {
          const index = JSON.parse(ids) as string[]
          const number = lane.idStart + n * lane.batchSize + index.indexOf(row.arxiv_id)
          return row.names !== authorsOf(number).join('|')
        })
        expect(wrong, `${where}: batch ${n} papers with missing or partial authors`).toEqual([])
      }
    }
    expect(one('SELECT count(*) FROM import_runs'), `${where}: unfinished imports`).toBe(0)
  } finally {
    db.close()
  }
  expect(
    userFields(lane.dataDir, lane.idStart),
    `${where}: the user's tags, notes, status and stars`,
  ).toEqual(lane.userFields)
}

/** Starts a worker and kills it with SIGKILL at a random moment; resolves once it is gone. */
async function runAndKill(
  lane: Lane,
  rand: () => number,
  timing: { anyTime: boolean; delayMs?: number } = { anyTime: rand() < 0.2 },
): Promise<{ steps: number; readyAfterMs: number | null }> {
  const started = Date.now()
  let readyAfterMs: number | null = null
  const plan: CrashWorkerPlan = {
    dataDir: lane.dataDir,
    from: lane.from,
    batches: BATCHES,
    firstBatch: Math.floor(rand() * BATCHES),
  }
  const child: ChildProcess = spawn(process.execPath, [worker, JSON.stringify(plan)], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let steps = 0
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    if (readyAfterMs === null && text.includes('ready')) readyAfterMs = Date.now() - started
    steps += text.split('\n').filter((l) => /^(imported|edited)/.test(l)).length
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  // One kill in five lands anywhere from start-up on (opening, recovery); the rest after 0–1
  // committed imports of this run, at a random moment of the next one.
  const early = timing.anyTime
  const imports = early ? 0 : Math.floor(rand() * 2)
  if (!early) {
    await Promise.race([
      new Promise<void>((resolve) => {
        let seen = 0
        let ready = false
        child.stdout?.on('data', (chunk: Buffer) => {
          const text = chunk.toString()
          ready ||= text.includes('ready')
          seen += (text.match(/^imported/gm) ?? []).length
          if (ready && seen >= imports) resolve()
        })
      }),
      exited,
    ])
  }
  const delay = timing.delayMs ?? Math.floor(rand() * (early ? 1500 : 700))
  const outcome = await Promise.race([
    new Promise<'killed'>((resolve) => setTimeout(() => resolve('killed'), delay)),
    exited.then(() => 'exited' as const),
  ])
  if (outcome === 'exited') throw new Error(`the worker stopped by itself:\n${stderr}`)
  child.kill('SIGKILL')
  await exited
  return { steps, readyAfterMs }
}

describe('durability/crash', () => {
  let root = ''
  let server: FixtureServer | undefined
  const lanes: Lane[] = []

  beforeAll(async () => {
    await bundleWorker()
    root = mkdtempSync(join(tmpdir(), 'papershelf-crash-'))
    const lists = join(root, 'lists')
    mkdirSync(lists)
    const serverStart = 200_000
    const routes: Record<string, { body: string; headers: Record<string, string> }> = {}
    for (let n = 0; n < BATCHES; n += 1) {
      writeFileSync(join(lists, `batch-${n}.txt`), arxivIdList(BATCH_SIZE, n * BATCH_SIZE))
      routes[`GET /batch-${n}.txt`] = {
        body: cslJsonList(SERVER_BATCH_SIZE, serverStart + n * SERVER_BATCH_SIZE),
        headers: { 'content-type': 'application/json' },
      }
    }
    server = await startFixtureServer(routes)
    for (const [name, from, idStart, batchSize, withAuthors] of [
      ['files (id lists)', { files: lists }, 0, BATCH_SIZE, false],
      ['server (CSL-JSON)', { server: server.url }, serverStart, SERVER_BATCH_SIZE, true],
    ] as const) {
      const dataDir = join(root, name.split(' ')[0] ?? name)
      await seedLane(dataDir, idStart)
      lanes.push({
        name,
        dataDir,
        from,
        idStart,
        batchSize,
        withAuthors,
        userFields: userFields(dataDir, idStart),
      })
    }
  })

  afterAll(async () => {
    await server?.close()
    if (root) rmSync(root, { recursive: true, force: true })
    rmSync(bundleDir, { recursive: true, force: true })
  })

  it(`survives ${KILLS} SIGKILLs during imports from files and from a server, losing nothing`, async () => {
    const perLane = Math.ceil(KILLS / lanes.length)
    const killed = await Promise.all(
      lanes.map(async (lane, index) => {
        const rand = random(SEED + index)
        let steps = 0
        for (let kill = 1; kill <= perLane; kill += 1) {
          steps += (await runAndKill(lane, rand)).steps
          verify(lane, kill)
        }
        return { kills: perLane, steps }
      }),
    )
    const total = killed.reduce((sum, lane) => sum + lane.kills, 0)
    expect(total).toBeGreaterThanOrEqual(KILLS)
    console.info(
      `crash run (seed ${SEED}): ${total} SIGKILLs, ${killed.reduce((sum, l) => sum + l.steps, 0)} committed steps between them, every check passed`,
    )
    // The run did real work: every library took at least one whole batch.
    for (const lane of KILLS >= 20 ? lanes : []) {
      const db = new Database(join(lane.dataDir, DATABASE_FILE), { readonly: true })
      expect(
        db.prepare('SELECT count(*) FROM papers').pluck().get(),
        lane.name,
      ).toBeGreaterThanOrEqual(SEEDED + lane.batchSize)
      db.close()
    }
  }, 240_000)

  it('keeps either the old or the new schema, with all data, when killed while migrating', async () => {
    const template = join(root, 'v1-template')
    mkdirSync(template)
    const old = new Database(join(template, DATABASE_FILE)) as WritableDb
    migrate(old, MIGRATIONS.slice(0, 1))
    old.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
      INSERT INTO papers (arxiv_id, title, abstract, note, status, added_at, modified_at)
      SELECT printf('2401.%05d', i), 'Paper ' || i, 'An abstract about topic ' || (i % 97), 'note ' || i,
             CASE i % 3 WHEN 0 THEN 'read' ELSE 'unread' END, '2024-01-01', '2024-01-01' FROM n;
      INSERT INTO paper_authors (paper_id, position, name) SELECT id, 0, 'Author ' || id FROM papers;
      INSERT INTO papers_fts (rowid, title, authors, abstract, tags, note)
      SELECT id, title, 'Author ' || id, abstract, '', note FROM papers;
    `)
    const before = old.prepare('SELECT arxiv_id, title, note, status FROM papers ORDER BY id').all()
    old.close()
    const rand = random(SEED + 99)
    const versions = new Set<number>()
    // The first run measures how long opening (snapshot + migration) takes; the others are
    // killed at spread-out moments across that time.
    let openMs = 0
    for (let trial = 0; trial < 7; trial += 1) {
      const dataDir = join(root, `migrate-${trial}`)
      mkdirSync(dataDir)
      copyFileSync(join(template, DATABASE_FILE), join(dataDir, DATABASE_FILE))
      const lane: Lane = {
        name: 'migration',
        dataDir,
        from: { files: join(root, 'lists') },
        idStart: 0,
        batchSize: BATCH_SIZE,
        withAuthors: false,
        userFields: null,
      }
      const delayMs =
        trial === 0 ? undefined : Math.floor(openMs * (trial / 5) * (0.8 + 0.4 * rand()))
      const run = await runAndKill(lane, rand, {
        anyTime: trial > 0,
        ...(delayMs === undefined ? {} : { delayMs }),
      })
      if (trial === 0) openMs = run.readyAfterMs ?? 3000
      const db = new Database(join(dataDir, DATABASE_FILE))
      const version = db.pragma('user_version', { simple: true }) as number
      versions.add(version)
      expect([1, LATEST_VERSION], `trial ${trial}`).toContain(version)
      expect(db.pragma('integrity_check', { simple: true }), `trial ${trial}`).toBe('ok')
      expect(
        db.prepare('SELECT arxiv_id, title, note, status FROM papers ORDER BY id LIMIT 5000').all(),
        `trial ${trial}`,
      ).toEqual(before)
      db.close()
      createCore({ dataDir }).close()
    }
    console.info(
      `migration kills (opening takes ${openMs} ms): schema versions right after a kill: ${[...versions].sort().join(', ')}`,
    )
    expect(versions).toContain(LATEST_VERSION)
  }, 240_000)
})
