import { ipcMain, type BrowserWindow } from 'electron'
import type { LibraryService } from '@shared/api/library-api'
import { CALL_CHANNEL, EVENT_CHANNEL, type RpcResult } from '@shared/rpc/protocol'
import { dispatch } from '../transport/dispatch'
import type { EventFeed } from '../transport/event-stream'
import { isTrustedSenderUrl } from './security-rules'

const UNTRUSTED: RpcResult = {
  ok: false,
  error: { code: 'untrusted-sender', message: 'Only the Papershelf window may call the library.' },
}

/** Answers CALL_CHANNEL from the app's own page via the shared dispatch; returns the unregister. */
export function registerIpc(service: LibraryService, appUrl: string): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame
    // Only the top frame: an embedded frame is never the app, whatever its URL.
    if (!frame || frame.parent !== null || !isTrustedSenderUrl(frame.url, appUrl)) return UNTRUSTED
    return dispatch(service, method, input)
  })
  return () => ipcMain.removeHandler(CALL_CHANNEL)
}

/** Sends every core event to a window over EVENT_CHANNEL until the window closes. */
export function forwardEvents(events: EventFeed, window: BrowserWindow): () => void {
  const unsubscribe = events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event)
  })
  window.once('closed', unsubscribe)
  return unsubscribe
}
