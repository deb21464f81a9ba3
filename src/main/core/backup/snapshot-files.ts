import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export { commitTempFile, tempPathFor } from '../fs/write-atomic'

/** The folder, inside a library folder, that keeps its snapshots. */
export const BACKUPS_DIR = 'backups'

/** How many automatic and manual snapshots a library keeps (the oldest go first). */
export const KEEP_SNAPSHOTS = 10

/** Why a snapshot was taken. */
export type SnapshotReason = 'daily' | 'manual' | 'pre-migration' | 'pre-restore'

/** A snapshot on disk. */
export type SnapshotFile = {
  file: string
  name: string
  takenAt: string
  size: number
  reason: string
}

const SNAPSHOT_NAME = /^library-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z0-9-]+)\.sqlite$/

/** The snapshots folder of a library folder. */
export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR)
}

/** The path a new snapshot gets: the time (sortable, no colons for Windows) and the reason. */
export function snapshotPath(dataDir: string, now: Date, reason: string): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  return join(backupsDir(dataDir), `library-${stamp}-${reason}.sqlite`)
}

/** The library's snapshots, newest first. */
export function listSnapshots(dataDir: string): SnapshotFile[] {
  const dir = backupsDir(dataDir)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .flatMap((name) => {
      const match = SNAPSHOT_NAME.exec(name)
      if (!match?.[1] || !match[2]) return []
      const [date, time] = match[1].split('T') as [string, string]
      const [h, m, s, ms] = time.replace('Z', '').split('-')
      const takenAt = `${date}T${h}:${m}:${s}.${ms}Z`
      const file = join(dir, name)
      return [{ file, name, takenAt, size: statSync(file).size, reason: match[2] }]
    })
    .sort((a, b) => b.name.localeCompare(a.name))
}

/** Deletes all but the newest `keep` snapshots. */
export function pruneSnapshots(dataDir: string, keep = KEEP_SNAPSHOTS): void {
  for (const old of listSnapshots(dataDir).slice(keep)) rmSync(old.file, { force: true })
}
