import type { LibraryService } from '@shared/api/library-api'
import { exportLibrary } from '../export/export-library'
import { importLibraryDocument, parseLibraryDocument } from '../export/import-library'
import type { ServiceDeps } from '../library-service'
import { restoreIntoOpenLibrary } from './restore-library'
import { listSnapshots, type SnapshotFile } from './snapshot-files'
import { snapshotNow } from './take-snapshot'

type BackupMethods =
  'backupNow' | 'listBackups' | 'restoreBackup' | 'exportLibrary' | 'importLibrary'

const info = ({ file, takenAt, size, reason }: SnapshotFile) => ({ file, takenAt, size, reason })

/** Backups, restore and the portable library document. */
export function createBackupService(deps: ServiceDeps): Pick<LibraryService, BackupMethods> {
  const { db, events, dataDir, databasePath } = deps
  return {
    backupNow: async () => {
      const file = await snapshotNow(db, dataDir, deps.now(), 'manual')
      const taken = listSnapshots(dataDir).find((s) => s.file === file)
      return taken
        ? info(taken)
        : { file, takenAt: deps.now().toISOString(), size: 0, reason: 'manual' }
    },
    listBackups: () => listSnapshots(dataDir).map(info),
    restoreBackup: async ({ file }) => {
      const report = await restoreIntoOpenLibrary(db, { dataDir, databasePath }, file, deps.now())
      events.emit('library.changed', { reason: 'restore', paperIds: [] })
      return report
    },
    exportLibrary: () => exportLibrary(db, deps.now()),
    importLibrary: ({ text, sourceName }) => {
      const report = importLibraryDocument(db, parseLibraryDocument(text, sourceName), sourceName)
      events.emit('library.changed', { reason: 'import', paperIds: [] })
      return report
    },
  }
}
