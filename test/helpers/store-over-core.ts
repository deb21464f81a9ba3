// The renderer's library store over a real core (a SQLite file in a temp dir, every call through
// `dispatch`), for `*.core.test.ts` files: they run in the dom project but are typechecked with the
// main process's config.
import { afterEach, beforeEach, vi } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import { createToastStore, type ToastStore } from '../../src/renderer/src/components/toast-store'
import {
  createLibraryStore,
  type LibraryStore,
} from '../../src/renderer/src/features/library/library-store'
import { useTempDir } from './temp-dir'
import { useTestCore } from './test-core'

/** The API with a count of calls per method. */
export function countCalls(api: LibraryApi): { api: LibraryApi; calls: Map<string, number> } {
  const calls = new Map<string, number>()
  const proxy = new Proxy(api, {
    get(target, method: string) {
      const call = target[method as keyof LibraryApi] as (input: unknown) => Promise<unknown>
      return (input: unknown) => {
        calls.set(method, (calls.get(method) ?? 0) + 1)
        return call(input)
      }
    },
  })
  return { api: proxy, calls }
}

/** A started store over a fresh core, and how to look at what it did. */
export type StoreOverCore = {
  store: LibraryStore
  toasts: ToastStore
  /** The core's API as the test uses it: its calls are not counted. */
  api: LibraryApi
  /** The API the store was given: each of its calls is counted in `calls`. */
  countedApi: LibraryApi
  calls: Map<string, number>
}

/**
 * Opens a library store over a real core, under fake timers (`setTimeout` only, so the core's own
 * promises run): `seed` fills the library before the store starts. The store is stopped and the
 * core closed after each test.
 */
export function useStoreOverCore(): (
  seed?: (api: LibraryApi) => Promise<void>,
) => Promise<StoreOverCore> {
  const tempDir = useTempDir()
  const openCore = useTestCore()
  let stop: () => void = () => undefined
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    stop()
    stop = () => undefined
    vi.useRealTimers()
  })
  return async (seed) => {
    const { api, core } = openCore(tempDir())
    await seed?.(api)
    const counted = countCalls(api)
    const toasts = createToastStore()
    const store = createLibraryStore({
      api: counted.api,
      subscribeToEvents: (listener) => core.events.subscribe(listener),
      toasts,
    })
    stop = store.start()
    return { store, toasts, api, countedApi: counted.api, calls: counted.calls }
  }
}
