import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { ToastStore } from '../../components/toast-store'
import type { LibraryStore } from '../library/library-store'

/** What following the browser extension's events needs. */
export type BrowserEventsDeps = {
  api: Pick<LibraryApi, 'getPaper'>
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  toasts: ToastStore
  library: Pick<LibraryStore, 'setScope' | 'setQuery'>
}

/**
 * The extension's requests as the window sees them: a pairing code to type into the extension
 * (kept on screen until dismissed), and "Open in Papershelf", which shows the paper in the
 * whole library, found by its title. Returns the unsubscribe function.
 */
export function followBrowserEvents(deps: BrowserEventsDeps): () => void {
  return deps.subscribeToEvents((event) => {
    if (event.type === 'pairing.requested') {
      const { client, code } = event.payload
      deps.toasts.notify({
        kind: 'info',
        sticky: true,
        message: `The ${client} extension asks to pair with Papershelf: type ${code} into it.`,
      })
    }
    if (event.type === 'paper.reveal') {
      deps.api
        .getPaper({ id: event.payload.paperId })
        .then((paper) => {
          deps.library.setScope({ kind: 'view', view: 'all' })
          deps.library.setQuery(paper.title ?? paper.arxivId ?? paper.doi ?? '')
        })
        .catch((error: unknown) => deps.toasts.fail(error))
    }
  })
}
