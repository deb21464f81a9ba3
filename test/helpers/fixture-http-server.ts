import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import type { BaseUrls } from '../../src/main/core/net/base-urls'

/** A recorded reply: status, headers and body (a string, bytes, or a function of the request). */
export type FixtureReply = {
  status?: number
  headers?: Record<string, string>
  body?: string | Buffer
  /** Waits this long before answering (to test timeouts and pacing). */
  delayMs?: number
}

/** Routes: `"GET /api/daily_papers?date=2026-05-18"` (exact path + query) or `"GET /path"` (any query). */
export type FixtureRoutes = Record<string, FixtureReply | ((req: IncomingMessage) => FixtureReply)>

/** A running fixture server: its base URL and every request it saw, in order. */
export type FixtureServer = {
  url: string
  requests: Array<{ method: string; url: string; at: number; headers: IncomingMessage['headers'] }>
  close(): Promise<void>
}

/** Starts a real HTTP server on 127.0.0.1 that replays recorded responses; unknown routes get 404. */
export async function startFixtureServer(routes: FixtureRoutes): Promise<FixtureServer> {
  const requests: FixtureServer['requests'] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/'
    requests.push({ method: req.method ?? 'GET', url, at: Date.now(), headers: req.headers })
    const route = routes[`${req.method} ${url}`] ?? routes[`${req.method} ${url.split('?')[0]}`]
    const reply = typeof route === 'function' ? route(req) : route
    const send = () => {
      if (!reply) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      res.writeHead(reply.status ?? 200, reply.headers ?? {})
      res.end(reply.body ?? '')
    }
    if (reply?.delayMs) setTimeout(send, reply.delayMs)
    else send()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A fixture server per test, closed after it. */
export function useFixtureServer(): (routes: FixtureRoutes) => Promise<FixtureServer> {
  const servers: FixtureServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  return async (routes) => {
    const server = await startFixtureServer(routes)
    servers.push(server)
    return server
  }
}

/** The endpoints of every paper source at one fixture server (GitHub's site under `/gh`). */
export function sourceUrlsAt(base: string): Omit<BaseUrls, 'crossref' | 'datacite'> {
  return {
    huggingFace: base,
    arxivApi: base,
    arxiv: base,
    arxivRss: base,
    githubRaw: base,
    github: `${base}/gh`,
  }
}
