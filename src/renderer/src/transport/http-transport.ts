import type { AppEventEnvelope } from '@shared/api/events'
import { TOKEN_HEADER, TOKEN_PARAM, type RpcResult, type Transport } from '@shared/rpc/protocol'

type Listener = (event: AppEventEnvelope) => void

// A character can take three bytes; the limit is on bytes.
const KEEPALIVE_CHARS = 20_000

/** A Transport over the loopback server: `POST /rpc/:method` and one shared EventSource. */
export function createHttpTransport(origin: string, token: string): Transport {
  const listeners = new Set<Listener>()
  let source: EventSource | null = null
  const emit = (event: AppEventEnvelope): void => {
    for (const listener of [...listeners]) listener(event)
  }

  const open = (): EventSource => {
    const events = new EventSource(`${origin}/events?${TOKEN_PARAM}=${encodeURIComponent(token)}`)
    let dropped = false
    events.onmessage = (message: MessageEvent<string>) =>
      emit(JSON.parse(message.data) as AppEventEnvelope)
    events.onerror = () => {
      dropped = true
    }
    events.onopen = () => {
      // Events sent while the stream was down are lost: tell views to refetch everything.
      if (dropped) {
        emit({ type: 'library.changed', payload: { reason: 'reconnected', paperIds: [] } })
      }
      dropped = false
    }
    return events
  }

  return {
    async call(method, input) {
      let response: Response
      const body = JSON.stringify(input ?? {})
      try {
        response = await fetch(`${origin}/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body,
          // A small call made while the page unloads (the reader's last position) still arrives;
          // the browser refuses keepalive bodies over 64 KiB.
          keepalive: body.length < KEEPALIVE_CHARS,
        })
      } catch {
        return failure('The library server cannot be reached. Is `papershelf serve` still running?')
      }
      const answer: unknown = await response.json().catch(() => null)
      if (isRpcResult(answer)) return answer
      return failure(`The library server answered ${response.status} ${response.statusText}.`)
    },
    subscribe(listener) {
      listeners.add(listener)
      source ??= open()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          source?.close()
          source = null
        }
      }
    },
  }
}

function failure(message: string): RpcResult {
  return { ok: false, error: { code: 'internal', message } }
}

function isRpcResult(body: unknown): body is RpcResult {
  return (
    typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean'
  )
}
