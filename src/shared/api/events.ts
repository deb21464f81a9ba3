import type { PaperId, SourceId } from '../model/ids'
import type { SyncRun } from '../model/sync-source'
import type { DownloadJob, DownloadOverall } from '../model/pdf'
import type { PendingPairing } from './browser-api'

/**
 * Why the library changed, so a door refetches only what the change can affect: user fields
 * (`edit` from the list's bulk edits, `tags`, `status`, `starred`, `note`, `lists`, and
 * `list-order`: papers moved within a list, nothing else), papers coming
 * or going (`import`, `sync`, `merge`, `resolve`, `restore`), attached data (`pdf`, `pdf-text`,
 * `annotations`, `metadata`), learned topics (`auto-tag`, `interest`, `for-you`), papers moving between inbox, library, dismissed and trash
 * (`triage`), arrival rules changing (`rules`), and
 * `reconnected` (a door's own: it missed events).
 */
export type LibraryChangeReason =
  | 'edit'
  | 'tags'
  | 'status'
  | 'starred'
  | 'note'
  | 'lists'
  | 'list-order'
  | 'import'
  | 'sync'
  | 'merge'
  | 'resolve'
  | 'restore'
  | 'pdf'
  | 'pdf-text'
  | 'annotations'
  | 'metadata'
  | 'auto-tag'
  | 'interest'
  | 'for-you'
  | 'triage'
  | 'rules'
  | 'reconnected'

/** Events the core pushes to every door (IPC, SSE). */
export type AppEvents = {
  /** Papers were added, changed or removed; `paperIds` empty means "anything may have changed". */
  'library.changed': { reason: LibraryChangeReason; paperIds: ReadonlyArray<PaperId> }
  /** The background integrity check found damage; the message names the way back. */
  'library.damaged': { message: string }
  /** Progress of a long import. */
  'import.progress': { source: string; done: number; total: number }
  /** A PDF download moved on (state change or bytes), with the queue's totals. */
  'pdf.progress': { job: DownloadJob; overall: DownloadOverall }
  /** A sync moved on: `done` pages (or papers) of `total` (null when the source does not say). */
  'sync.progress': {
    sourceId: SourceId
    runId: number
    done: number
    total: number | null
    message: string
  }
  /** Saved searches were added, changed or deleted. */
  'searches.changed': { reason: 'saved' | 'deleted' }
  /** A sync ended (ok, failed or cancelled). */
  'sync.finished': { sourceId: SourceId; run: SyncRun }
  /** A browser extension asks to pair: show its code. */
  'pairing.requested': PendingPairing
  /** An extension was paired or a pairing revoked: lists of pairings are out of date. */
  'pairings.changed': { reason: 'paired' | 'revoked'; pairingId: number }
  /** An auto-export was added or removed, or a pass wrote a file or recorded a failure: lists of them are out of date. */
  'autoExports.changed': { reason: 'added' | 'removed' | 'written' }
  /** Select this paper in every open window ("Open in Papershelf"). */
  'paper.reveal': { paperId: PaperId }
}

export type AppEventName = keyof AppEvents

/** One event on the wire. */
export type AppEventEnvelope = {
  [K in AppEventName]: { type: K; payload: AppEvents[K] }
}[AppEventName]
