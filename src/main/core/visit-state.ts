import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { NewCutoff } from './db/view-filter'

/** The file beside the database that remembers visits (user interface state, not library data). */
export const VISIT_FILE = 'visits.json'

/** Opening the library again within this time continues the same visit. */
export const VISIT_GAP_MS = 60 * 60 * 1000

const visitSchema = z.object({
  currentStartedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  previousStartedAt: z.iso.datetime().nullable(),
})
type Visits = z.infer<typeof visitSchema>

/** Visits of one library folder: when the previous one began decides what is "new". */
export type VisitState = {
  /** When the previous visit began (null on the first visit). */
  newSince: () => string | null
  /** What "new" means now (see `db/view-filter.ts`). */
  newCutoff: () => NewCutoff
  /** Marks the library as seen now, starting a new visit after a long gap; returns `newSince`. */
  begin: () => string | null
}

/** Reads and keeps the visit file of `dataDir`; a missing or damaged file means a first visit. */
export function createVisitState(dataDir: string, now: () => Date): VisitState {
  const path = join(dataDir, VISIT_FILE)
  let visits: Visits | null = read(path)
  return {
    newSince: () => visits?.previousStartedAt ?? null,
    newCutoff: () => ({ previousVisit: visits?.previousStartedAt ?? null, now: now() }),
    begin() {
      const at = now()
      const stamp = at.toISOString()
      if (visits === null) {
        visits = { currentStartedAt: stamp, lastSeenAt: stamp, previousStartedAt: null }
      } else if (at.getTime() - Date.parse(visits.lastSeenAt) > VISIT_GAP_MS) {
        visits = {
          currentStartedAt: stamp,
          lastSeenAt: stamp,
          previousStartedAt: visits.currentStartedAt,
        }
      } else {
        visits = { ...visits, lastSeenAt: stamp }
      }
      write(path, visits)
      return visits.previousStartedAt
    },
  }
}

function read(path: string): Visits | null {
  try {
    const parsed = visitSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function write(path: string, visits: Visits): void {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(visits))
  renameSync(temp, path)
}
