import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'
import { prepared } from './prepared'
import { noteIndexed, scheduleSearchIndexMerge } from './search-index-merge'

const listeners = new WeakMap<WritableDb, Set<(ids: ReadonlyArray<number>) => void>>()
const scheduled = new WeakSet<WritableDb>()

/** Batches up to this size are indexed at once; larger ones are queued and indexed in chunks. */
export const REINDEX_NOW_LIMIT = 1_000
/** Papers one background step indexes (about 0.1–0.3 s), so the thread keeps answering between. */
const CHUNK = 250

/** Calls `listener` with the ids of every batch reindexed on `db` (the search vocabulary follows). */
export function onReindex(
  db: WritableDb,
  listener: (ids: ReadonlyArray<number>) => void,
): () => void {
  const set = listeners.get(db) ?? new Set()
  listeners.set(db, set)
  set.add(listener)
  return () => set.delete(listener)
}

/**
 * Brings the full-text rows of the given papers in step with their data (title, authors,
 * organization, abstract, tags, note). Every write path calls it inside its own transaction. A
 * small batch is indexed at once; a large one (a big import, tagging thousands of papers) is
 * queued in the same transaction and indexed in background chunks, so the thread that answers the
 * UI is never held for seconds; searches index what is still queued first (see
 * `catchUpSearchIndex`).
 */
export function reindexPapers(db: WritableDb, ids: ReadonlyArray<number>): void {
  if (ids.length === 0) return
  if (ids.length <= REINDEX_NOW_LIMIT) {
    reindexNow(db, ids)
    scheduleSearchIndexMerge(db)
    return
  }
  queueForSearchIndex(db, ids)
  scheduleCatchUp(db)
}

/**
 * Queues papers for the search index in the caller's transaction (so a crash cannot lose them),
 * for `catchUpSearchIndex` to index; a sync queues every page and catches up every thousand papers.
 */
export function queueForSearchIndex(db: WritableDb, ids: ReadonlyArray<number>): void {
  if (ids.length === 0) return
  prepared(
    db,
    'INSERT OR IGNORE INTO search_pending (paper_id) SELECT value FROM json_each(?)',
  ).run(jsonIds(ids))
}

/**
 * Indexes up to `max` queued papers now, in chunks; returns how many remain queued. Call outside
 * a transaction.
 */
export function catchUpSearchIndex(db: WritableDb, max = Number.POSITIVE_INFINITY): number {
  const take = prepared(db, 'SELECT paper_id FROM search_pending ORDER BY paper_id LIMIT ?').pluck()
  const done = prepared(
    db,
    'DELETE FROM search_pending WHERE paper_id IN (SELECT value FROM json_each(?))',
  )
  let indexed = 0
  while (indexed < max) {
    const ids = take.all(Math.min(CHUNK * 4, max - indexed)) as number[]
    if (ids.length === 0) break
    db.transaction(() => {
      reindexNow(db, ids)
      done.run(jsonIds(ids))
    }).immediate()
    indexed += ids.length
  }
  const pending = pendingCount(db)
  if (indexed > 0 && pending === 0) scheduleSearchIndexMerge(db)
  return pending
}

/** How many papers wait to be indexed. */
export function pendingCount(db: WritableDb): number {
  return prepared(db, 'SELECT count(*) FROM search_pending').pluck().get() as number
}

function scheduleCatchUp(db: WritableDb): void {
  if (scheduled.has(db)) return
  scheduled.add(db)
  const step = () => {
    scheduled.delete(db)
    if (!db.open || db.inTransaction) {
      if (db.open) scheduleCatchUp(db)
      return
    }
    if (catchUpSearchIndex(db, CHUNK) > 0) scheduleCatchUp(db)
  }
  setImmediate(step).unref()
}

/**
 * The texts each paper is indexed under, for the papers whose ids are in the JSON array bound as
 * `?`: the one definition both index tables and the vocabulary read.
 */
export const INDEX_TEXTS_SQL = `
  SELECT p.id, coalesce(p.title, '') AS title,
         coalesce((SELECT group_concat(a.name, ', ') FROM paper_authors a WHERE a.paper_id = p.id), '') AS authors,
         concat_ws(' ', p.organization, p.organization_handle) AS org,
         coalesce(p.abstract, '') AS abstract,
         coalesce((SELECT group_concat(t.name, ' ') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                   WHERE pt.paper_id = p.id), '') AS tags,
         coalesce(p.note, '') AS note
  FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`

/** The words of a paper the vocabulary learns (titles, authors, organizations, tags as written). */
export const VOCABULARY_TEXT_SQL = `SELECT id, concat_ws(' ', title, authors, org, tags) AS text FROM (${INDEX_TEXTS_SQL})`

function reindexNow(db: WritableDb, ids: ReadonlyArray<number>): void {
  const json = jsonIds(ids)
  const inBatch = 'rowid IN (SELECT value FROM json_each(?))'
  prepared(db, `DELETE FROM papers_fts WHERE ${inBatch}`).run(json)
  prepared(db, `DELETE FROM papers_fts_terms WHERE ${inBatch}`).run(json)
  prepared(
    db,
    `INSERT INTO papers_fts (rowid, title, authors, org, abstract, tags, note) ${INDEX_TEXTS_SQL}`,
  ).run(json)
  prepared(db, `INSERT INTO papers_fts_terms (rowid, text) ${VOCABULARY_TEXT_SQL}`).run(json)
  noteIndexed(db, ids.length)
  for (const listener of listeners.get(db) ?? []) listener(ids)
}

/** Rebuilds the whole search index (both tables) from the papers, in one transaction. */
export function rebuildSearchIndex(db: WritableDb): void {
  db.transaction(() => {
    db.exec('DELETE FROM papers_fts; DELETE FROM papers_fts_terms; DELETE FROM search_pending')
    const ids = db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[]
    for (let start = 0; start < ids.length; start += 5_000) {
      reindexNow(db, ids.slice(start, start + 5_000))
    }
  }).immediate()
}
