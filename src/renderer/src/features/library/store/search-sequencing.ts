import type { LibraryStore } from '../library-store'
import type { ListWindow } from './list-window'
import type { LoadedRows } from './loaded-rows'
import type { StoreContext } from './store-context'

/** The search box: which query is sent when, so the rows painted answer the latest one. */
export type SearchSequencing = Pick<LibraryStore, 'setQuery'> & {
  stop: () => void
}

/**
 * Creates the search sequencing. No fixed wait after a keystroke (any wait is pure latency on the
 * last one): a query goes at once; keys typed while a search is on its way send only the latest
 * query, when that search is back. `debounceMs` sets a fixed wait instead (tests).
 */
export function createSearchSequencing(
  ctx: StoreContext,
  rows: Pick<LoadedRows, 'nextGeneration'>,
  listWindow: Pick<ListWindow, 'reloadRows'>,
  debounceMs?: number,
): SearchSequencing {
  let searchInFlight = false
  let searchAgain = false
  let searchTimer: ReturnType<typeof setTimeout> | undefined

  /** Searches for the query typed now, or after the search on its way. */
  const searchLatest = (): void => {
    if (searchInFlight) {
      searchAgain = true
      return
    }
    searchInFlight = true
    void ctx
      .run(() => listWindow.reloadRows(true))
      .finally(() => {
        searchInFlight = false
        if (searchAgain) {
          searchAgain = false
          searchLatest()
        }
      })
  }

  return {
    setQuery(query) {
      // Answers to earlier queries still in flight are dropped: only the latest one is painted.
      rows.nextGeneration()
      ctx.set({ query })
      clearTimeout(searchTimer)
      if (debounceMs !== undefined) {
        searchTimer = setTimeout(() => void ctx.run(() => listWindow.reloadRows(true)), debounceMs)
      } else {
        searchLatest()
      }
    },
    stop: () => clearTimeout(searchTimer),
  }
}
