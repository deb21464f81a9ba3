import { getPriority, platform, setPriority } from 'node:os'

/**
 * Lowers the calling thread's scheduling priority to `nice` (never raises it), so a background
 * thread that computes for seconds (training the tag models) yields the CPU to the thread that
 * answers the UI on a machine with few cores. On Linux a priority set for pid 0 is the calling
 * thread's alone; elsewhere it would be the whole process's, so it is left as it is there.
 * Returns the niceness now in effect, or null where it was left alone or could not be set.
 */
export function lowerThisThreadPriority(nice = 10): number | null {
  if (platform() !== 'linux') return null
  try {
    if (getPriority(0) < nice) setPriority(0, nice)
    return getPriority(0)
  } catch {
    return null
  }
}
