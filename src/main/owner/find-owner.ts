import { setTimeout as sleep } from 'node:timers/promises'
import { AppError } from '@shared/api/errors'
import { describeOwner, livingOwner } from './owner-lock'
import type { ReachableOwner } from './owner-transport'

/** How long a command waits for an owner that is still starting (its lock has no address yet). */
const STARTING_OWNER_WAIT_MS = 10_000

/**
 * The living owner of the library in `dataDir` once its door listens, or null when there is none
 * (the caller then opens the file itself). An owner that never finishes starting is `library-busy`.
 */
export async function findOwner(
  dataDir: string,
  waitMs = STARTING_OWNER_WAIT_MS,
): Promise<ReachableOwner | null> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const owner = livingOwner(dataDir)
    if (!owner) return null
    if (owner.origin !== null && owner.token !== null) {
      return { ...owner, origin: owner.origin, token: owner.token }
    }
    if (Date.now() >= deadline) {
      throw new AppError(
        'library-busy',
        `The library ${dataDir} is held by ${describeOwner(owner)}, which has not finished starting; try again.`,
      )
    }
    await sleep(50)
  }
}
