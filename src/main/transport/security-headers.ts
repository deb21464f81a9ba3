import type { OutgoingHttpHeaders } from 'node:http'

/**
 * The renderer's Content-Security-Policy, identical to the `<meta>` in `src/renderer/index.html`
 * (a test keeps the two in step).
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' papershelf-pdf:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ')

/** Headers every loopback response carries. */
export function securityHeaders(): OutgoingHttpHeaders {
  return {
    // frame-ancestors works only as a header: in a <meta> it is ignored with a console error.
    'Content-Security-Policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // The first page load carries the token in its URL; never let it leave in a Referer.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}
