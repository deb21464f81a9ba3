import { AppError } from '@shared/api/errors'
import type { SourceId } from '@shared/model/ids'
import type {
  SourceSummary,
  SyncKind,
  SyncParams,
  SyncRun,
  SyncRunStatus,
} from '@shared/model/sync-source'
import { SYNC_KINDS } from '@shared/model/sync-source'
import {
  currentProcess,
  identityText,
  isProcessAlive,
  parseIdentityText,
} from '../../owner/process-identity'
import type { WritableDb } from '../db/open-database'
import { countPapersWhere } from '../db/paper-rows-repo'
import { viewConditions, type TimelessView } from '../db/view-filter'
import type { PageValidators } from '../sources/fetch-context'
import { prepared } from '../db/prepared'

/** A source row as the sync engine reads it. */
export type SourceRecord = {
  id: SourceId
  kind: SyncKind
  key: string
  name: string
  params: SyncParams
  subscribed: boolean
  enabled: boolean
  intervalMinutes: number | null
  tags: string[]
  lastBatch: string | null
}

type SourceRow = {
  id: SourceId
  kind: string
  key: string
  name: string
  config: string
  subscribed: number
  enabled: number
  interval_minutes: number | null
  default_tags: string
  last_batch: string | null
}

type RunRow = {
  id: number
  source_id: SourceId
  status: SyncRunStatus
  started_at: string
  finished_at: string | null
  pages: number
  added: number
  updated: number
  unchanged: number
  failed: number
  stale: number
  error: string | null
}

const SOURCE_COLUMNS =
  'id, kind, key, name, config, subscribed, enabled, interval_minutes, default_tags, last_batch'

/** The stable key of a subscription: its parameters as canonical JSON (sorted keys). */
export function sourceKey(params: SyncParams): string {
  return JSON.stringify(params, Object.keys(params).sort())
}

/** One source of a sync kind, or null (file imports are not sync sources). */
export function getSource(db: WritableDb, id: number): SourceRecord | null {
  const row = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`).get(id) as
    SourceRow | undefined
  return row && isSyncKind(row.kind) ? toRecord(row) : null
}

/** The source a sync needs, throwing `not-found` when there is none. */
export function requireSource(db: WritableDb, id: number): SourceRecord {
  const source = getSource(db, id)
  if (!source) throw new AppError('not-found', `There is no followed source ${id}.`)
  return source
}

/** The source of a kind and key, or null. */
export function findSourceByKey(db: WritableDb, kind: SyncKind, key: string): SourceRecord | null {
  const row = db
    .prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE kind = ? AND key = ?`)
    .get(kind, key) as SourceRow | undefined
  return row ? toRecord(row) : null
}

/** The settings columns of a source row as statement parameters. */
function sourceParams(source: Omit<SourceRecord, 'id' | 'lastBatch'>) {
  return {
    key: source.key,
    name: source.name,
    config: JSON.stringify(source.params),
    subscribed: source.subscribed ? 1 : 0,
    enabled: source.enabled ? 1 : 0,
    interval: source.intervalMinutes,
    tags: JSON.stringify(source.tags),
  }
}

/** Creates a source row (subscribed or a one-off) and returns it. */
export function insertSource(
  db: WritableDb,
  source: Omit<SourceRecord, 'id' | 'lastBatch'>,
  now: string,
): SourceRecord {
  const row = db
    .prepare(
      `INSERT INTO sources (kind, key, name, config, subscribed, enabled, interval_minutes, default_tags, created_at)
       VALUES (@kind, @key, @name, @config, @subscribed, @enabled, @interval, @tags, @now)
       RETURNING ${SOURCE_COLUMNS}`,
    )
    .get({ ...sourceParams(source), kind: source.kind, now }) as SourceRow
  return toRecord(row)
}

/** Writes a source's settings; a change of parameters or tags forgets the cached validators. */
export function saveSource(db: WritableDb, source: SourceRecord, forgetCache: boolean): void {
  db.prepare(
    `UPDATE sources SET key = @key, name = @name, config = @config, subscribed = @subscribed,
       enabled = @enabled, interval_minutes = @interval, default_tags = @tags WHERE id = @id`,
  ).run({ ...sourceParams(source), id: source.id })
  if (forgetCache) db.prepare('DELETE FROM source_http_cache WHERE source_id = ?').run(source.id)
}

/** Deletes a source with its runs and provenance links; the papers stay. */
export function deleteSource(db: WritableDb, id: number): number {
  return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes
}

/** Every followed source with its paper count, last good sync and last run. */
export function listSourceSummaries(db: WritableDb, ids?: ReadonlyArray<number>): SourceSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SOURCE_COLUMNS} FROM sources
       WHERE subscribed = 1 AND kind IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(SYNC_KINDS)) as SourceRow[]
  // the counts of the source's own views: what clicking it shows, and what waits in its inbox
  const count = (sourceId: number, view: TimelessView) =>
    countPapersWhere(db, viewConditions({ view, sourceId }))
  const lastGood = db
    .prepare("SELECT max(finished_at) FROM sync_runs WHERE source_id = ? AND status = 'ok'")
    .pluck()
  const lastRun = db.prepare('SELECT * FROM sync_runs WHERE source_id = ? ORDER BY id DESC LIMIT 1')
  return rows
    .filter((row) => ids === undefined || ids.includes(row.id))
    .map((row) => {
      const record = toRecord(row)
      const run = lastRun.get(row.id) as RunRow | undefined
      return {
        id: record.id,
        kind: record.kind,
        name: record.name,
        params: record.params,
        enabled: record.enabled,
        intervalMinutes: record.intervalMinutes,
        tags: record.tags,
        paperCount: count(row.id, 'all'),
        inboxCount: count(row.id, 'inbox'),
        lastGoodSyncAt: (lastGood.get(row.id) as string | null) ?? null,
        lastRun: run ? withoutSource(toRun(run)) : null,
      }
    })
}

