import type { Transport } from '@shared/rpc/protocol'
import { createHttpTransport } from './http-transport'
import { createIpcTransport } from './ipc-transport'
import { takeSessionToken } from './session-token'

/** The Electron bridge when the preload exposed one, else the loopback server of this page. */
export function pickTransport(): Transport {
  if (window.papershelf) return createIpcTransport(window.papershelf)
  return createHttpTransport(window.location.origin, takeSessionToken(window) ?? '')
}
