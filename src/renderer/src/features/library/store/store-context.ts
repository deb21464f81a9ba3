import type { LibraryApi } from '@shared/api/library-api'
import type { ToastStore } from '../../../components/toast-store'
import { createListeners } from '../../../hooks/create-listeners'
import { INITIAL_STATE, type LibraryState } from './library-state'

/** What every part of the library store shares: the API, the toasts and the one state. */
export type StoreContext = {
  api: LibraryApi
  toasts: ToastStore
  /** The state now; each change makes a new object, so subscribers compare by identity. */
  get: () => LibraryState
  set: (patch: Partial<LibraryState>) => void
  /** Sets `patch` and bumps `rowsVersion`: the list re-reads the rows in memory. */
  rowsChanged: (patch?: Partial<LibraryState>) => void
  subscribe: (listener: () => void) => () => void
  /** Runs an intent; a failure becomes a toast (the store's one failure path). */
  run: (work: () => Promise<void>) => Promise<void>
}

/** The state, its subscribers and the failure path, before any part of the store is built. */
export function createStoreContext(api: LibraryApi, toasts: ToastStore): StoreContext {
  const listeners = createListeners()
  let state = INITIAL_STATE
  const set = (patch: Partial<LibraryState>): void => {
    state = { ...state, ...patch }
    listeners.notify()
  }
  return {
    api,
    toasts,
    get: () => state,
    set,
    rowsChanged: (patch = {}) => set({ ...patch, rowsVersion: state.rowsVersion + 1 }),
    subscribe: listeners.subscribe,
    async run(work) {
      try {
        await work()
      } catch (error) {
        toasts.fail(error)
      }
    },
  }
}
