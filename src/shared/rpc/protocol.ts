import type { AppErrorData } from '../api/errors'
import type { AppEventEnvelope } from '../api/events'

/** The one invoke channel: (method, input) → RpcResult. */
export const CALL_CHANNEL = 'papershelf:call'
/** The one main → renderer channel: AppEventEnvelope. */
export const EVENT_CHANNEL = 'papershelf:event'

/** Every call's answer: a value or an error, never a thrown exception across the boundary. */
export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** A way to reach the core: the Electron bridge or the loopback HTTP server. */
export type Transport = {
  call(method: string, input: unknown): Promise<RpcResult>
  /** Listens to core events; returns the unsubscribe function. */
  subscribe(listener: (event: AppEventEnvelope) => void): () => void
}

/** What the preload exposes as `window.papershelf`: exactly a Transport. */
export type PreloadBridge = Transport

/** The HTTP header carrying the loopback door's token. */
export const TOKEN_HEADER = 'x-papershelf-token'
/** The query parameter carrying the token where headers cannot be set (EventSource, the first page load). */
export const TOKEN_PARAM = 'token'
