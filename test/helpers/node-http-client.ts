import { request } from 'node:http'
import type { AppEventEnvelope } from '@shared/api/events'
import { TOKEN_HEADER, TOKEN_PARAM, type RpcResult, type Transport } from '@shared/rpc/protocol'

/** A Transport for Node tests: `POST /rpc/:method` with the token header, events over SSE. */
export function createNodeHttpTransport(origin: string, token: string): Transport {
  return {
    async call(method, input) {
      const response = await fetch(`${origin}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      })
      return (await response.json()) as RpcResult
    },
    subscribe(listener) {
      const stream = openEventStream(origin, token)
      void stream.forEach(listener)
      return () => stream.close()
    },
  }
}

/** A live `/events` stream read in Node. */
export type TestEventStream = {
  /** Resolves once the server has subscribed this stream to core events. */
  ready: Promise<void>
  /** The next event matching `predicate`. */
  next(predicate: (event: AppEventEnvelope) => boolean): Promise<AppEventEnvelope>
  forEach(listener: (event: AppEventEnvelope) => void): Promise<void>
  close(): void
}

/** Opens `/events?token=` with fetch and parses the Server-Sent Events by hand. */
export function openEventStream(origin: string, token: string): TestEventStream {
  const controller = new AbortController()
  const listeners = new Set<(event: AppEventEnvelope) => void>()
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const done = (async () => {
    const url = `${origin}/events?${TOKEN_PARAM}=${encodeURIComponent(token)}`
    const response = await fetch(url, { signal: controller.signal })
    if (!response.ok || !response.body) throw new Error(`/events answered ${response.status}`)
    const decoder = new TextDecoder()
    let buffer = ''
    for await (const chunk of response.body) {
      markReady()
      buffer += decoder.decode(chunk, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice('data: '.length))
          .join('\n')
        if (data) for (const listener of listeners) listener(JSON.parse(data) as AppEventEnvelope)
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) throw error
  })
  return {
    ready,
    next(predicate) {
      return new Promise((resolve) => {
        const listener = (event: AppEventEnvelope): void => {
          if (!predicate(event)) return
          listeners.delete(listener)
          resolve(event)
        }
        listeners.add(listener)
      })
    },
    forEach(listener) {
      listeners.add(listener)
      return done
    },
    close: () => controller.abort(),
  }
}

/** A raw HTTP answer. */
export type RawResponse = {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends a request exactly as given (path not normalised, any Host/Origin), for guard tests. */
export function rawRequest(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
