import type { LibraryApi } from '@shared/api/library-api'
import type { EventHub } from '../core/event-hub'
import type { CliIo } from './cli-io'

/**
 * Notes whether a one-shot command changed the library (no app or `serve` is there to rewrite
 * the auto-exported files after it), so the command can rewrite them itself before it exits.
 */
export function watchLibraryChanges(events: Pick<EventHub, 'subscribe'>): {
  changed: () => boolean
  stop: () => void
} {
  let changed = false
  const stop = events.subscribe((event) => {
    if (event.type === 'library.changed') changed = true
  })
  return { changed: () => changed, stop }
}

/**
 * Rewrites the auto-exported files whose text changed (each atomically; the others are left
 * alone) and says on stderr which could not be written. The command's own result stands.
 */
export async function refreshAutoExports(
  api: Pick<LibraryApi, 'runAutoExports'>,
  io: CliIo,
): Promise<void> {
  try {
    for (const run of await api.runAutoExports({})) {
      if (run.error !== null) {
        io.stderr(
          `papershelf: auto-export ${run.id} (${run.path}) was not rewritten: ${run.error}\n`,
        )
      }
    }
  } catch (error) {
    io.stderr(
      `papershelf: the auto-exported files were not rewritten: ${(error as Error).message}\n`,
    )
  }
}
