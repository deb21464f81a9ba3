import type { AppEventEnvelope, AppEventName, AppEvents } from '@shared/api/events'

/** Fan-out of core events to every door's subscribers. */
export type EventHub = {
  emit: <K extends AppEventName>(type: K, payload: AppEvents[K]) => void
  /** Returns the unsubscribe function. */
  subscribe: (listener: (event: AppEventEnvelope) => void) => () => void
}

/** Creates a hub; a throwing listener never stops the others. */
export function createEventHub(): EventHub {
  const listeners = new Set<(event: AppEventEnvelope) => void>()
  return {
    emit(type, payload) {
      const event = { type, payload } as AppEventEnvelope
      for (const listener of listeners) {
        try {
          listener(event)
        } catch (error) {
          console.error(`papershelf: an event listener failed on ${type}:`, error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
