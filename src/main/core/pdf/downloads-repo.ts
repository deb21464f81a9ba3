import type { PaperId } from '@shared/model/ids'
import type { DownloadJob, DownloadState } from '@shared/model/pdf'
import { displayTitle } from '@shared/model/paper'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'

type JobRow = {
  paperId: PaperId
  state: Exclude<DownloadState, 'done'>
  url: string | null
  error: string | null
  received: number
  total: number | null
  title: string | null
  arxivId: string | null
  doi: string | null
}

const SELECT_JOBS = `SELECT d.paper_id AS paperId, d.state, d.url, d.error, d.received, d.total,
  p.title, p.arxiv_id AS arxivId, p.doi FROM pdf_downloads d JOIN papers p ON p.id = d.paper_id`

function toJob(row: JobRow): DownloadJob {
  return {
    paperId: row.paperId,
    title: displayTitle({ id: row.paperId, title: row.title, arxivId: row.arxivId, doi: row.doi }),
    state: row.state,
    url: row.url,
    received: row.received,
    total: row.total,
    error: row.error,
  }
}

/** Every job in the queue, oldest request first. */
export function listJobs(db: WritableDb): DownloadJob[] {
  return (db.prepare(`${SELECT_JOBS} ORDER BY d.requested_at, d.paper_id`).all() as JobRow[]).map(
    toJob,
  )
}

/** One job, or null when the paper has none. */
export function getJob(db: WritableDb, paperId: number): DownloadJob | null {
  const row = db.prepare(`${SELECT_JOBS} WHERE d.paper_id = ?`).get(paperId) as JobRow | undefined
  return row ? toJob(row) : null
}

/** Queues papers (a failed or cancelled job is queued again; a queued or running one is kept). */
export function enqueue(
  db: WritableDb,
  ids: ReadonlyArray<PaperId>,
  url: (id: PaperId) => string | null,
  now: string,
): void {
  const insert = db.prepare(
    `INSERT INTO pdf_downloads (paper_id, state, url, requested_at) VALUES (?, 'queued', ?, ?)
     ON CONFLICT (paper_id) DO UPDATE SET state = 'queued', error = NULL, received = 0, total = NULL,
       url = excluded.url, requested_at = excluded.requested_at
     WHERE pdf_downloads.state IN ('failed', 'cancelled')`,
  )
  db.transaction(() => {
    for (const id of ids) insert.run(id, url(id), now)
  }).immediate()
}

/** The queued jobs, oldest first. */
export function queuedJobs(db: WritableDb): Array<{ paperId: number; url: string | null }> {
  return db
    .prepare(
      `SELECT paper_id AS paperId, url FROM pdf_downloads WHERE state = 'queued' ORDER BY requested_at, paper_id`,
    )
    .all() as Array<{ paperId: number; url: string | null }>
}

/** Moves a job to a new state with its details. */
export function updateJob(
  db: WritableDb,
  paperId: number,
  change: {
    state?: Exclude<DownloadState, 'done'>
    url?: string | null
    error?: string | null
    received?: number
    total?: number | null
    attempt?: boolean
    finishedAt?: string
  },
): void {
  const sets: string[] = []
  const params: Record<string, unknown> = { paperId }
  for (const key of ['state', 'url', 'error', 'received', 'total'] as const) {
    if (change[key] !== undefined) {
      sets.push(`${key} = @${key}`)
      params[key] = change[key]
    }
  }
  if (change.attempt) sets.push('attempts = attempts + 1')
  if (change.finishedAt !== undefined) {
    sets.push('finished_at = @finishedAt')
    params['finishedAt'] = change.finishedAt
  }
  if (sets.length === 0) return
  db.prepare(`UPDATE pdf_downloads SET ${sets.join(', ')} WHERE paper_id = @paperId`).run(params)
}

/** Removes a finished job. */
export function deleteJob(db: WritableDb, paperId: number): void {
  db.prepare('DELETE FROM pdf_downloads WHERE paper_id = ?').run(paperId)
}

/** After a restart nothing is running: interrupted jobs go back to the queue. */
export function requeueInterrupted(db: WritableDb): number {
  return db
    .prepare(`UPDATE pdf_downloads SET state = 'queued', received = 0 WHERE state = 'running'`)
    .run().changes
}

/** What a paper's PDF links are built from; null for a paper the library does not hold. */
export function pdfLinkFacts(
  db: WritableDb,
  paperId: number,
): {
  arxivId: string | null
  latestVersion: number | null
  withdrawn: boolean
  pdfUrl: string | null
} | null {
  const row = prepared(
    db,
    'SELECT arxiv_id, latest_version, withdrawn, pdf_url FROM papers WHERE id = ?',
  ).get(paperId) as
    | {
        arxiv_id: string | null
        latest_version: number | null
        withdrawn: number
        pdf_url: string | null
      }
    | undefined
  return row
    ? {
        arxivId: row.arxiv_id,
        latestVersion: row.latest_version,
        withdrawn: row.withdrawn === 1,
        pdfUrl: row.pdf_url,
      }
    : null
}
