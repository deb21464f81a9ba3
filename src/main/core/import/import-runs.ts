import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'
import { undoSteps } from './undo-journal'

/** Journal steps one rollback transaction undoes (a few tens of milliseconds). */
const UNDO_CHUNK = 500
/** Runs this process is writing now: never rolled back as abandoned. */
const live = new Set<number>()

/** Starts an import run (its own short transaction) and returns its id. */
export function startImportRun(db: WritableDb, sourceName: string, now: Date): number {
  const id = db
    .transaction(
      () =>
        prepared(
          db,
          'INSERT INTO import_runs (source_name, started_at, pid) VALUES (?, ?, ?) RETURNING id',
        )
          .pluck()
          .get(sourceName, now.toISOString(), process.pid) as number,
    )
    .immediate()
  live.add(id)
  return id
}

/** Ends a run that succeeded: its journal goes. Call in the transaction of its last batch. */
export function finishImportRun(db: WritableDb, runId: number): void {
  prepared(db, 'DELETE FROM import_runs WHERE id = ?').run(runId)
  live.delete(runId)
}

/**
 * Undoes everything a run wrote, newest first, in short transactions (an edit from the UI waits
 * one of them at most); a crash in between leaves the rest of the journal for the next open.
 */
export function rollBackImportRun(db: WritableDb, runId: number): void {
  while (db.transaction(() => undoSteps(db, runId, UNDO_CHUNK)).immediate() > 0) {
    // one chunk per transaction
  }
  db.transaction(() => prepared(db, 'DELETE FROM import_runs WHERE id = ?').run(runId)).immediate()
  live.delete(runId)
}

/**
 * Rolls back the runs a dead process left unfinished (a crash or kill mid-import); returns how
 * many. Runs of live processes, and this one's in progress, are theirs to finish.
 */
export function rollBackAbandonedImports(db: WritableDb): number {
  const runs = prepared(db, 'SELECT id, pid FROM import_runs').all() as Array<{
    id: number
    pid: number
  }>
  const abandoned = runs.filter(({ id, pid }) => !live.has(id) && !processAlive(pid))
  for (const { id } of abandoned) rollBackImportRun(db, id)
  return abandoned.length
}

function processAlive(pid: number): boolean {
  // This process's own runs are all in `live`; one of its pid not there was left by an earlier
  // process that had the same pid.
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
