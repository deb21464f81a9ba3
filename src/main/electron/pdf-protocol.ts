import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { protocol } from 'electron'
import type { PdfLocation } from '@shared/model/pdf'
import type { LibraryService } from '@shared/api/library-api'
import { pdfDir } from '../core/pdf/pdf-paths'
import { dispatch } from '../transport/dispatch'
import { isServablePdf, paperIdFromPdfUrl, PDF_SCHEME } from './pdf-protocol-rules'

/** Declares the PDF scheme as secure and fetchable; must run before the app is ready. */
export function registerPdfScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: PDF_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        corsEnabled: true,
      },
    },
  ])
}

/** Serves `papershelf-pdf://pdf/<id>`: the paper's stored PDF, and nothing outside the library's PDF folder. */
export function handlePdfProtocol(dataDir: string, service: LibraryService): void {
  const folder = pdfDir(dataDir)
  protocol.handle(PDF_SCHEME, async (request) => {
    const id = paperIdFromPdfUrl(request.url)
    if (id === null || request.method !== 'GET') return new Response('Bad request', { status: 400 })
    const result = await dispatch(service, 'pdfUrl', { id })
    const location = result.ok ? (result.value as PdfLocation | null) : null
    if (!location || !isServablePdf(folder, location.file)) {
      return new Response('Not found', { status: 404 })
    }
    const info = await stat(location.file).catch(() => null)
    if (!info?.isFile()) return new Response('Not found', { status: 404 })
    const body = Readable.toWeb(createReadStream(location.file)) as ReadableStream<Uint8Array>
    return new Response(body, {
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(info.size),
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
