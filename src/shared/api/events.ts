import type { PaperId } from '../model/ids'

/** Events the core pushes to every door (IPC, SSE). */
export type AppEvents = {
  /** Papers were added, changed or removed; `paperIds` empty means "anything may have changed". */
  'library.changed': { reason: string; paperIds: ReadonlyArray<PaperId> }
  /** Progress of a long import. */
  'import.progress': { source: string; done: number; total: number }
}

export type AppEventName = keyof AppEvents

/** One event on the wire. */
export type AppEventEnvelope = {
  [K in AppEventName]: { type: K; payload: AppEvents[K] }
}[AppEventName]
