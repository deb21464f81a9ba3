import { TOKEN_PARAM } from '@shared/rpc/protocol'

const STORAGE_KEY = 'papershelf.token'

/** The parts of `window` the token handling touches. */
export type TokenHost = Pick<Window, 'location' | 'history' | 'sessionStorage'>

/**
 * The loopback server's token: taken once from `?token=` (then kept in sessionStorage, so a
 * reload still works, and removed from the address bar), else the one kept earlier.
 */
export function takeSessionToken(host: TokenHost): string | null {
  const url = new URL(host.location.href)
  const fromUrl = url.searchParams.get(TOKEN_PARAM)
  if (fromUrl === null) return host.sessionStorage.getItem(STORAGE_KEY)
  host.sessionStorage.setItem(STORAGE_KEY, fromUrl)
  url.searchParams.delete(TOKEN_PARAM)
  host.history.replaceState(host.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  return fromUrl
}
