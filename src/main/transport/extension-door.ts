import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import { EXTENSION_KEY_HEADER, EXTENSION_METHODS } from '@shared/api/browser-api'
import type { LibraryService } from '@shared/api/library-api'
import type { RpcResult } from '@shared/rpc/protocol'
import { dispatch } from './dispatch'

/** The prefix of the browser extension's routes on the loopback door. */
export const EXTENSION_PREFIX = '/ext/'

const EXTENSION_ORIGIN = /^(?:chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i

/**
 * True when a request to the extension routes may come from `origin`: a browser extension's own
 * origin, or none (a script, `curl`). A web page's origin never: the page must not reach the app,
 * only the extension's service worker does.
 */
export function isExtensionOrigin(origin: string | undefined): boolean {
  return origin === undefined || EXTENSION_ORIGIN.test(origin)
}

/** CORS headers for an extension origin (Firefox asks when the host permission is not granted yet). */
export function extensionCorsHeaders(origin: string | undefined): OutgoingHttpHeaders {
  if (origin === undefined) return {}
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': `content-type, ${EXTENSION_KEY_HEADER}`,
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  }
}

/** An answer of the extension routes: HTTP status and body. */
export type ExtensionAnswer = { status: number; body: RpcResult }

const refused = (status: number, message: string): ExtensionAnswer => ({
  status,
  body: { ok: false, error: { code: 'untrusted-sender', message } },
})

/**
 * The extension's routes, with their own trust: `pair` and `pair/confirm` need nothing (the
 * code shown by the app is the proof), `ping` says whether a key is valid, and `rpc/:method`
 * needs a paired key and reaches only the methods the extension uses.
 */
export async function answerExtension(
  service: LibraryService,
  req: IncomingMessage,
  route: string,
  input: unknown,
): Promise<ExtensionAnswer> {
  const key = headerValue(req.headers[EXTENSION_KEY_HEADER])
  const paired = async () =>
    key !== undefined && (await dispatch(service, 'checkPairingKey', { key })).ok
  if (route === 'pair') return ok(await dispatch(service, 'requestPairing', input))
  if (route === 'pair/confirm') return ok(await dispatch(service, 'confirmPairing', input))
  if (route === 'ping') {
    return ok({ ok: true, value: { app: 'papershelf', paired: await paired() } })
  }
  if (route.startsWith('rpc/')) {
    const method = route.slice('rpc/'.length)
    if (!(EXTENSION_METHODS as ReadonlyArray<string>).includes(method)) {
      return {
        status: 404,
        body: {
          ok: false,
          error: { code: 'unknown-method', message: `The extension cannot call ${method}.` },
        },
      }
    }
    if (!(await paired())) {
      return refused(
        401,
        'This extension is not paired with Papershelf (or its pairing was revoked): pair it again.',
      )
    }
    return ok(await dispatch(service, method, input))
  }
  return {
    status: 404,
    body: { ok: false, error: { code: 'not-found', message: 'No such extension route.' } },
  }
}

function ok(body: RpcResult): ExtensionAnswer {
  return { status: 200, body }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
