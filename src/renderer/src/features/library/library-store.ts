import type { AppEventEnvelope } from '@shared/api/events'
import type { ImportReport, LibraryApi } from '@shared/api/library-api'
import type {
  LibraryCounts,
  PaperListRow as ApiRow,
  PaperPatch,
  UserList,
} from '@shared/api/library-ui'
import { MAX_ROW_WINDOW, STATUS_CYCLE } from '@shared/api/library-ui'
import type { SearchCorrection, SearchRow, SearchSort } from '@shared/api/search-api'
import type { PaperId, TagId } from '@shared/model/ids'
import type { QueryWarning } from '@shared/search/query-syntax'
import {
  displayTitle,
  type PaperDetail,
  type PaperSort,
  type ReadingStatus,
} from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import type { ToastStore } from '../../components/toast-store'
import { PAGE_SIZE, pagesFor, pagesToEvict } from './row-window'
import { filterOf, sameScope, type Scope } from './scope'
import {
  actionTargets,
  EMPTY_SELECTION,
  extendTo,
  selectIds,
  toggleRow,
  type Selection,
} from './selection'
import { defaultOrder } from './sort-options'
import { placeOf, reorderRows, sortsForScope, type DropSide } from './list-moves'
import { popUndo, pushUndo, type UndoStack } from './undo-stack'
import { createListeners } from '../../hooks/create-listeners'

/** A list row; while searching, also what matched where (highlights, the passage to show). */
export type PaperListRow = ApiRow &
  Partial<Pick<SearchRow, 'score' | 'highlights' | 'snippet' | 'matchedAuthor'>>

/** What the library screen shows. */
export type LibraryState = {
  scope: Scope
  sort: PaperSort
  order: 'asc' | 'desc'
  /** How search results are ordered: by relevance, or any list sort over every match. */
  searchSort: SearchSort
  searchOrder: 'asc' | 'desc'
  /** The search box text; empty browses the scope. */
  query: string
  /** Rows in the list (search hits while searching). */
  total: number
  /** The query the rows on screen answer ('' when browsing); lags `query` while typing. */
  shownQuery: string
  /** What the search engine could not take in `shownQuery` (unknown operators, bad values). */
  searchWarnings: ReadonlyArray<QueryWarning>
  /** Query words the library does not hold, and what `shownQuery` searched instead. */
  searchCorrections: ReadonlyArray<SearchCorrection>
  /** Bumps whenever cached rows change, so the list re-reads them. */
  rowsVersion: number
  /** False until the first rows arrived. */
  loaded: boolean
  selection: Selection
  /** The row the keyboard is on; -1 when none. */
  focusIndex: number
  detail: PaperDetail | null
  counts: LibraryCounts | null
  tags: ReadonlyArray<Tag>
  lists: ReadonlyArray<UserList>
  undo: UndoStack
  /** Bumps when the tag editor should take focus (the `t` key). */
  tagFocusRequest: number
}

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

/** One window of rows, and what the search could not take when it answers a query. */
type RowWindow = {
  total: number
  rows: ReadonlyArray<PaperListRow>
  search: {
    warnings: ReadonlyArray<QueryWarning>
    corrections: ReadonlyArray<SearchCorrection>
  } | null
}

/** What a `library.changed` event can make stale on this screen. */
type Stale = { rows: boolean; counts: boolean; tags: boolean; lists: boolean; detail: boolean }