/** Starts a run record (committed at once, so a crash leaves a visible 'running' row), naming this process. */
export function startRun(db: WritableDb, sourceId: number, now: string): SyncRun {
  const row = db
    .prepare(
      `INSERT INTO sync_runs (source_id, started_at, status, process) VALUES (?, ?, 'running', ?) RETURNING *`,
    )
    .get(sourceId, now, identityText(currentProcess())) as RunRow
  return toRun(row)
}

/** Writes a run's counters and state. */
export function saveRun(db: WritableDb, run: SyncRun): void {
  prepared(
    db,
    `UPDATE sync_runs SET status = @status, finished_at = @finishedAt, pages = @pages, added = @added,
       updated = @updated, unchanged = @unchanged, failed = @failed, stale = @stale, error = @error
     WHERE id = @id`,
  ).run({ ...run, stale: run.stale ? 1 : 0 })
}

/**
 * Runs left 'running' by a process that is gone are marked 'interrupted'; a run whose process
 * still lives (a CLI sync beside this one) is left alone. Returns how many were marked.
 */
export function closeAbandonedRuns(db: WritableDb, now: Date): number {
  if (db.readonly) return 0
  const running = db
    .prepare(`SELECT id, process FROM sync_runs WHERE status = 'running'`)
    .all() as Array<{ id: number; process: string | null }>
  const abandoned = running.filter((run) => {
    const owner = run.process === null ? null : parseIdentityText(run.process)
    return owner === null || !isProcessAlive(owner)
  })
  const mark = db.prepare(
    `UPDATE sync_runs SET status = 'interrupted', finished_at = ?,
       error = 'interrupted: the process running it stopped before it ended' WHERE id = ?`,
  )
  if (abandoned.length > 0) {
    db.transaction(() => {
      for (const run of abandoned) mark.run(now.toISOString(), run.id)
    })()
  }
  return abandoned.length
}

/** The runs of a source, newest first. */
export function listRuns(db: WritableDb, sourceId: number, limit = 20): SyncRun[] {
  return (
    db
      .prepare('SELECT * FROM sync_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?')
      .all(sourceId, limit) as RunRow[]
  ).map(toRun)
}

/** The validators stored per request URL for a source. */
export function readHttpCache(db: WritableDb, sourceId: number): Map<string, PageValidators> {
  const rows = db
    .prepare(
      'SELECT url, etag, last_modified, body_hash, item_count FROM source_http_cache WHERE source_id = ?',
    )
    .all(sourceId) as Array<{
    url: string
    etag: string | null
    last_modified: string | null
    body_hash: string | null
    item_count: number
  }>
  return new Map(
    rows.map((r) => [
      r.url,
      { etag: r.etag, lastModified: r.last_modified, hash: r.body_hash, count: r.item_count },
    ]),
  )
}

/** Remembers the validators of one applied answer; writes nothing when they did not change. */
export function writeHttpCache(
  db: WritableDb,
  sourceId: number,
  url: string,
  validators: PageValidators,
): void {
  prepared(
    db,
    `INSERT INTO source_http_cache (source_id, url, etag, last_modified, body_hash, item_count)
     VALUES (@sourceId, @url, @etag, @lastModified, @hash, @count)
     ON CONFLICT (source_id, url) DO UPDATE SET etag = excluded.etag,
       last_modified = excluded.last_modified, body_hash = excluded.body_hash, item_count = excluded.item_count
     WHERE etag IS NOT excluded.etag OR last_modified IS NOT excluded.last_modified
       OR body_hash IS NOT excluded.body_hash OR item_count IS NOT excluded.item_count`,
  ).run({ sourceId, url, ...validators })
}

/** Stores the key of the batch a "latest" list returned. */
export function saveLastBatch(db: WritableDb, sourceId: number, batch: string | null): void {
  db.prepare('UPDATE sources SET last_batch = ? WHERE id = ? AND last_batch IS NOT ?').run(
    batch,
    sourceId,
    batch,
  )
}

/** Notes a failed sync on the source. */
export function saveSourceError(db: WritableDb, sourceId: number, error: string | null): void {
  db.prepare('UPDATE sources SET last_error = ? WHERE id = ? AND last_error IS NOT ?').run(
    error,
    sourceId,
    error,
  )
}

function isSyncKind(kind: string): kind is SyncKind {
  return (SYNC_KINDS as ReadonlyArray<string>).includes(kind)
}

function toRecord(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    kind: row.kind as SyncKind,
    key: row.key,
    name: row.name,
    params: parseObject(row.config),
    subscribed: row.subscribed === 1,
    enabled: row.enabled === 1,
    intervalMinutes: row.interval_minutes,
    tags: parseStrings(row.default_tags),
    lastBatch: row.last_batch,
  }
}

function toRun(row: RunRow): SyncRun {
  return {
    id: row.id,
    sourceId: row.source_id,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pages: row.pages,
    added: row.added,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    stale: row.stale === 1,
    error: row.error,
  }
}

function withoutSource(run: SyncRun): Omit<SyncRun, 'sourceId'> {
  const { sourceId: _sourceId, ...rest } = run
  return rest
}

function parseObject(text: string): SyncParams {
  try {
    const value = JSON.parse(text) as unknown
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as SyncParams)
      : {}
  } catch {
    return {}
  }
}

function parseStrings(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}
