import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { Transport } from '@shared/rpc/protocol'

/** Anything core events can be subscribed to on (the core's event hub). */
export type EventFeed = Pick<Transport, 'subscribe'>

/** Options of one event stream. */
export type EventStreamOptions = {
  headers: OutgoingHttpHeaders
  /** Interval of the keep-alive comment that stops idle sockets from dropping the stream. */
  heartbeatMs: number
}

/**
 * Turns a response into a Server-Sent Events stream of AppEventEnvelope JSON. The subscription
 * ends when the client goes away; the returned function ends the stream from the server side.
 */
export function openEventStream(
  res: ServerResponse,
  feed: EventFeed,
  options: EventStreamOptions,
): () => void {
  res.writeHead(200, {
    ...options.headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  res.write('retry: 2000\n: connected\n\n')
  const unsubscribe = feed.subscribe((event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`)
  })
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), options.heartbeatMs)
  heartbeat.unref()
  let open = true
  const stop = (): void => {
    if (!open) return
    open = false
    clearInterval(heartbeat)
    unsubscribe()
  }
  res.on('close', stop)
  return () => {
    stop()
    res.end()
  }
}
