import { rmSync, writeFileSync } from 'node:fs'
import {
  app,
  dialog,
  Menu,
  shell,
  type BrowserWindow,
  type MenuItemConstructorOptions,
} from 'electron'
import type { LibraryService } from '@shared/api/library-api'
import { backupsDir, commitTempFile, tempPathFor } from '../core/backup/snapshot-files'

/** What the Library menu does, given the open core and the window to attach dialogs to. */
export type LibraryMenuActions = {
  backUpNow: () => Promise<void>
  restore: () => Promise<void>
  exportJson: () => Promise<void>
  showBackups: () => Promise<void>
}

/** The application menu: the platform's standard menus plus Library (back up, restore, export). */
export function menuTemplate(actions: LibraryMenuActions): MenuItemConstructorOptions[] {
  const run = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) => {
      dialog.showErrorBox('Papershelf', error instanceof Error ? error.message : String(error))
    })
  }
  return [
    ...(process.platform === 'darwin'
      ? [{ role: 'appMenu' as const }]
      : [{ role: 'fileMenu' as const }]),
    { role: 'editMenu' },
    {
      label: 'Library',
      submenu: [
        { label: 'Back Up Now', accelerator: 'CmdOrCtrl+Shift+B', click: run(actions.backUpNow) },
        { label: 'Restore…', click: run(actions.restore) },
        { type: 'separator' },
        { label: 'Export as JSON…', click: run(actions.exportJson) },
        { label: 'Show Backups Folder', click: run(actions.showBackups) },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]
}

/**
 * Installs the application menu, its Library actions calling the owned library's service (so a
 * restore swaps the file under the one connection, as through any other door).
 */
export function installAppMenu(
  dataDir: string,
  service: LibraryService,
  window: () => BrowserWindow | null,
): void {
  const parent = () => window() ?? undefined
  const message = async (text: string, detail: string) => {
    const owner = parent()
    const options = { type: 'info' as const, message: text, detail }
    await (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options))
  }
  const actions: LibraryMenuActions = {
    backUpNow: async () => {
      const backup = await service.backupNow({})
      await message('The library is backed up.', backup.file)
    },
    restore: async () => {
      const owner = parent()
      const options = {
        title: 'Restore a Backup',
        defaultPath: backupsDir(dataDir),
        properties: ['openFile' as const],
        filters: [{ name: 'Papershelf library', extensions: ['sqlite'] }],
      }
      const picked = await (owner
        ? dialog.showOpenDialog(owner, options)
        : dialog.showOpenDialog(options))
      const file = picked.filePaths[0]
      if (picked.canceled || !file) return
      const confirmOptions = {
        type: 'warning' as const,
        buttons: ['Restore', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Replace the library with this backup?',
        detail: `${file}\n\nThe library as it is now is snapshotted first, so this can be undone.`,
      }
      const answer = await (owner
        ? dialog.showMessageBox(owner, confirmOptions)
        : dialog.showMessageBox(confirmOptions))
      if (answer.response !== 0) return
      const report = await service.restoreBackup({ file })
      await message(
        `Restored ${report.paperCount} papers.`,
        report.safetySnapshot ? `The library as it was is kept in ${report.safetySnapshot}.` : '',
      )
    },
    exportJson: async () => {
      const owner = parent()
      const options = {
        title: 'Export Library',
        defaultPath: 'papershelf-library.json',
        filters: [{ name: 'JSON', extensions: ['json'] }],
      }
      const picked = await (owner
        ? dialog.showSaveDialog(owner, options)
        : dialog.showSaveDialog(options))
      if (picked.canceled || !picked.filePath) return
      const doc = await service.exportLibrary({})
      const temp = tempPathFor(picked.filePath)
      try {
        writeFileSync(temp, `${JSON.stringify(doc, null, 1)}\n`)
        commitTempFile(temp, picked.filePath)
      } catch (error) {
        rmSync(temp, { force: true })
        throw error
      }
      await message(`Exported ${doc.papers.length} papers.`, picked.filePath)
    },
    showBackups: async () => {
      const error = await shell.openPath(backupsDir(dataDir))
      if (error) {
        throw new Error(`${backupsDir(dataDir)}: ${error} (no backup has been taken yet?)`)
      }
    },
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)))
  app.once('will-quit', () => Menu.setApplicationMenu(null))
}
