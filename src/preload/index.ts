import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  CALL_CHANNEL,
  EVENT_CHANNEL,
  type PreloadBridge,
  type RpcResult,
} from '@shared/rpc/protocol'

contextBridge.exposeInMainWorld('papershelf', {
  async call(method, input) {
    try {
      return (await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as RpcResult
    } catch (error) {
      // The bridge keeps the transport contract: failures are data, never a rejected call.
      const message = error instanceof Error ? error.message : String(error)
      return { ok: false, error: { code: 'internal', message } }
    }
  },
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, event: Parameters<typeof listener>[0]): void =>
      listener(event)
    ipcRenderer.on(EVENT_CHANNEL, handler)
    // Functions are proxied across the context bridge, so this one is the handle to remove.
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, handler)
    }
  },
} satisfies PreloadBridge)
