import { AppError } from '@shared/api/errors'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import type { LibraryHealth } from './library-health'
import { quickCheckInWorker } from './integrity-check'
import { damagedLibraryError, isSnapshotDue } from './open-guards'
import { snapshotNow } from './take-snapshot'

/** What the background upkeep of an open library needs. */
export type UpkeepDeps = {
  db: WritableDb
  dataDir: string
  databasePath: string
  now: Date
  events: EventHub
  health: LibraryHealth
  nativeBinding?: string | undefined
}

/**
 * The checks a long-running door (the app, `serve`) does after opening a library, off the path to
 * the first screen: `quick_check` in a worker (a damaged library is reported with the way back,
 * never replaced), then the daily snapshot when one is due. Failures are reported, never thrown.
 */
export async function runUpkeep(deps: UpkeepDeps): Promise<void> {
  try {
    const problems = await quickCheckInWorker(deps.databasePath, deps.nativeBinding)
    if (problems.length !== 1 || problems[0] !== 'ok') {
      const error = damagedLibraryError(deps.databasePath, `quick_check: ${problems.join('; ')}`)
      deps.health.report(error.message)
      deps.events.emit('library.damaged', { message: error.message })
      return
    }
    deps.health.report(null)
    if (deps.db.open && isSnapshotDue(deps.db, deps.dataDir, deps.now)) {
      await snapshotNow(deps.db, deps.dataDir, deps.now, 'daily')
    }
  } catch (error) {
    const message =
      error instanceof AppError || error instanceof Error ? error.message : String(error)
    process.emitWarning(`Papershelf upkeep of ${deps.dataDir} failed: ${message}`)
  }
}
