import { app, dialog } from 'electron'
import { createClient } from '@shared/rpc/create-client'
import type { Core } from '../core/create-core'
import { DEEP_LINK_SCHEME, deepLinkFromArgv, followDeepLink } from '../core/browser/deep-link'
import { inProcessTransport } from '../transport/in-process-transport'

// Thin glue: the app registers `papershelf://` and hands each link to the tested, Electron-free
// `followDeepLink` (core/browser/deep-link.ts).

/** Registers the scheme and returns the handler for links arriving later (second instance, macOS). */
export function registerDeepLinks(
  core: () => Pick<Core, 'api' | 'events'> | null,
): (argvOrUrl: ReadonlyArray<string> | string) => void {
  app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  const handle = (argvOrUrl: ReadonlyArray<string> | string): void => {
    const link = typeof argvOrUrl === 'string' ? argvOrUrl : deepLinkFromArgv(argvOrUrl)
    const opened = core()
    if (!link || !opened) return
    followDeepLink(createClient(inProcessTransport(opened)), link).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox('Papershelf cannot follow this link', `${link}\n\n${message}`)
    })
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    handle(url)
  })
  return handle
}
