import type { WritableDb } from './open-database'
import { prepared } from './prepared'

/**
 * Papers indexed since the last merge above which the search index is merged. Every indexing
 * transaction adds index segments; after a big import or sync a query reads dozens of them and is
 * about three times slower than over one merged index (50k papers: 9 ms → 3 ms per expression).
 */
export const MERGE_AFTER = 2_000
/** Index pages one merge step writes (tens of milliseconds), so the thread keeps answering between. */
const STEP_PAGES = 100
/**
 * Segments above which a library opened by a long-running door is merged: an import leaves about
 * one per thousand papers, while a merged index and a few edit sessions stay below.
 */
export const FRAGMENTED = 6
/** Both full-text tables an indexing batch writes: the papers' fields and the typo vocabulary. */
const TABLES = ['papers_fts', 'papers_fts_terms'] as const

/**
 * How long the index must go unwritten before a merge step runs: a merge rewrites the whole index,
 * so one that ran between an import's batches would be redone after each of them.
 */
export const MERGE_WHEN_IDLE_MS = 2_000

/** Per library: when papers were last indexed, and the timer of the next merge step. */
const activity = new WeakMap<
  WritableDb,
  { indexedAt: number; indexed: number; timer: NodeJS.Timeout | null }
>()

/** Counts papers written to the index (this process's own count: the index is not the library). */
export function noteIndexed(db: WritableDb, papers: number): void {
  const state = activity.get(db)
  if (state) {
    state.indexedAt = Date.now()
    state.indexed += papers
  } else activity.set(db, { indexedAt: Date.now(), indexed: papers, timer: null })
}

/** Papers this process indexed since the index was last merged. */
export function unmergedCount(db: WritableDb): number {
  return activity.get(db)?.indexed ?? 0
}

/**
 * How many segments the papers index holds, from FTS5's structure record (row 10 of its data
 * table: a 4-byte cookie, the 4-byte marker of the format with deletes, then the level and
 * segment counts as varints).
 */
export function indexSegments(db: WritableDb): number {
  const record = prepared(db, 'SELECT block FROM papers_fts_data WHERE id = 10').pluck().get()
  if (!(record instanceof Uint8Array) || record.length < 8) return 0
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength)
  let at = view.getUint32(4) === 0xff000001 ? 8 : 4
  const varint = () => {
    let value = 0
    for (;;) {
      const byte = record[at++] ?? 0
      value = value * 128 + (byte & 0x7f)
      if (byte < 0x80) return value
    }
  }
  varint() // levels
  return varint()
}

/**
 * One step of merging every segment of the index into one (FTS5's incremental `merge` with a
 * negative page count); returns whether work remains. The last step, which finds nothing left to
 * merge, clears the count. Call outside a transaction.
 */
export function mergeSearchIndexStep(db: WritableDb): boolean {
  const changes = prepared(db, 'SELECT total_changes()').pluck()
  return db
    .transaction(() => {
      for (const table of TABLES) {
        const before = changes.get() as number
        prepared(db, `INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(-STEP_PAGES)
        // FTS5 reports a merge that did work by two or more changes
        if ((changes.get() as number) - before >= 2) return true
      }
      const state = activity.get(db)
      if (state) state.indexed = 0
      return false
    })
    .immediate()
}

/**
 * Merges the index in background steps once enough papers were indexed since the last merge
 * (after the search index caught up with an import or sync, and when a long-running door opens a
 * library a one-shot import left unmerged). Steps run only while nothing is being indexed: new
 * indexing puts the next step off until the library has been quiet for MERGE_WHEN_IDLE_MS.
 */
export function scheduleSearchIndexMerge(db: WritableDb): void {
  if (!db.open || db.readonly) return
  const state = activity.get(db) ?? { indexedAt: 0, indexed: 0, timer: null }
  activity.set(db, state)
  if (state.timer !== null) return
  if (state.indexed < MERGE_AFTER && indexSegments(db) < FRAGMENTED) return
  const later = (ms: number) => {
    state.timer = setTimeout(step, ms)
    state.timer.unref()
  }
  const step = () => {
    state.timer = null
    if (!db.open) return
    const quietFor = Date.now() - state.indexedAt
    if (quietFor < MERGE_WHEN_IDLE_MS) later(MERGE_WHEN_IDLE_MS - quietFor)
    else if (db.inTransaction || mergeSearchIndexStep(db)) later(0)
  }
  later(Math.max(0, MERGE_WHEN_IDLE_MS - (Date.now() - state.indexedAt)))
}

/** Merges the whole index now (benchmarks and tests that measure a settled library). */
export function mergeSearchIndex(db: WritableDb): void {
  while (mergeSearchIndexStep(db));
}
