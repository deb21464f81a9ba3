import { MAX_ROW_WINDOW } from '@shared/api/library-ui'
import type { SearchCorrection } from '@shared/api/search-api'
import type { PaperId } from '@shared/model/ids'
import type { QueryWarning } from '@shared/search/query-syntax'
import type { LibraryStore } from '../library-store'
import { sortsForScope } from '../list-moves'
import { PAGE_SIZE, pagesFor } from '../row-window'
import { filterOf, sameScope } from '../scope'
import { EMPTY_SELECTION } from '../selection'
import { defaultOrder } from '../sort-options'
import type { Focus } from './focus'
import type { LibraryState, PaperListRow } from './library-state'
import type { LoadedRows } from './loaded-rows'
import type { StoreContext } from './store-context'

/** The part of the view the list shows, fetched page by page from the server as it scrolls. */
export type ListWindow = Pick<LibraryStore, 'setViewport' | 'setScope' | 'setSort'> & {
  /** Fetches the rows in view again; `resetFocus` for a new view, query or order. */
  reloadRows: (resetFocus: boolean) => Promise<void>
  /** Every paper of the view the rows show, or every match of the search they answer. */
  allIds: () => Promise<ReadonlyArray<PaperId>>
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

/** Creates the list window; the focus is kept on the rows as they arrive. */
export function createListWindow(
  ctx: StoreContext,
  rows: LoadedRows,
  focus: Pick<Focus, 'afterRows' | 'forgetPicked'>,
): ListWindow {
  const { api, toasts } = ctx
  /** The query the rows being fetched answer ('' when browsing). */
  let rowsQuery = ''
  let viewport: [number, number] = [0, 40]
  const inFlight = new Set<string>()

  /** One window of the current view (or of its search), from the server. */
  const fetchWindow = async (offset: number, limit: number): Promise<RowWindow> => {
    const state = ctx.get()
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
      const inView = pagesFor(viewport[0], viewport[1], result.total)
      if (!rows.put(gen, first, last, result.rows, inView)) return
      const searched: Partial<LibraryState> = result.search
        ? {
            shownQuery: rowsQuery,
            searchWarnings: result.search.warnings,
            searchCorrections: result.search.corrections,
          }
        : ctx.get().shownQuery === ''
          ? {}
          : { shownQuery: '', searchWarnings: [], searchCorrections: [] }
      ctx.rowsChanged({ ...searched, total: result.total, loaded: true })
      focus.afterRows(result.total)
    } finally {
      inFlight.delete(key)
    }
  }

  /** Fetches the pages in view: all of them when `fresh`, else the missing ones (one call per run). */
  const loadVisible = async (gen: number, fresh: boolean): Promise<void> => {
    const { total: shown } = ctx.get()
    const total = fresh ? Math.max(shown, viewport[1] + 1) : shown
    const wanted = pagesFor(viewport[0], viewport[1], Math.max(total, 1))
    const missing = fresh ? wanted : wanted.filter((page) => !rows.hasPage(page))
    const runs: Array<[number, number]> = []
    for (const page of missing) {
      const last = runs[runs.length - 1]
      if (last && last[1] === page - 1) last[1] = page
      else runs.push([page, page])
    }
    await Promise.all(runs.map(([first, last]) => fetchPages(first, last, gen)))
  }

  const reloadRows = async (resetFocus: boolean): Promise<void> => {
    const gen = rows.nextGeneration()
    rowsQuery = ctx.get().query.trim()
    if (resetFocus) ctx.set({ focusIndex: -1, selection: EMPTY_SELECTION })
    await loadVisible(gen, true)
    if (gen === rows.generation()) focus.forgetPicked()
  }

  /** Every match of the current search, a large window at a time. */
  const searchIds = async (): Promise<PaperId[]> => {
    const ids: PaperId[] = []
    for (let offset = 0; ; offset += MAX_ROW_WINDOW) {
      const page = await fetchWindow(offset, MAX_ROW_WINDOW)
      ids.push(...page.rows.map((row) => row.id))
      if (page.rows.length < MAX_ROW_WINDOW || ids.length >= page.total) return ids
    }
  }

  return {
    setViewport(start, end) {
      viewport = [start, end]
      const missing = pagesFor(start, end, ctx.get().total).filter((page) => !rows.hasPage(page))
      if (missing.length > 0) void ctx.run(() => loadVisible(rows.generation(), false))
    },
    setScope(scope) {
      const state = ctx.get()
      if (sameScope(scope, state.scope)) return
      ctx.set({ scope, selection: EMPTY_SELECTION, loaded: false, ...sortsForScope(scope, state) })
      void ctx.run(() => reloadRows(true))
    },
    setSort(sort, order = defaultOrder(sort)) {
      if (sort === 'list' && ctx.get().scope.kind !== 'list') {
        toasts.notify({
          kind: 'info',
          message: 'List order is the order of one of your lists: open a list.',
        })
        return
      }
      if (ctx.get().query.trim() !== '') ctx.set({ searchSort: sort, searchOrder: order })
      else if (sort !== 'relevance') ctx.set({ sort, order })
      void ctx.run(() => reloadRows(true))
    },
    reloadRows,
    allIds: () => (rowsQuery === '' ? api.listPaperIds(filterOf(ctx.get().scope)) : searchIds()),
  }
}