/** Creates the library screen's store over any LibraryApi. */
export function createLibraryStore(deps: LibraryStoreDeps): LibraryStore {
  const { api, toasts } = deps
  // No fixed wait after a keystroke (any wait is pure latency on the last one): a query goes at
  // once; keys typed while a search is on its way send only the latest query, when it is back.
  let searchInFlight = false
  let searchAgain = false
  const listeners = createListeners()
  let state: LibraryState = {
    scope: { kind: 'view', view: 'all' },
    sort: 'added',
    order: 'desc',
    searchSort: 'relevance',
    searchOrder: 'desc',
    query: '',
    total: 0,
    shownQuery: '',
    searchWarnings: [],
    searchCorrections: [],
    rowsVersion: 0,
    loaded: false,
    selection: EMPTY_SELECTION,
    focusIndex: -1,
    detail: null,
    counts: null,
    tags: [],
    lists: [],
    undo: [],
    tagFocusRequest: 0,
  }
  // Rows live outside the state: the list reads them by index as it renders. Browsing and
  // searching fill the same pages: a search is a view the server windows like any other.
  let pages = new Map<number, ReadonlyArray<PaperListRow>>()
  /** The generation whose answers the pages hold (older rows stay on screen until newer arrive). */
  let pagesGeneration = 0
  /** The query the rows being fetched answer ('' when browsing). */
  let rowsQuery = ''
  let generation = 0
  let viewport: [number, number] = [0, 40]
  const inFlight = new Set<string>()
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  let stale: Stale | null = null
  /** Writes in flight whose rows changed in memory first (see `writing`). */
  let writes = 0
  let detailTimer: ReturnType<typeof setTimeout> | undefined
  let tagFocusWaiting = false
  let detailRequest = 0
  /** The paper whose detail is scheduled or being fetched. */
  let detailLoading: PaperId | null = null
  /** The last move in a list on its way to the core (see `moveInList`). */
  let movesInFlight: Promise<void> = Promise.resolve()

  const set = (patch: Partial<LibraryState>): void => {
    state = { ...state, ...patch }
    listeners.notify()
  }
  const rowsChanged = (patch: Partial<LibraryState> = {}) =>
    set({ ...patch, rowsVersion: state.rowsVersion + 1 })

  const rowAt = (index: number): PaperListRow | undefined =>
    pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  const focusedId = (): PaperId | null => rowAt(state.focusIndex)?.id ?? null
  // A paper clicked while its rows were being replaced (a search cleared or answered): it gets
  // the focus when the new rows arrive, instead of the first row.
  let picked: PaperId | null = null
  const focusPicked = (): boolean => {
    if (picked === null) return false
    const at = indexOfLoaded(picked)
    if (at === null) return false
    picked = null
    focus(at)
    return true
  }

  const run = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work()
    } catch (error) {
      toasts.fail(error)
    }
  }

  /** One window of the current view (or of its search), from the server. */
  const fetchWindow = async (offset: number, limit: number): Promise<RowWindow> => {
    const filter = filterOf(state.scope)
    if (rowsQuery === '') {
      const page = await api.listPaperRows({
        ...filter,
        sort: state.sort,
        order: state.order,
        offset,
        limit,
      })
      return { ...page, search: null }
    }
    const { total, rows, warnings, corrections } = await api.searchPaperRows({
      ...filter,
      query: rowsQuery,
      sort: state.searchSort,
      ...(state.searchSort === 'relevance' ? {} : { order: state.searchOrder }),
      offset,
      limit,
    })
    return { total, rows, search: { warnings, corrections } }
  }

  /** Fetches pages `first..last` in one call. */
  const fetchPages = async (first: number, last: number, gen: number): Promise<void> => {
    const key = `${gen}:${first}-${last}`
    if (inFlight.has(key)) return
    inFlight.add(key)
    try {
      const result = await fetchWindow(first * PAGE_SIZE, (last - first + 1) * PAGE_SIZE)
      if (gen !== generation) return
      if (pagesGeneration !== gen) {
        pages = new Map()
        pagesGeneration = gen
      }
      for (let page = first; page <= last; page += 1) {
        const start = (page - first) * PAGE_SIZE
        const rows = result.rows.slice(start, start + PAGE_SIZE)
        if (rows.length > 0 || page === first) pages.set(page, rows)
      }
      for (const evicted of pagesToEvict(
        pages.keys(),
        pagesFor(viewport[0], viewport[1], result.total),
      )) {
        pages.delete(evicted)
      }
      const searched: Partial<LibraryState> = result.search
        ? {
            shownQuery: rowsQuery,
            searchWarnings: result.search.warnings,
            searchCorrections: result.search.corrections,
          }
        : state.shownQuery === ''
          ? {}
          : { shownQuery: '', searchWarnings: [], searchCorrections: [] }
      rowsChanged({ ...searched, total: result.total, loaded: true })
      if (focusPicked()) return
      if (state.focusIndex < 0 && result.total > 0) focus(0)
      else if (state.focusIndex >= result.total) focus(result.total - 1)
      else if (result.total === 0) focus(-1)
      else loadDetailIfMoved()
    } finally {
      inFlight.delete(key)
    }
  }

  /** Fetches the pages in view: all of them when `fresh`, else the missing ones (one call per run). */
  const loadVisible = async (gen: number, fresh: boolean): Promise<void> => {
    const total = fresh ? Math.max(state.total, viewport[1] + 1) : state.total
    const wanted = pagesFor(viewport[0], viewport[1], Math.max(total, 1))
    const missing = fresh ? wanted : wanted.filter((page) => !pages.has(page))
    const runs: Array<[number, number]> = []
    for (const page of missing) {
      const last = runs[runs.length - 1]
      if (last && last[1] === page - 1) last[1] = page
      else runs.push([page, page])
    }
    await Promise.all(runs.map(([first, last]) => fetchPages(first, last, gen)))
  }

  /** Fetches the rows in view again; `resetFocus` for a new view, query or order. */
  const reloadRows = async (resetFocus: boolean): Promise<void> => {
    const gen = ++generation
    rowsQuery = state.query.trim()
    if (resetFocus) set({ focusIndex: -1, selection: EMPTY_SELECTION })
    await loadVisible(gen, true)
    if (gen === generation) picked = null
  }

  const loadSidebar = async (): Promise<void> => {
    const [counts, tags, lists] = await Promise.all([
      api.libraryCounts({}),
      api.listTags({}),
      api.listLists({}),
    ])
    set({ counts, tags, lists })
  }

  const loadDetail = (delay: number): void => {
    clearTimeout(detailTimer)
    const id = focusedId()
    const request = ++detailRequest
    detailLoading = id
    if (id === null) {
      if (state.detail !== null) set({ detail: null })
      return
    }
    detailTimer = setTimeout(() => {
      api
        .getPaper({ id })
        .then((detail) => {
          if (request !== detailRequest) return
          // `t` pressed while this paper's detail was on its way: its tag box takes the keys.
          const tagFocus = tagFocusWaiting ? { tagFocusRequest: state.tagFocusRequest + 1 } : {}
          tagFocusWaiting = false
          set({ detail, ...tagFocus })
        })
        .catch((error: unknown) => {
          if (request === detailRequest) toasts.fail(error)
        })
        .finally(() => {
          if (request === detailRequest) detailLoading = null
        })
    }, delay)
  }

  /**
   * Loads the detail when the focused row is another paper than the one shown, unless that
   * paper's detail is on its way already (rows arriving must not keep postponing it).
   */
  function loadDetailIfMoved(): void {
    const id = focusedId()
    if (id === null) {
      if (state.detail !== null) loadDetail(0)
    } else if (state.detail?.id !== id && detailLoading !== id) loadDetail(60)
  }

  function focus(index: number): void {
    const clamped = state.total === 0 ? -1 : Math.max(0, Math.min(index, state.total - 1))
    const changed = clamped !== state.focusIndex
    set({ focusIndex: clamped })
    // A tag key pressed for the paper left behind is not carried to the next one.
    if (changed) tagFocusWaiting = false
    if (changed) loadDetail(60)
    else loadDetailIfMoved()
  }

  const refresh = async (): Promise<void> => {
    await Promise.all([reloadRows(false), loadSidebar()])
    loadDetail(0)
  }

  /**
   * After a change the core announced: fetches once what it can affect. Rows always (any change
   * may move a paper in or out of the view); counts and tags unless only lists changed; lists
   * only when they did, or papers came or went; the open paper when it was among those changed.
   */
  const refreshStale = async (what: Stale): Promise<void> => {
    await Promise.all([
      what.rows ? reloadRows(false) : undefined,
      what.counts ? api.libraryCounts({}).then((counts) => set({ counts })) : undefined,
      what.tags ? api.listTags({}).then((tags) => set({ tags })) : undefined,
      what.lists ? api.listLists({}).then((lists) => set({ lists })) : undefined,
    ])
    if (what.detail) loadDetail(0)
  }

  const staleAfter = (event: { reason: string; paperIds: ReadonlyArray<PaperId> }): Stale => {
    const focused = state.detail?.id ?? null
    const detail =
      event.paperIds.length === 0 || (focused !== null && event.paperIds.includes(focused))
    switch (event.reason) {
      case 'lists':
        return { rows: true, counts: false, tags: false, lists: true, detail }
      case 'list-order':
        return { rows: true, counts: false, tags: false, lists: false, detail: false }
      case 'edit':
      case 'tags':
      case 'status':
      case 'starred':
      case 'note':
      case 'auto-tag':
        return { rows: true, counts: true, tags: true, lists: false, detail }
      default:
        return { rows: true, counts: true, tags: true, lists: true, detail }
    }
  }

  const recordUndo = (label: string, undo: () => Promise<void>) => {
    set({ undo: pushUndo(state.undo, { label, undo }) })
    toasts.notify({
      kind: 'info',
      message: label,
      action: { label: 'Undo', run: () => void store.undo() },
    })
  }

  const edit = async (
    label: string,
    patch: Omit<PaperPatch, 'ids'>,
    ids: ReadonlyArray<PaperId> = store.targets(),
  ): Promise<void> => {
    if (ids.length === 0) return
    // The rows change before the call returns, so a key pressed again at once (a second `s`)
    // reads the new state, not the old one; a refused edit is undone by the refetch.
    patchLoadedRows(ids, patch)
    // The core's `library.changed` event then drives one refresh of what the edit can affect.
    await run(async () => {
      const result = await api.updatePapers({ ...patch, ids: [...ids] }).catch(async (error) => {
        await refresh()
        throw error
      })
      if (result.undo.length > 0) {
        recordUndo(label, async () => {
          for (const step of result.undo) await api.updatePapers(step)
        })
      }
    })
  }

  /** Shows an edit at once on the rows in memory; the refetch that follows confirms it. */
  const patchLoadedRows = (ids: ReadonlyArray<PaperId>, patch: Omit<PaperPatch, 'ids'>) => {
    const touched = new Set(ids)
    const apply = (row: PaperListRow): PaperListRow => {
      if (!touched.has(row.id)) return row
      let tags = row.tags
      if (patch.addTags) tags = [...new Set([...tags, ...patch.addTags])].sort()
      if (patch.removeTags) {
        const gone = new Set(patch.removeTags.map((tag) => tag.toLowerCase()))
        tags = tags.filter((tag) => !gone.has(tag.toLowerCase()))
      }
      return {
        ...row,
        tags,
        status: patch.status ?? row.status,
        starred: patch.starred ?? row.starred,
      }
    }
    for (const [page, rows] of pages) pages.set(page, rows.map(apply))
    rowsChanged()
  }

  const store: LibraryStore = {
    getState: () => state,
    subscribe: listeners.subscribe,
    start() {
      const unsubscribe = deps.subscribeToEvents((event) => {
        // An import or sync emits a burst of changes; refetch once for the burst, what any of
        // them can affect.
        if (event.type === 'library.changed') {
          const what = staleAfter(event.payload)
          stale = stale === null ? what : mergeStale(stale, what)
          scheduleRefresh(120)
        }
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
      void run(async () => {
        // The rows need no visit; the counts need it first (what is "new" starts with it).
        await Promise.all([api.beginVisit({}).then(loadSidebar), reloadRows(true)])
      })
      return () => {
        clearTimeout(searchTimer)
        clearTimeout(refreshTimer)
        clearTimeout(detailTimer)
        unsubscribe()
      }
    },
    rowAt,
    setViewport(start, end) {
      viewport = [start, end]
      const missing = pagesFor(start, end, state.total).filter((page) => !pages.has(page))
      if (missing.length > 0) void run(() => loadVisible(generation, false))
    },
    setScope(scope) {
      if (sameScope(scope, state.scope)) return
      set({ scope, selection: EMPTY_SELECTION, loaded: false, ...sortsForScope(scope, state) })
      void run(() => reloadRows(true))
    },
    setSort(sort, order = defaultOrder(sort)) {
      if (sort === 'list' && state.scope.kind !== 'list') {
        toasts.notify({
          kind: 'info',
          message: 'List order is the order of one of your lists: open a list.',
        })
        return
      }
      if (state.query.trim() !== '') set({ searchSort: sort, searchOrder: order })
      else if (sort !== 'relevance') set({ sort, order })
      void run(() => reloadRows(true))
    },
    setQuery(query) {
      // Answers to earlier queries still in flight are dropped: only the latest one is painted.
      generation += 1
      set({ query })
      clearTimeout(searchTimer)
      if (deps.debounceMs !== undefined) {
        searchTimer = setTimeout(() => void run(() => reloadRows(true)), deps.debounceMs)
      } else {
        searchLatest()
      }
    },
    focus,
    moveFocus(delta) {
      focus(Math.max(0, state.focusIndex) + (state.focusIndex < 0 ? 0 : delta))
    },
    click(drawnAt, { shift, toggle }, id) {
      const index = id === undefined || rowAt(drawnAt)?.id === id ? drawnAt : indexOfLoaded(id)
      const row = index === null ? undefined : rowAt(index)
      if (!row || index === null) {
        // Drawn from rows being replaced: focus it once the new rows hold it.
        if (id !== undefined && !shift && !toggle) picked = id
        return
      }
      // Rows of an earlier view or query still drawn: the new rows take the focus to this paper.
      picked = pagesGeneration !== generation && !shift && !toggle ? row.id : null
      // A plain click moves the focus and clears a multi-selection; it anchors the next shift-click.
      let selection: Selection = { ids: new Set(), anchor: index }
      if (shift) selection = extendTo(state.selection, index, (i) => rowAt(i)?.id, toggle)
      else if (toggle) selection = toggleRow(state.selection, index, row.id)
      set({ selection })
      focus(index)
    },
    toggleSelectFocused() {
      const row = rowAt(state.focusIndex)
      if (row) set({ selection: toggleRow(state.selection, state.focusIndex, row.id) })
    },
    selectAll: () =>
      run(async () => {
        const ids =
          rowsQuery === '' ? await api.listPaperIds(filterOf(state.scope)) : await searchIds()
        set({ selection: selectIds(state.selection, ids) })
      }),
    clearSelection: () => set({ selection: EMPTY_SELECTION }),
    targets: () => actionTargets(state.selection, focusedId()),
    edit,
    async toggleStar() {
      const ids = store.targets()
      const rows = ids.map((id) => findRow(id))
      const starred = !rows.every((row) => row?.starred === true)
      await edit(
        starred ? starLabel(ids.length) : `Unstarred ${plural(ids.length)}`,
        { starred },
        ids,
      )
    },
    async cycleStatus() {
      const row = rowAt(state.focusIndex)
      if (!row) return
      const next =
        STATUS_CYCLE[(STATUS_CYCLE.indexOf(row.status) + 1) % STATUS_CYCLE.length] ?? 'unread'
      await store.setStatus(next)
    },
    async setStatus(status) {
      const ids = store.targets()
      await edit(`Marked ${plural(ids.length)} as ${status}`, { status }, ids)
    },
    async addTags(tags, ids = store.targets()) {
      if (tags.length === 0) return
      await edit(
        `Tagged ${plural(ids.length)} ${tags.map((tag) => `#${tag}`).join(' ')}`,
        { addTags: [...tags] },
        ids,
      )
    },
    removeTag: (tag, ids) => store.removeTags([tag], ids),
    async removeTags(tags, ids = store.targets()) {
      if (tags.length === 0) return
      const label = `Removed ${tags.map((tag) => `#${tag}`).join(' ')} from ${plural(ids.length)}`
      await edit(label, { removeTags: [...tags] }, ids)
      if (state.undo.at(-1)?.label !== label) return
      await run(async () => {
        // A tag left on no paper should not linger as if in use: offer to delete it.
        const names = new Set(tags.map((tag) => tag.toLowerCase()))
        const unused = (await api.listTags({})).filter(
          (tag) => tag.paperCount === 0 && names.has(tag.name.toLowerCase()),
        )
        if (unused.length === 0) return
        const left = unused.map((tag) => `#${tag.name}`).join(' ')
        toasts.notify({
          kind: 'info',
          message: `${label}. No paper has ${left} now.`,
          action: { label: 'Undo', run: () => void store.undo() },
          secondAction: {
            label: unused.length === 1 ? 'Delete tag' : 'Delete tags',
            run: () => {
              void (async () => {
                for (const tag of unused) await store.deleteTag(tag.id)
              })()
            },
          },
        })
      })
    },
    setNote: (id, note) =>
      run(async () => {
        await api.setNote({ id, note: note.trim() === '' ? null : note })
      }),
    removeRows(ids) {
      const gone = new Set(ids)
      const loaded = [...pages.keys()].sort((a, b) => a - b)
      const first = loaded[0]
      if (first === undefined) return
      // The loaded pages from the first up to any gap, without the papers that left, cut again
      // into pages.
      const flat: PaperListRow[] = []
      let removed = 0
      for (let page = first; pages.has(page); page += 1) {
        for (const row of pages.get(page) ?? []) {
          if (gone.has(row.id)) removed += 1
          else flat.push(row)
        }
      }
      if (removed === 0) return
      const total = Math.max(0, state.total - removed)
      const kept = new Map<number, ReadonlyArray<PaperListRow>>()
      for (let start = 0; start < flat.length; start += PAGE_SIZE) {
        kept.set(first + start / PAGE_SIZE, flat.slice(start, start + PAGE_SIZE))
      }
      pages = kept
      // answers fetched before the papers left would bring them back: they are dropped
      generation += 1
      pagesGeneration = generation
      const selection = [...state.selection.ids].some((id) => gone.has(id))
        ? EMPTY_SELECTION
        : state.selection
      rowsChanged({ total, selection })
      focus(Math.min(state.focusIndex, total - 1))
      // The last page kept is short now, and pages after a gap are gone: the rows are read again
      // once the write that moved the papers is done (`writing`), never before it lands.
      const rows: Stale = { rows: true, counts: false, tags: false, lists: false, detail: false }
      stale = stale === null ? rows : mergeStale(stale, rows)
    },
    async writing(work) {
      writes += 1
      try {
        return await work()
      } finally {
        writes -= 1
        if (writes === 0 && stale !== null) scheduleRefresh(0)
      }
    },
    recordUndo,
    undo: () =>
      run(async () => {
        const { entry, rest } = popUndo(state.undo)
        if (!entry) {
          toasts.notify({ kind: 'info', message: 'Nothing to undo.' })
          return
        }
        set({ undo: rest })
        await entry.undo()
        toasts.notify({ kind: 'info', message: `Undone: ${entry.label}` })
      }),
    requestTagFocus: () => {
      const id = focusedId()
      if (id === null || state.detail?.id === id) {
        set({ tagFocusRequest: state.tagFocusRequest + 1 })
        return
      }
      // The pane still shows the paper focused before: tag the focused one once it is shown.
      tagFocusWaiting = true
      loadDetail(0)
    },
    createTag: (name) =>
      run(async () => {
        await api.createTag({ name })
      }),
    renameTag: (id, name) =>
      run(async () => {
        const before = state.tags.find((tag) => tag.id === id)
        await api.renameTag({ id, name })
        if (state.scope.kind === 'tag' && before && state.scope.tag === before.name) {
          set({ scope: { kind: 'tag', tag: name } })
        }
        if (before) {
          recordUndo(`Renamed #${before.name} to #${name}`, async () => {
            await api.renameTag({ id, name: before.name })
          })
        }
      }),
    recolorTag: (id, color) =>
      run(async () => {
        await api.setTagColor({ id, color })
      }),
    mergeTags: (ids, into) =>
      run(async () => {
        const target = state.tags.find((tag) => tag.id === into)
        const merged = new Set(
          state.tags.filter((tag) => ids.includes(tag.id) && tag.id !== into).map((t) => t.name),
        )
        await api.mergeTags({ ids: [...ids], into })
        toasts.notify({ kind: 'info', message: `Merged into #${target?.name ?? into}` })
        const { scope } = state
        if (scope.kind === 'tag' && merged.has(scope.tag)) {
          store.setScope({ kind: 'view', view: 'all' })
        }
      }),
    deleteTag: (id) =>
      run(async () => {
        const deleted = await api.deleteTag({ id })
        if (state.scope.kind === 'tag' && state.scope.tag === deleted.name) {
          store.setScope({ kind: 'view', view: 'all' })
        }
        recordUndo(`Deleted #${deleted.name}`, async () => {
          await api.createTag({ name: deleted.name, color: deleted.color })
          if (deleted.paperIds.length > 0) {
            await api.updatePapers({ ids: [...deleted.paperIds], addTags: [deleted.name] })
          }
        })
      }),
    createList: (name) =>
      run(async () => {
        await api.createList({ name })
      }),
    deleteList: (id) =>
      run(async () => {
        await api.deleteList({ id })
        if (state.scope.kind === 'list' && state.scope.listId === id) {
          store.setScope({ kind: 'view', view: 'all' })
        }
      }),
    addToList: (listId) =>
      run(async () => {
        const ids = store.targets()
        if (ids.length === 0) return
        const list = state.lists.find((entry) => entry.id === listId)
        await api.addToList({ listId, ids })
        recordUndo(`Added ${plural(ids.length)} to ${list?.name ?? 'the list'}`, async () => {
          await api.removeFromList({ listId, ids })
        })
      }),
    canMoveInList,
    async moveInList(paper, target, side) {
      const { scope } = state
      if (scope.kind !== 'list' || paper === target) return
      if (!canMoveInList()) {
        toasts.notify({ kind: 'info', message: 'Sort by List order to move papers in the list.' })
        return
      }
      const order = state.query.trim() === '' ? state.order : state.searchOrder
      const row = findRow(paper)
      const title = row ? displayTitle(row) : `#${paper}`
      reorderLoaded(paper, target, side)
      // Moves reach the core one after another, in the order made: each names its neighbour as
      // the rows showed it then, and the undo stack keeps their order.
      const previous = movesInFlight
      const move = run(() =>
        store.writing(async () => {
          await previous
          const moved = await api
            .moveInList({ listId: scope.listId, paperId: paper, ...placeOf(target, side, order) })
            .catch(async (error) => {
              await refresh()
              throw error
            })
          if (moved.from === moved.to) return
          recordUndo(`Moved “${title}” to place ${moved.to} of ${scope.name}`, async () => {
            await api.moveInList(moved.undo)
          })
        }),
      )
      movesInFlight = move
      await move
    },
    async moveFocusedInList(delta) {
      const row = rowAt(state.focusIndex)
      const neighbour = rowAt(state.focusIndex + delta)
      if (!row || !neighbour) return
      await store.moveInList(row.id, neighbour.id, delta < 0 ? 'above' : 'below')
    },
    async importText(text, sourceName, tags) {
      const report = await api.importText({ text, sourceName, tags: [...tags] })
      toasts.notify({
        kind: 'info',
        message: `Imported ${sourceName}: ${report.added} added, ${report.updated} updated.`,
      })
      return report
    },
    refresh: () => run(refresh),
  }

  /** True when a list is shown in its own order (browsing, or a search sorted that way). */
  function canMoveInList(): boolean {
    const sort = state.query.trim() === '' ? state.sort : state.searchSort
    return state.scope.kind === 'list' && sort === 'list'
  }

  /**
   * Shows a move at once on the rows in memory (the loaded pages from the first up to any gap):
   * the paper keeps the focus at its new place, and answers fetched before the move are dropped.
   */
  function reorderLoaded(paper: PaperId, target: PaperId, side: DropSide): void {
    const loaded = [...pages.keys()].sort((a, b) => a - b)
    const first = loaded[0]
    if (first === undefined) return
    const flat: PaperListRow[] = []
    for (let page = first; pages.has(page); page += 1) flat.push(...(pages.get(page) ?? []))
    const moved = reorderRows(flat, paper, target, side)
    if (!moved) return
    const focusedPaper = focusedId()
    const kept = new Map<number, ReadonlyArray<PaperListRow>>()
    for (let start = 0; start < moved.rows.length; start += PAGE_SIZE) {
      kept.set(first + start / PAGE_SIZE, moved.rows.slice(start, start + PAGE_SIZE))
    }
    pages = kept
    generation += 1
    pagesGeneration = generation
    const focusIndex =
      focusedPaper === paper
        ? first * PAGE_SIZE + moved.index
        : (indexOfLoaded(focusedPaper ?? paper) ?? state.focusIndex)
    rowsChanged({ focusIndex, selection: { ...state.selection, anchor: focusIndex } })
    const rows: Stale = { rows: true, counts: false, tags: false, lists: false, detail: false }
    stale = stale === null ? rows : mergeStale(stale, rows)
  }

  /** Searches for the query typed now, or after the search on its way (see `setQuery`). */
  function searchLatest(): void {
    if (searchInFlight) {
      searchAgain = true
      return
    }
    searchInFlight = true
    void run(() => reloadRows(true)).finally(() => {
      searchInFlight = false
      if (searchAgain) {
        searchAgain = false
        searchLatest()
      }
    })
  }

  /** Refreshes what the announced changes made stale, once, after `delay` and no write in flight. */
  function scheduleRefresh(delay: number): void {
    clearTimeout(refreshTimer)
    refreshTimer = setTimeout(() => {
      if (writes > 0) return
      const due = stale
      stale = null
      if (due) void run(() => refreshStale(due))
    }, delay)
  }

  /** Where a loaded paper is now, or null when it is not among the loaded rows. */
  function indexOfLoaded(id: PaperId): number | null {
    for (const [page, rows] of pages) {
      const at = rows.findIndex((row) => row.id === id)
      if (at >= 0) return page * PAGE_SIZE + at
    }
    return null
  }

  /** Every match of the current search, a large window at a time. */
  async function searchIds(): Promise<PaperId[]> {
    const ids: PaperId[] = []
    for (let offset = 0; ; offset += MAX_ROW_WINDOW) {
      const page = await fetchWindow(offset, MAX_ROW_WINDOW)
      ids.push(...page.rows.map((row) => row.id))
      if (page.rows.length < MAX_ROW_WINDOW || ids.length >= page.total) return ids
    }
  }

  function findRow(id: PaperId): PaperListRow | undefined {
    for (const rows of pages.values()) {
      const row = rows.find((entry) => entry.id === id)
      if (row) return row
    }
    return undefined
  }

  return store
}

function mergeStale(a: Stale, b: Stale): Stale {
  return {
    rows: a.rows || b.rows,
    counts: a.counts || b.counts,
    tags: a.tags || b.tags,
    lists: a.lists || b.lists,
    detail: a.detail || b.detail,
  }
}

/** "1 paper", "3 papers". */
export function plural(count: number): string {
  return count === 1 ? '1 paper' : `${count} papers`
}

function starLabel(count: number): string {
  return `Starred ${plural(count)}`
}
