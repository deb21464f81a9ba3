import { randomBytes } from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AppErrorData } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import { TOKEN_HEADER, TOKEN_PARAM, type RpcResult } from '@shared/rpc/protocol'
import { dispatch } from './dispatch'
import { openEventStream, type EventFeed } from './event-stream'
import { isAllowedHost, isAllowedOrigin, tokensMatch } from './http-guard'
import { securityHeaders } from './security-headers'
import { servePdf } from './pdf-route'
import { serveStatic } from './static-files'
import {
  answerExtension,
  extensionCorsHeaders,
  EXTENSION_PREFIX,
  isExtensionOrigin,
} from './extension-door'

/** The largest request body `/rpc` reads (an import of the largest allowed text, JSON-escaped). */
export const DEFAULT_MAX_BODY_BYTES = 70 * 1024 * 1024
/** The largest body the extension routes read (hundreds of papers of a listing page). */
const EXTENSION_MAX_BODY_BYTES = 8 * 1024 * 1024

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1'])
const FOREIGN_HOST = 'This server answers only to its own loopback address and port.'
const FOREIGN_ORIGIN = 'Requests from other origins are refused.'
const API_ONLY = 'This door serves the library API only; the app shows the library in its window.'
const NO_TOKEN = 'A valid token is required: open the address `papershelf serve` printed.'

/** What the loopback door serves and how. */
export type HttpServerOptions = {
  service: LibraryService
  events: EventFeed
  /** The built renderer (`out/renderer`), served as static files; without it, only the API. */
  rendererDir?: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** A loopback address only; `127.0.0.1` by default. */
  host?: string
  /** The secret every API request must carry; 32 random bytes (base64url) by default. */
  token?: string
  maxBodyBytes?: number
  heartbeatMs?: number
}

/** A running loopback door. */
export type HttpServer = {
  /** The address to open in a browser, token included: `http://127.0.0.1:PORT/?token=…`. */
  url: string
  origin: string
  token: string
  close(): Promise<void>
}

/** Starts the loopback HTTP door: the JSON API, the event stream and the built renderer. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const host = options.host ?? '127.0.0.1'
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(`The server listens on loopback only, not ${host}.`)
  }
  const token = options.token ?? randomBytes(32).toString('base64url')
  if (token.length === 0) throw new Error('The server token cannot be empty.')
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const heartbeatMs = options.heartbeatMs ?? 15_000
  const streams = new Set<() => void>()
  let port = 0

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = securityHeaders()
    if (!isAllowedHost(req.headers.host, port)) {
      return sendError(res, 403, headers, 'untrusted-sender', FOREIGN_HOST)
    }
    if (req.url?.startsWith(EXTENSION_PREFIX)) return handleExtension(req, res, headers)
    if (!isAllowedOrigin(req.headers.origin, req.headers.host)) {
      return sendError(res, 403, headers, 'untrusted-sender', FOREIGN_ORIGIN)
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const isRpc = url.pathname.startsWith('/rpc/')
    const isPdf = url.pathname.startsWith('/pdf/')
    if (!isRpc && !isPdf && url.pathname !== '/events') {
      if (options.rendererDir === undefined) {
        return sendError(res, 404, headers, 'not-found', API_ONLY)
      }
      return serveStatic(req, res, options.rendererDir, headers)
    }
    const presented = headerValue(req.headers[TOKEN_HEADER]) ?? url.searchParams.get(TOKEN_PARAM)
    if (!tokensMatch(presented, token)) {
      return sendError(res, 401, headers, 'untrusted-sender', NO_TOKEN)
    }
    if (isRpc) return handleRpc(req, res, url.pathname.slice('/rpc/'.length), headers)
    if (isPdf) {
      return servePdf(req, res, options.service, url.pathname.slice('/pdf/'.length), headers)
    }
    if (req.method !== 'GET') {
      const allow = { ...headers, Allow: 'GET' }
      return sendError(res, 405, allow, 'invalid-input', 'Use GET for /events.')
    }
    const end = openEventStream(res, options.events, { headers, heartbeatMs })
    streams.add(end)
    res.on('close', () => streams.delete(end))
  }

  /** The browser extension's routes: extension origins only, a paired key for everything but pairing. */
  const handleExtension = async (
    req: IncomingMessage,
    res: ServerResponse,
    baseHeaders: OutgoingHttpHeaders,
  ): Promise<void> => {
    const origin = req.headers.origin
    if (!isExtensionOrigin(origin)) {
      return sendError(res, 403, baseHeaders, 'untrusted-sender', FOREIGN_ORIGIN)
    }
    const headers = { ...baseHeaders, ...extensionCorsHeaders(origin) }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers).end()
      return
    }
    if (req.method !== 'POST') {
      return sendError(res, 405, { ...headers, Allow: 'POST' }, 'invalid-input', 'Use POST.')
    }
    const body = await readJsonBody(req, res, headers, EXTENSION_MAX_BODY_BYTES)
    if (body === null) return
    const { input } = body
    const route = new URL(req.url ?? '/', 'http://loopback').pathname.slice(EXTENSION_PREFIX.length)
    const answer = await answerExtension(options.service, req, route, input)
    sendJson(res, answer.status, headers, answer.body)
  }

  const handleRpc = async (
    req: IncomingMessage,
    res: ServerResponse,
    rawMethod: string,
    headers: OutgoingHttpHeaders,
  ): Promise<void> => {
    if (req.method !== 'POST') {
      const allow = { ...headers, Allow: 'POST' }
      return sendError(res, 405, allow, 'invalid-input', 'Use POST for /rpc.')
    }
    const body = await readJsonBody(req, res, headers, maxBodyBytes)
    if (body === null) return
    sendJson(res, 200, headers, await dispatch(options.service, safeDecode(rawMethod), body.input))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      const message = error instanceof Error ? error.message : String(error)
      sendError(res, 500, securityHeaders(), 'internal', message)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://${host === '::1' ? '[::1]' : host}:${port}`

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      for (const end of streams) end()
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    })
    return closing
  }
  return { url: `${origin}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`, origin, token, close }
}

/**
 * Reads a whole body, or null once it passes `limit` (the rest is drained and dropped so the
 * 413 answer still reaches the client).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) {
      req.resume()
      resolve(null)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return
      size += chunk.length
      if (size > limit) {
        chunks.length = 0
        resolve(null)
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  result: RpcResult,
): void {
  const body = JSON.stringify(result)
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

function sendError(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  code: AppErrorData['code'],
  message: string,
): void {
  sendJson(res, status, headers, { ok: false, error: { code, message } })
}

/**
 * Reads a request's JSON body of at most `maxBytes` (empty reads as `undefined`); answers 413 or
 * 400 itself and returns null when it cannot.
 */
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  headers: OutgoingHttpHeaders,
  maxBytes: number,
): Promise<{ input: unknown } | null> {
  const body = await readBody(req, maxBytes)
  if (body === null) {
    const message = `A request body is at most ${maxBytes} bytes.`
    sendError(res, 413, { ...headers, Connection: 'close' }, 'too-large', message)
    return null
  }
  try {
    return { input: body.length === 0 ? undefined : JSON.parse(body.toString('utf8')) }
  } catch {
    sendError(res, 400, headers, 'invalid-input', 'The request body is not valid JSON.')
    return null
  }
}
