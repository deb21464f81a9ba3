/** The change notifications every renderer store offers. */
export type Listeners = {
  /** Adds a listener; returns the function that removes it. */
  subscribe: (listener: () => void) => () => void
  /** Calls every listener (a listener may unsubscribe while being called). */
  notify: () => void
}

/** Creates an empty set of listeners. */
export function createListeners(): Listeners {
  const listeners = new Set<() => void>()
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    notify: () => {
      for (const listener of [...listeners]) listener()
    },
  }
}
