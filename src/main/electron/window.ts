import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow } from 'electron'

/** The app page: the dev server while developing, else the built `out/renderer/index.html`. */
export function appPageUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devServer) return devServer
  return pathToFileURL(join(app.getAppPath(), 'out', 'renderer', 'index.html')).href
}

/** Creates the main window, sandboxed and isolated, and shows it once its first paint is ready. */
export function createMainWindow(appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Papershelf',
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 400,
    show: false,
    webPreferences: {
      // app.getAppPath() rather than this module's folder: the bundler may move code into chunks.
      preload: join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.loadURL(appUrl).catch((error: unknown) => {
    console.error(`papershelf: could not load ${appUrl}:`, error)
  })
  return window
}
