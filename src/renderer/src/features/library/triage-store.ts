import type { LibraryApi } from '@shared/api/library-api'
import type { PaperEditResult, PaperPatch } from '@shared/api/library-ui'
import type { InboxGroup, TriageAction } from '@shared/api/triage-api'
import type { PaperId } from '@shared/model/ids'
import type { ToastStore } from '../../components/toast-store'
import { createListeners } from '../../hooks/create-listeners'
import type { LibraryStore } from './library-store'
import { plural } from './paper-format'
import type { Scope } from './scope'

/** What the inbox shows besides its rows: its papers by source and day. */
export type TriageState = { groups: ReadonlyArray<InboxGroup> }

/** Keep, dismiss, delete, undelete, read later, dismiss the rest, empty the trash. */
export type TriageStore = {
  getState: () => TriageState
  subscribe: (listener: () => void) => () => void
  /** Reads the inbox's groups again (after the counts changed). */
  loadGroups: () => Promise<void>
  /** Dismisses what is left of one group (a source's papers of one day). */
  dismissGroup: (group: InboxGroup) => Promise<void>
  act: (action: TriageAction) => Promise<void>
  /** Keeps the papers and puts them on the reading pile (status `reading`). */
  readLater: () => Promise<void>
  /** Dismisses every paper still in the inbox. */
  dismissRest: () => Promise<void>
  emptyTrash: () => Promise<void>
}

const LABELS: Record<TriageAction, string> = {
  keep: 'Kept',
  dismiss: 'Dismissed',
  delete: 'Moved to the trash:',
  undelete: 'Restored',
}

/** Whether papers moved by `action` leave the view `scope` shows (then their rows go at once). */
function leavesView(scope: Scope, action: TriageAction): boolean {
  const view = scope.kind === 'view' ? scope.view : 'all'
  if (view === 'inbox' || view === 'dismissed' || view === 'trash') return true
  return action === 'dismiss' || action === 'delete'
}

/**
 * Triage on top of the library store: each action changes the rows in memory first (the paper
 * leaves the view and the next one is under the cursor), then asks the core once; its
 * `library.changed` event refreshes what is on screen once. Every action can be undone (Ctrl+Z,
 * the toast's Undo) through the same `updatePapers` patches as any bulk edit.
 */
export function createTriageStore(deps: {
  api: LibraryApi
  store: LibraryStore
  toasts: ToastStore
}): TriageStore {
  const { api, store, toasts } = deps
  const listeners = createListeners()
  let state: TriageState = { groups: [] }
  let groupsRequest = 0
  const undoOf = (results: ReadonlyArray<PaperEditResult>) => async () => {
    const steps: PaperPatch[] = results.flatMap((result) => [...result.undo])
    for (const step of steps) await api.updatePapers(step)
  }
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work()
    } catch (error) {
      toasts.fail(error)
      await store.refresh()
    }
  }
  const move = async (
    action: TriageAction,
    label: (ids: ReadonlyArray<PaperId>) => string,
    after?: (ids: PaperId[]) => Promise<PaperEditResult>,
  ) => {
    const ids = store.targets()
    if (ids.length === 0) return
    if (leavesView(store.getState().scope, action)) store.removeRows(ids)
    await attempt(async () => {
      const { moved, extra } = await store.writing(async () => {
        const moved = await api.triagePapers({ action, ids })
        return { moved, extra: after ? [await after(ids)] : [] }
      })
      if (moved.changed + extra.reduce((n, r) => n + r.changed, 0) > 0) {
        store.recordUndo(label(ids), undoOf([...extra, moved]))
      }
    })
  }
  return {
    getState: () => state,
    subscribe: listeners.subscribe,
    async loadGroups() {
      const request = ++groupsRequest
      const groups = await api.inboxGroups({}).catch(() => state.groups)
      if (request !== groupsRequest) return
      state = { groups }
      listeners.notify()
    },
    dismissGroup: (group) =>
      attempt(async () => {
        const result = await store.writing(() =>
          api.triagePapers({
            action: 'dismiss',
            allInInbox: true,
            day: group.day,
            ...(group.sourceId === null ? {} : { sourceId: group.sourceId }),
            // a group without a source is read as such by the core (source none, that day)
          }),
        )
        const label = `Dismissed the rest of ${group.sourceName} · ${group.day}: ${plural(result.changed)}`
        if (result.changed > 0) store.recordUndo(label, undoOf([result]))
      }),
    act: (action) => move(action, (ids) => `${LABELS[action]} ${plural(ids.length)}`),
    readLater: () =>
      move(
        'keep',
        (ids) => `Kept ${plural(ids.length)} to read later`,
        (ids) => api.updatePapers({ ids, status: 'reading' }),
      ),
    dismissRest: () =>
      attempt(async () => {
        const rest = await api.listPaperIds({ view: 'inbox' })
        if (rest.length === 0) return
        if (store.getState().scope.kind === 'view') store.removeRows(rest)
        const result = await store.writing(() =>
          api.triagePapers({ action: 'dismiss', ids: [...rest] }),
        )
        store.recordUndo(`Dismissed the rest: ${plural(result.changed)}`, undoOf([result]))
      }),
    emptyTrash: () =>
      attempt(async () => {
        const result = await api.emptyTrash({})
        toasts.notify({
          kind: 'info',
          message: `Emptied the trash: ${plural(result.changed)}, ${Math.round(result.freedBytes / 1024)} KB freed.`,
        })
      }),
  }
}
