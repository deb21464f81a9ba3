import { useRef, useSyncExternalStore } from 'react'

/** Anything with a snapshot and change notifications. */
export type ReadableStore<T> = {
  getState: () => T
  subscribe: (listener: () => void) => () => void
}

/** The current state of a store; re-renders when it changes. */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getState)
}

/**
 * The part of a store's state `select` picks; re-renders only when that part changes by `equal`
 * (a component that shows the sidebar need not re-render when the keyboard moves down the list).
 * `select` must depend on the state alone: it is not re-run for a new `select` on the same state.
 */
export function useStoreSlice<T, S>(
  store: ReadableStore<T>,
  select: (state: T) => S,
  equal: (a: S, b: S) => boolean = Object.is,
): S {
  const last = useRef<{ state: T; slice: S } | null>(null)
  const snapshot = (): S => {
    const state = store.getState()
    const before = last.current
    if (before && before.state === state) return before.slice
    const next = select(state)
    // an equal part keeps the object it was, so React sees no change
    const slice = before && equal(before.slice, next) ? before.slice : next
    last.current = { state, slice }
    return slice
  }
  return useSyncExternalStore(store.subscribe, snapshot)
}

/** Whether two objects have the same keys holding the same values (`Object.is`). */
export function shallowEqual<S extends object>(a: S, b: S): boolean {
  const keys = Object.keys(a) as Array<keyof S>
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.is(a[key], b[key]))
}
