import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'

const TEXT = '; charset=utf-8'
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': `text/html${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.map': `application/json${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** The Content-Type a file is served with, by its extension. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file a raw URL path names inside `root` (`/` is `index.html`), or null when the path is
 * malformed or would leave `root` (`..`, encoded separators, NUL, drive letters).
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  if (!pathname.startsWith('/')) return null
  const parts: string[] = []
  for (const segment of pathname.slice(1).split('/')) {
    let part: string
    try {
      part = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (part === '.' || part === '..' || /[\\/:\0]/.test(part)) return null
    if (part !== '') parts.push(part)
  }
  if (parts.length === 0) parts.push('index.html')
  const base = resolve(root)
  const file = resolve(base, ...parts)
  return file.startsWith(base + sep) ? file : null
}

/** Serves one file of the built renderer (GET/HEAD); answers 400/404/405 itself. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  headers: OutgoingHttpHeaders,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' })
  }
  const rawPath = (req.url ?? '').split(/[?#]/, 1)[0] ?? ''
  const file = resolveStaticPath(root, rawPath)
  if (!file) return sendText(res, 400, 'Bad path', headers)
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return sendText(res, 404, 'Not found', headers)
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    // The page is rebuilt in place; index.html must never be a stale copy pointing at old assets.
    'Cache-Control': file.endsWith(`${sep}index.html`) ? 'no-store' : 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

/** Ends a response with a short plain-text body. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': `text/plain${TEXT}`,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}
