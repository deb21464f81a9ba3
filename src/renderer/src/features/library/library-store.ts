import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { Paper } from '@shared/model/paper'

/** What the library screen shows. */
export type LibraryState = {
  /** The search box text; empty lists the newest papers. */
  query: string
  papers: ReadonlyArray<Paper>
  /** Papers in the whole library. */
  total: number
  /** False until the first answer arrived. */
  loaded: boolean
  error: string | null
}

/** The library screen's state and the user intents that change it. */
export type LibraryStore = {
  getState: () => LibraryState
  subscribe: (listener: () => void) => () => void
  /** Opens the event subscription and loads; returns the function that stops both. */
  start: () => () => void
  /** Sets the search text and reloads after a short pause in typing. */
  setQuery: (query: string) => void
  reload: () => Promise<void>
  dismissError: () => void
}

/** What the store needs from the outside world. */
export type LibraryStoreDeps = {
  api: Pick<LibraryApi, 'listPapers' | 'search' | 'libraryInfo'>
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  debounceMs?: number
}

const LIST_LIMIT = 500
const SEARCH_LIMIT = 200

/** Creates the library screen's store over any LibraryApi. */
export function createLibraryStore(deps: LibraryStoreDeps): LibraryStore {
  const debounceMs = deps.debounceMs ?? 200
  const listeners = new Set<() => void>()
  let state: LibraryState = { query: '', papers: [], total: 0, loaded: false, error: null }
  let latest = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const set = (patch: Partial<LibraryState>): void => {
    state = { ...state, ...patch }
    for (const listener of [...listeners]) listener()
  }

  const reload = async (): Promise<void> => {
    const request = ++latest
    const query = state.query.trim()
    try {
      const next =
        query === ''
          ? await deps.api.listPapers({ sort: 'added', limit: LIST_LIMIT }).then((page) => ({
              papers: page.papers,
              total: page.total,
            }))
          : await Promise.all([
              deps.api.search({ query, limit: SEARCH_LIMIT }),
              deps.api.libraryInfo({}),
            ]).then(([hits, info]) => ({ papers: hits, total: info.paperCount }))
      // An answer to an older query must not overwrite a newer one.
      if (request === latest) set({ ...next, loaded: true, error: null })
    } catch (error) {
      // The list keeps what it showed; a failed first load shows no misleading empty state.
      if (request === latest) set({ error: messageOf(error) })
    }
  }

  const schedule = (delay: number): void => {
    clearTimeout(timer)
    timer = setTimeout(() => void reload(), delay)
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      const unsubscribe = deps.subscribeToEvents((event) => {
        // One import emits a burst of changes; refetch once for the burst.
        if (event.type === 'library.changed') schedule(50)
      })
      void reload()
      return () => {
        clearTimeout(timer)
        unsubscribe()
      }
    },
    setQuery(query) {
      set({ query })
      schedule(debounceMs)
    },
    reload,
    dismissError: () => set({ error: null }),
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
