import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { APP_NAME, resolveLibraryDir } from '../core/library-location'
import { openOwnerDoor, type OwnerDoor } from '../owner/owner-door'
import type { EventFeed } from '../transport/event-stream'
import { forwardEvents, registerIpc } from './ipc-adapter'
import { libraryFlagFromArgv } from './launch-args'
import { installAppMenu } from './menu'
import { handlePdfProtocol, registerPdfScheme } from './pdf-protocol'
import { confineWebContents, denyAllPermissions } from './security'
import { registerDeepLinks } from './deep-links'
import { appPageUrl, createMainWindow } from './window'

/** How long quitting waits for syncs in progress to stop and record their runs. */
const QUIT_WAIT_MS = 5_000

/** Starts the desktop app: one instance, one library, one window. */
export function startApp(): void {
  app.setName(APP_NAME)
  // The CLI finds the same folder without Electron (core/library-location.ts), so pin it here.
  app.setPath('userData', join(app.getPath('appData'), APP_NAME))
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  registerPdfScheme()
  const dataDir = libraryDir()
  const appUrl = appPageUrl()
  let owner: OwnerDoor | null = null
  let window: BrowserWindow | null = null

  app.on('web-contents-created', (_event, contents) => confineWebContents(contents, appUrl))
  const followLink = registerDeepLinks(() =>
    owner ? { api: owner.library.service, events: owner.library.events } : null,
  )
  app.on('second-instance', (_event, argv) => {
    followLink(argv)
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('will-quit', (event) => {
    if (closing) return
    // Syncs in progress are cancelled and record their runs before the library closes and the
    // lock is given up (given a few seconds: a long parse must not keep the app from quitting).
    event.preventDefault()
    closing = true
    void (owner?.close(QUIT_WAIT_MS) ?? Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        owner = null
        app.quit()
      })
  })

  const openWindow = (events: EventFeed): void => {
    const created = createMainWindow(appUrl)
    forwardEvents(events, created)
    created.once('closed', () => {
      if (window === created) window = null
    })
    window = created
  }

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession)
      const binding = electronSqliteBinding()
      // The app owns the library exactly as `serve` does: the lock, and a loopback door through
      // which every `papershelf` command on this library runs while the app is open.
      const opened = await openOwnerDoor({
        dataDir,
        door: 'app',
        // The browser extension finds the app where it finds `serve`.
        port: 'extension',
        core: {
          pdf: { resume: true },
          upkeep: true,
          ...(binding ? { nativeBinding: binding } : {}),
        },
        scheduler: {},
      })
      owner = opened
      const { service, events } = opened.library
      handlePdfProtocol(dataDir, service)
      registerIpc(service, appUrl)
      installAppMenu(dataDir, service, () => window)
      openWindow(events)
      followLink(process.argv)
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow(events)
      })
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox('Papershelf cannot open its library', `${dataDir}\n\n${message}`)
      app.exit(1)
    })
}

/** `--library DIR`, else `PAPERSHELF_HOME`, else Electron's user-data folder. */
function libraryDir(): string {
  const libraryFlag = libraryFlagFromArgv(process.argv)
  if (libraryFlag === undefined && !process.env['PAPERSHELF_HOME']?.trim()) {
    return app.getPath('userData')
  }
  return resolveLibraryDir({
    libraryFlag,
    env: process.env,
    platform: process.platform,
    homedir: homedir(),
    cwd: process.cwd(),
  })
}

/**
 * The better-sqlite3 build for Electron's ABI made by `scripts/prepare-electron-sqlite.mjs`
 * (the one in node_modules is built for Node, for the tests and the CLI), when it exists.
 */
function electronSqliteBinding(): string | undefined {
  const file = join(
    app.getAppPath(),
    '.electron-native',
    `better-sqlite3-electron-${process.versions.electron}`,
    'better_sqlite3.node',
  )
  return existsSync(file) ? file : undefined
}
