import { z } from 'zod'

/** The largest library document an import reads (a 50k-paper library is about 100 MB of JSON). */
export const MAX_LIBRARY_DOCUMENT_CHARS = 512 * 1024 * 1024

/** A snapshot of the library database. */
export type BackupInfo = { file: string; takenAt: string; size: number; reason: string }

/** What a restore did. */
export type RestoreResult = {
  restoredFrom: string
  /** The snapshot of the library as it was just before, which undoes the restore. */
  safetySnapshot: string | null
  /** Where a damaged library file was moved (kept, never deleted), if it was damaged. */
  movedAside: string | null
  schemaVersion: number
  paperCount: number
}

/** What importing a library document recreated. */
export type LibraryImportResult = { papers: number; tags: number; sources: number; lists: number }

const empty = z.strictObject({})

/** Input schemas of the backup, restore and portable-library methods. */
export const backupInputs = {
  backupNow: empty,
  listBackups: empty,
  restoreBackup: z.strictObject({ file: z.string().trim().min(1).max(4096) }),
  exportLibrary: empty,
  importLibrary: z.strictObject({
    text: z.string().max(MAX_LIBRARY_DOCUMENT_CHARS),
    sourceName: z.string().trim().min(1).max(1000),
  }),
}
