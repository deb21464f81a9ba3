import type { WritableDb } from '../db/open-database'
import { assertDatabaseIntact } from './open-guards'

/**
 * Whether the open library is damaged, kept as state rather than sent once: `libraryInfo`
 * reports it to every door and tab, whenever it asks, until a restore opens a new library.
 */
export type LibraryHealth = {
  /** The damage message (with the way back), or null when none is known. */
  damage(): string | null
  /** Records what the background check found. */
  report(damage: string | null): void
  /** Checks now unless a check already ran (one-shot commands run no background check). */
  ensureChecked(): void
}

/** The health of one open connection to `file`. */
export function createLibraryHealth(db: WritableDb, file: string): LibraryHealth {
  let checked = false
  let damage: string | null = null
  const report = (found: string | null): void => {
    checked = true
    damage = found
  }
  return {
    damage: () => damage,
    report,
    ensureChecked: () => {
      if (checked) return
      try {
        assertDatabaseIntact(db, file)
        report(null)
      } catch (error) {
        report(error instanceof Error ? error.message : String(error))
      }
    },
  }
}
