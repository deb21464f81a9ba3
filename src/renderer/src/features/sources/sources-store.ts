import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { SourceId } from '@shared/model/ids'
import type { SourceSummary, SyncKind } from '@shared/model/sync-source'
import type { ToastStore } from '../../components/toast-store'
import { createListeners } from '../../hooks/create-listeners'

/** Live progress of a running sync. */
export type SyncProgress = { done: number; total: number | null; message: string }

/** What the sources section shows. */
export type SourcesState = {
  /** False until the first listing arrived. */
  available: boolean
  sources: ReadonlyArray<SourceSummary>
  progress: ReadonlyMap<SourceId, SyncProgress>
}

/** A new source as the dialog submits it. */
export type NewSource = {
  kind: SyncKind
  params: Record<string, unknown>
  name?: string
  tags?: ReadonlyArray<string>
}

/** The sources section's state and intents. */
export type SourcesStore = {
  getState: () => SourcesState
  subscribe: (listener: () => void) => () => void
  start: () => () => void
  reload: () => Promise<void>
  /** Adds a source (rejects with the reason, for the dialog) and starts its first sync. */
  add: (source: NewSource) => Promise<SourceId>
  sync: (id: SourceId) => Promise<void>
  cancel: (id: SourceId) => Promise<void>
  remove: (id: SourceId) => Promise<void>
}

type SourcesApi = Pick<
  LibraryApi,
  'listSources' | 'addSource' | 'syncSource' | 'cancelSync' | 'removeSource'
>

/** Creates the sources store; failures of background work go to the toasts. */
export function createSourcesStore(deps: {
  api: SourcesApi
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  toasts: ToastStore
}): SourcesStore {
  const { api, toasts } = deps
  const listeners = createListeners()
  let state: SourcesState = { available: false, sources: [], progress: new Map() }
  const set = (patch: Partial<SourcesState>) => {
    state = { ...state, ...patch }
    listeners.notify()
  }
  const setProgress = (id: SourceId, progress: SyncProgress | null) => {
    const next = new Map(state.progress)
    if (progress === null) next.delete(id)
    else next.set(id, progress)
    set({ progress: next })
  }
  const reload = async () => {
    set({ available: true, sources: await api.listSources({}) })
  }
  const guarded = async (work: () => Promise<void>) => {
    try {
      await work()
    } catch (error) {
      toasts.fail(error)
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const store: SourcesStore = {
    getState: () => state,
    subscribe: listeners.subscribe,
    start() {
      const stop = deps.subscribeToEvents((event) => {
        if (event.type === 'sync.progress') {
          const { sourceId, done, total, message } = event.payload
          setProgress(sourceId, { done, total, message })
        } else if (event.type === 'sync.finished') {
          setProgress(event.payload.sourceId, null)
          void guarded(reload)
        } else if (event.type === 'library.changed') {
          clearTimeout(timer)
          timer = setTimeout(() => void guarded(reload), 300)
        }
      })
      void guarded(reload)
      return () => {
        clearTimeout(timer)
        stop()
      }
    },
    reload: () => guarded(reload),
    async add(source) {
      const added = await api.addSource({
        kind: source.kind,
        params: source.params,
        ...(source.name ? { name: source.name } : {}),
        ...(source.tags && source.tags.length > 0 ? { tags: [...source.tags] } : {}),
      })
      await guarded(reload)
      void store.sync(added.id)
      return added.id
    },
    sync: (id) =>
      guarded(async () => {
        setProgress(id, state.progress.get(id) ?? { done: 0, total: null, message: 'Starting…' })
        try {
          const run = await api.syncSource({ id })
          if (run.status === 'failed') {
            toasts.notify({
              kind: 'error',
              message: `Sync failed: ${run.error ?? 'unknown error'}`,
            })
          }
        } finally {
          setProgress(id, null)
          await reload()
        }
      }),
    cancel: (id) =>
      guarded(async () => {
        await api.cancelSync({ id })
      }),
    remove: (id) =>
      guarded(async () => {
        await api.removeSource({ id })
        await reload()
      }),
  }
  return store
}
