import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { basename } from 'node:path'
import type { LibraryService } from '@shared/api/library-api'
import type { PdfLocation } from '@shared/model/pdf'
import { dispatch } from './dispatch'
import { sendText } from './static-files'

/** A byte range `[start, end]` (inclusive) of a file of `size` bytes. */
export type ByteRange = { start: number; end: number }

/**
 * The single range a `Range` header asks for: null when there is none (send everything), `'invalid'`
 * when it cannot be served (416). Multiple ranges are not supported; pdf.js asks for one at a time.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'invalid' {
  if (header === undefined) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return 'invalid'
  const [, from = '', to = ''] = match
  if (from === '' && to === '') return 'invalid'
  if (from === '') {
    const length = Number(to)
    if (length === 0) return 'invalid'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(from)
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  if (start >= size || end < start) return 'invalid'
  return { start, end }
}

/** Answers `GET /pdf/:id` with the paper's stored PDF, honouring a byte range. The caller checked the token. */
export async function servePdf(
  req: IncomingMessage,
  res: ServerResponse,
  service: LibraryService,
  rawId: string,
  headers: OutgoingHttpHeaders,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Use GET for /pdf.', { ...headers, Allow: 'GET, HEAD' })
  }
  if (!/^[1-9]\d{0,15}$/.test(rawId)) {
    return sendText(res, 400, 'A PDF is named by its paper number.', headers)
  }
  const result = await dispatch(service, 'pdfUrl', { id: Number(rawId) })
  if (!result.ok) {
    return sendText(
      res,
      result.error.code === 'not-found' ? 404 : 400,
      result.error.message,
      headers,
    )
  }
  const location = result.value as PdfLocation | null
  if (!location) return sendText(res, 404, `Paper ${rawId} has no stored PDF.`, headers)
  // The core names stored files only by their hash; anything else is not served.
  if (basename(location.file) !== `${location.sha256}.pdf`) {
    return sendText(res, 404, 'Not found', headers)
  }
  const info = await stat(location.file).catch(() => null)
  if (!info?.isFile()) return sendText(res, 404, `Paper ${rawId} has no stored PDF.`, headers)
  const size = info.size
  const range = parseRange(headerValue(req.headers.range), size)
  const common = {
    ...headers,
    'Content-Type': 'application/pdf',
    'Accept-Ranges': 'bytes',
    ETag: `"${location.sha256}"`,
    'Cache-Control': 'private, no-cache',
  }
  if (range === 'invalid') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}` })
    res.end()
    return
  }
  const { start, end } = range ?? { start: 0, end: size - 1 }
  res.writeHead(range ? 206 : 200, {
    ...common,
    'Content-Length': size === 0 ? 0 : end - start + 1,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  })
  if (req.method === 'HEAD' || size === 0) {
    res.end()
    return
  }
  createReadStream(location.file, { start, end })
    .on('error', () => res.destroy())
    .pipe(res)
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
