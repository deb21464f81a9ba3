import { useSyncExternalStore } from 'react'

/** Anything with a snapshot and change notifications. */
export type ReadableStore<T> = {
  getState: () => T
  subscribe: (listener: () => void) => () => void
}

/** The current state of a store; re-renders when it changes. */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getState)
}
