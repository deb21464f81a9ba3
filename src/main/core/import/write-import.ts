import { performance } from 'node:perf_hooks'
import type { ImportRefusal, ImportReport } from '@shared/api/library-api'
import type { PaperId, SourceId } from '@shared/model/ids'
import { commitWithoutFlush, startLongWrite } from '../db/long-write'
import type { WritableDb } from '../db/open-database'
import { REINDEX_NOW_LIMIT } from '../db/papers-index'
import type { EventHub } from '../event-hub'
import type { PaperDraft } from '../sources/paper-draft'
import { applyDrafts, type ApplyOptions } from '../sync/apply-drafts'
import { finishImportRun, rollBackImportRun, startImportRun } from './import-runs'
import { createUndoJournal } from './undo-journal'

/** How an import is cut into transactions. */
export type BatchTuning = {
  /** The time one batch's transaction should take: what a concurrent edit waits at most. */
  targetMs: number
  /** Drafts in the first batch, before the pace is known. */
  firstBatch: number
  /** No batch is larger: up to this many papers are indexed inside the batch itself. */
  maxBatch: number
}

/** Batches of about 50 ms: an edit from the UI or another process waits one at most. */
export const DEFAULT_BATCHES: BatchTuning = {
  targetMs: 50,
  firstBatch: 100,
  maxBatch: REINDEX_NOW_LIMIT,
}

/** What writing an import needs besides the drafts. */
export type WriteImportRequest = Omit<ApplyOptions, 'journal' | 'firstLines' | 'deferIndex'> & {
  sourceName: string
  events: EventHub
  /** The clock (a rollback stamps the papers it restores). */
  clock: () => Date
  tuning?: BatchTuning | undefined
}

/** The totals of an import's batches. */
export type WrittenImport = Pick<
  ImportReport,
  'sourceId' | 'added' | 'updated' | 'unchanged' | 'refused' | 'paperIds'
>

/** An import being written: drafts arrive in parts (a streamed file), the run ends once. */
export type ImportWriter = {
  /**
   * Writes these drafts in short batches; `last` commits the end of the run with the last batch.
   * Drafts short of a whole batch wait for the next part, so batches do not end where parts do.
   */
  write(drafts: ReadonlyArray<PaperDraft>, last: boolean): Promise<void>
  /** The totals; call after the last write. */
  report(): WrittenImport
  /** Undoes everything written so far (after a failure). */
  abandon(): void
}

/**
 * Writes drafts in short transactions, each indexing its own papers for search (so the import is
 * searchable the moment it returns), sending `import.progress` after each and letting other work
 * of this thread run in between. All or nothing: every batch journals what it changed under the
 * import's run, and a failure undoes the run as a whole (see `import-runs.ts`).
 */
export async function writeImport(
  db: WritableDb,
  drafts: ReadonlyArray<PaperDraft>,
  request: WriteImportRequest,
): Promise<WrittenImport> {
  const writer = startImportWriter(db, request, (done) => ({ done, total: drafts.length }))
  try {
    await writer.write(drafts, true)
  } catch (error) {
    writer.abandon()
    throw error
  }
  return writer.report()
}

/**
 * Starts an import run whose drafts come in parts; `progress` turns the papers written so far
 * into the `import.progress` figures. Batches before the last commit without waiting for the
 * disk (a power cut loses a suffix of them, which the run's journal undoes), and the WAL is
 * checkpointed once the run ends (see `long-write.ts`).
 */
export function startImportWriter(
  db: WritableDb,
  request: WriteImportRequest,
  progress: (papersDone: number) => { done: number; total: number },
): ImportWriter {
  const { events, sourceName, clock, tuning = DEFAULT_BATCHES, ...apply } = request
  const runId = startImportRun(db, sourceName, clock())
  const endLongWrite = startLongWrite(db)
  const journal = createUndoJournal(db, runId)
  const firstLines = new Map<number, number | null>()
  const refused: ImportRefusal[] = []
  const paperIds: PaperId[] = []
  const counts = { added: 0, updated: 0, unchanged: 0 }
  let sourceId: SourceId | undefined
  let size = tuning.firstBatch
  let written = 0
  let waiting: ReadonlyArray<PaperDraft> = []
  const writeBatch = (slice: ReadonlyArray<PaperDraft>, last: boolean) => {
    const started = performance.now()
    const transaction = db.transaction(() => {
      const batch = applyDrafts(db, slice, { ...apply, journal, firstLines })
      if (last) finishImportRun(db, runId)
      return batch
    })
    const result = last
      ? transaction.immediate()
      : commitWithoutFlush(db, () => transaction.immediate())
    size = nextBatchSize(size, performance.now() - started, tuning)
    sourceId = result.sourceId
    counts.added += result.added
    counts.updated += result.updated
    counts.unchanged += result.unchanged
    refused.push(...result.refused)
    paperIds.push(...result.paperIds)
    written += slice.length
    events.emit('import.progress', { source: sourceName, ...progress(written) })
  }
  return {
    async write(drafts, lastPart) {
      const pending = waiting.length === 0 ? drafts : [...waiting, ...drafts]
      let done = 0
      // Whole batches; the rest waits for the next part, unless this is the last part, which
      // writes everything (an empty import too: its one batch ends the run).
      while (pending.length - done >= size || lastPart) {
        const slice = pending.slice(done, done + size)
        done += slice.length
        const last = lastPart && done === pending.length
        writeBatch(slice, last)
        if (last) {
          endLongWrite()
          return
        }
        await otherWorkFirst()
      }
      waiting = pending.slice(done)
    },
    report() {
      if (sourceId === undefined) throw new Error('an import ended without writing a batch')
      return { sourceId, ...counts, refused, paperIds }
    },
    abandon: () => {
      endLongWrite()
      rollBackImportRun(db, runId)
    },
  }
}

/** The next batch's size, so its transaction takes about `targetMs` (growing at most twofold). */
export function nextBatchSize(size: number, elapsedMs: number, tuning: BatchTuning): number {
  const paced = Math.round((size * tuning.targetMs) / Math.max(elapsedMs, 1))
  return Math.min(tuning.maxBatch, size * 2, Math.max(10, paced))
}

/** Lets queued requests (an edit from the UI, a search) run before the next batch. */
function otherWorkFirst(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
