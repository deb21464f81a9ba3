import type { AppEventEnvelope } from '@shared/api/events'
import type { ImportReport, LibraryApi } from '@shared/api/library-api'
import type { PaperPatch } from '@shared/api/library-ui'
import type { SearchSort } from '@shared/api/search-api'
import type { PaperId, TagId } from '@shared/model/ids'
import type { ReadingStatus } from '@shared/model/paper'
import type { ToastStore } from '../../components/toast-store'
import type { DropSide } from './list-moves'
import type { Scope } from './scope'
import { createFocus } from './store/focus'
import { createImportText } from './store/import-text'
import type { LibraryState, PaperListRow } from './store/library-state'
import { createListAdmin } from './store/list-admin'
import { createListOrder } from './store/list-order'
import { createListWindow } from './store/list-window'
import { createLoadedRows } from './store/loaded-rows'
import { createPaperDetailLoader } from './store/paper-detail'
import { createPaperEdits } from './store/paper-edits'
import { createPaperSelection } from './store/paper-selection'
import { createRefresher } from './store/refresh'
import { createRowsInMemory } from './store/rows-in-memory'
import { createSearchSequencing } from './store/search-sequencing'
import { createStoreContext } from './store/store-context'
import { createTagAdmin } from './store/tag-admin'
import { createUndo } from './store/undo'

export type { LibraryState, PaperListRow } from './store/library-state'

/** The library screen's state and the user intents that change it. */
export type LibraryStore = {
  getState: () => LibraryState
  subscribe: (listener: () => void) => () => void
  /** Opens the event subscription and loads; returns the function that stops both. */
  start: () => () => void
  /** The row at a list index, when loaded. */
  rowAt: (index: number) => PaperListRow | undefined
  /** The list shows rows `start..end`: fetch what is missing. */
  setViewport: (start: number, end: number) => void
  setScope: (scope: Scope) => void
  /** Sorts the list, or the search results while searching (where `relevance` is offered too). */
  setSort: (sort: SearchSort, order?: 'asc' | 'desc') => void
  setQuery: (query: string) => void
  focus: (index: number) => void
  moveFocus: (delta: number) => void
  /**
   * A click on the row of paper `id`, drawn at `index`: when the rows moved since they were drawn
   * (results arrived), the paper's current index is used, so the click opens the paper clicked.
   */
  click: (index: number, modifiers: { shift: boolean; toggle: boolean }, id?: PaperId) => void
  toggleSelectFocused: () => void
  selectAll: () => Promise<void>
  clearSelection: () => void
  /** The papers an action applies to (the selection, else the focused paper). */
  targets: () => PaperId[]
  edit: (
    label: string,
    patch: Omit<PaperPatch, 'ids'>,
    ids?: ReadonlyArray<PaperId>,
  ) => Promise<void>
  toggleStar: () => Promise<void>
  cycleStatus: () => Promise<void>
  setStatus: (status: ReadingStatus) => Promise<void>
  addTags: (tags: ReadonlyArray<string>, ids?: ReadonlyArray<PaperId>) => Promise<void>
  removeTag: (tag: string, ids?: ReadonlyArray<PaperId>) => Promise<void>
  /** Takes tags off papers; a tag left on no paper is offered for deletion. */
  removeTags: (tags: ReadonlyArray<string>, ids?: ReadonlyArray<PaperId>) => Promise<void>
  setNote: (id: PaperId, note: string) => Promise<void>
  /**
   * Takes papers out of the rows in memory at once (they left the view: kept, dismissed,
   * deleted), so the next paper slides under the cursor; the core's event then refreshes once.
   */
  removeRows: (ids: ReadonlyArray<PaperId>) => void
  /**
   * Runs a write whose rows were changed in memory already: refreshes the core announces meanwhile
   * wait for it, so an answer read before the write lands never brings back what it moved.
   */
  writing: <T>(work: () => Promise<T>) => Promise<T>
  /** Puts an action on the undo stack (Ctrl+Z, the toast's Undo). */
  recordUndo: (label: string, undo: () => Promise<void>) => void
  undo: () => Promise<void>
  requestTagFocus: () => void
  createTag: (name: string) => Promise<void>
  renameTag: (id: TagId, name: string) => Promise<void>
  recolorTag: (id: TagId, color: string | null) => Promise<void>
  mergeTags: (ids: ReadonlyArray<TagId>, into: TagId) => Promise<void>
  deleteTag: (id: TagId) => Promise<void>
  createList: (name: string) => Promise<void>
  deleteList: (id: number) => Promise<void>
  addToList: (listId: number) => Promise<void>
  /** Whether the rows on screen are a list in its own order (papers can be moved in it). */
  canMoveInList: () => boolean
  /** Moves a paper of the list shown above or below another row (drag and drop). */
  moveInList: (paper: PaperId, target: PaperId, side: DropSide) => Promise<void>
  /** Moves the focused paper one row up or down in the list shown (Alt+↑/↓); it keeps the focus. */
  moveFocusedInList: (delta: -1 | 1) => Promise<void>
  /** Imports text through the library's import (errors reject, for the dialog to show). */
  importText: (
    text: string,
    sourceName: string,
    tags: ReadonlyArray<string>,
  ) => Promise<ImportReport>
  /**
   * Refetches rows, counts, tags, lists and the open paper. Writes need not call it: the core's
   * `library.changed` event refreshes what each change can affect, once.
   */
  refresh: () => Promise<void>
}

