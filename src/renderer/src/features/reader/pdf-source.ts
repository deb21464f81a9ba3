import type { PdfLocation } from '@shared/model/pdf'
import { TOKEN_HEADER } from '@shared/rpc/protocol'
import { takeSessionToken } from '../../transport/session-token'

/** What the viewer loads: an address, the headers to send with it, and whether ranges work there. */
export type PdfSource = {
  url: string
  httpHeaders: Record<string, string>
  /** Fetch by byte ranges (only big files: for a local file, round trips cost more than bytes). */
  rangeRequests: boolean
}

/** Below this size the whole file is read at once; above it, pages load by byte ranges. */
export const RANGE_THRESHOLD_BYTES = 16 * 1024 * 1024

/**
 * The viewer's source for a stored PDF: `papershelf-pdf://pdf/<id>` in the desktop app, the
 * loopback server's `/pdf/<id>` (token in a header, never in the address) in a browser.
 */
export function pdfSourceFor(
  location: Pick<PdfLocation, 'path' | 'size'>,
  host: Window = window,
): PdfSource {
  if (host.papershelf) {
    return { url: `papershelf-pdf:/${location.path}`, httpHeaders: {}, rangeRequests: false }
  }
  const token = takeSessionToken(host) ?? ''
  return {
    url: new URL(location.path, host.location.origin).href,
    httpHeaders: { [TOKEN_HEADER]: token },
    rangeRequests: location.size > RANGE_THRESHOLD_BYTES,
  }
}
