import type { PreloadBridge, Transport } from '@shared/rpc/protocol'

/** A Transport over the Electron preload bridge (`window.papershelf`). */
export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
  }
}
