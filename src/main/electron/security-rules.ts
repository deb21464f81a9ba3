// The decisions behind the Electron security hooks, free of 'electron' so they are unit-tested.

// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True for an http(s) URL without credentials or hidden characters, safe to hand to the OS. */
export function isAllowedExternalUrl(url: string): boolean {
  // new URL() silently strips tabs and newlines; the OS would get the raw string, so refuse them.
  if (WHITESPACE_OR_CONTROL.test(url)) return false
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/**
 * True when `url` is the app's own page: the same file for a built app (`file://…/index.html`),
 * the same origin for the dev server. Query and fragment do not matter.
 */
export function isAppPageUrl(url: string, appUrl: string): boolean {
  const page = parse(url)
  const app = parse(appUrl)
  if (!page || !app) return false
  if (app.protocol === 'file:') {
    return page.protocol === 'file:' && page.host === app.host && page.pathname === app.pathname
  }
  return (app.protocol === 'http:' || app.protocol === 'https:') && page.origin === app.origin
}

/** The IPC sender check: only a frame showing the app's own page may call the library. */
export function isTrustedSenderUrl(frameUrl: string, appUrl: string): boolean {
  return isAppPageUrl(frameUrl, appUrl)
}
