import { shell, type Session, type WebContents } from 'electron'
import { isAllowedExternalUrl, isAppPageUrl } from './security-rules'

/** Refuses every permission request and check (camera, notifications, geolocation, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * Keeps a web contents on the app's page: no new windows, no navigation elsewhere, no webviews.
 * http(s) links the user follows open in the system browser instead.
 */
export function confineWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => {
    if (isAppPageUrl(event.url, appUrl)) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function openExternally(url: string): void {
  if (!isAllowedExternalUrl(url)) return
  shell.openExternal(url).catch((error: unknown) => {
    console.error(`papershelf: could not open ${url} in the browser:`, error)
  })
}
