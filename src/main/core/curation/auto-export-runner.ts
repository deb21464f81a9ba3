import type { LibraryService } from '@shared/api/library-api'
import type { EventHub } from '../event-hub'

/** How long the library must be quiet before the kept files are rewritten. */
export const AUTO_EXPORT_DELAY_MS = 1_000

/**
 * Rewrites the auto-exported files a moment after the library changes (the owner runs it: the app
 * and `serve`). Edits come in bursts (a sync page, a bulk tag), so one pass follows the last of
 * them; a file whose text is unchanged is not touched. A pass never overlaps another.
 */
export function startAutoExports(
  service: Pick<LibraryService, 'runAutoExports'>,
  events: Pick<EventHub, 'subscribe'>,
  options: { delayMs?: number; onError?: (error: unknown) => void } = {},
): { stop: () => void; settled: () => Promise<void> } {
  const delayMs = options.delayMs ?? AUTO_EXPORT_DELAY_MS
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()
  let stopped = false
  const pass = () => {
    timer = null
    running = running
      .then(async () => {
        if (!stopped) await service.runAutoExports({})
      })
      .catch((error: unknown) => options.onError?.(error))
  }
  const unsubscribe = events.subscribe((event) => {
    if (stopped || event.type !== 'library.changed') return
    if (timer) clearTimeout(timer)
    timer = setTimeout(pass, delayMs)
    timer.unref()
  })
  return {
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
      unsubscribe()
    },
    settled: () => running,
  }
}