/** What the store needs from the outside world. */
export type LibraryStoreDeps = {
  api: LibraryApi
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  toasts: ToastStore
  /**
   * A fixed wait after a keystroke (tests). By default a query is sent at once, or, while a
   * search is on its way, as soon as it is back (only the latest query then).
   */
  debounceMs?: number
}

/**
 * Creates the library screen's store over any LibraryApi, from its parts in `store/`: the rows
 * in memory and the window of the view they come from, the search box's sequencing, focus,
 * selection and detail, edits with undo, tag and list admin, moves within a list, and the refresh
 * that follows the core's change events.
 */
export function createLibraryStore(deps: LibraryStoreDeps): LibraryStore {
  const ctx = createStoreContext(deps.api, deps.toasts)
  const { api, toasts } = ctx
  const rows = createLoadedRows()
  const focusedId = (): PaperId | null => rows.at(ctx.get().focusIndex)?.id ?? null
  const detail = createPaperDetailLoader(ctx, focusedId)
  const focus = createFocus(ctx, rows, detail)
  const listWindow = createListWindow(ctx, rows, focus)
  const selection = createPaperSelection(ctx, rows, focusedId, listWindow)
  const refresher = createRefresher(ctx, listWindow, detail)
  const search = createSearchSequencing(ctx, rows, listWindow, deps.debounceMs)
  const inMemory = createRowsInMemory(ctx, rows, focusedId, focus, refresher)
  const undo = createUndo(ctx)
  const tagAdmin = createTagAdmin(ctx, undo, listWindow)
  const edits = createPaperEdits({ ctx, rows, inMemory, refresher, selection, undo, tagAdmin })
  const listAdmin = createListAdmin(ctx, undo, listWindow, selection)
  const listOrder = createListOrder({ ctx, rows, inMemory, refresher, undo })

  const start = (): (() => void) => {
    const unsubscribe = deps.subscribeToEvents((event) => {
      if (event.type === 'library.changed') refresher.changed(event.payload)
      // Errors stay until dismissed: the message says how to restore the latest snapshot.
      if (event.type === 'library.damaged') {
        toasts.notify({ kind: 'error', message: event.payload.message })
      }
    })
    // A risky library folder (inside a cloud-sync folder) and known damage are said once per
    // start and stay: a tab opened after the damage was found learns of it here.
    void Promise.resolve()
      .then(() => api.libraryInfo({}))
      .then((info) => {
        if (info.warning) toasts.notify({ kind: 'error', message: info.warning })
        if (info.damage) toasts.notify({ kind: 'error', message: info.damage })
      })
      .catch(() => undefined)
    void ctx.run(async () => {
      // The rows need no visit; the counts need it first (what is "new" starts with it).
      await Promise.all([
        api.beginVisit({}).then(refresher.loadSidebar),
        listWindow.reloadRows(true),
      ])
    })
    return () => {
      search.stop()
      refresher.stop()
      detail.stop()
      unsubscribe()
    }
  }

  return {
    getState: ctx.get,
    subscribe: ctx.subscribe,
    start,
    rowAt: rows.at,
    setViewport: listWindow.setViewport,
    setScope: listWindow.setScope,
    setSort: listWindow.setSort,
    setQuery: search.setQuery,
    focus: focus.focus,
    moveFocus: focus.moveFocus,
    click: focus.click,
    ...selection,
    ...edits,
    removeRows: inMemory.remove,
    writing: refresher.writing,
    ...undo,
    requestTagFocus: detail.requestTagFocus,
    ...tagAdmin,
    ...listAdmin,
    ...listOrder,
    importText: createImportText(ctx),
    refresh: () => ctx.run(refresher.refresh),
  }
}
