import type { AppEvents } from '@shared/api/events'
import type { LibraryStore } from '../library-store'
import type { ListWindow } from './list-window'
import type { PaperDetailLoader } from './paper-detail'
import type { StoreContext } from './store-context'

/** What a change can make stale on this screen. */
type Stale = { rows: boolean; counts: boolean; tags: boolean; lists: boolean; detail: boolean }

type LibraryChanged = AppEvents['library.changed']

/** A change that can only have moved papers in or out of the rows, or within them. */
const ROWS_ONLY: Stale = { rows: true, counts: false, tags: false, lists: false, detail: false }

/**
 * Keeps the screen in step with the core. An edit does not refresh by itself: the core's
 * `library.changed` event drives one refresh, batched over a burst, of what the change can affect.
 */
export type Refresher = {
  /** Refetches rows, counts, tags, lists and the open paper (failures reject). */
  refresh: () => Promise<void>
  /** Reads the sidebar's counts, tags and lists. */
  loadSidebar: () => Promise<void>
  /** A change the core announced: what it can affect is refreshed once for the whole burst. */
  changed: (event: LibraryChanged) => void
  /**
   * The rows in memory were changed ahead of a write (papers left or moved): they are read again
   * once the write is done (`writing`), never before it lands.
   */
  rowsChangedInMemory: () => void
  writing: LibraryStore['writing']
  stop: () => void
}

/** Creates the refresher over the list window and the detail pane. */
export function createRefresher(
  ctx: StoreContext,
  listWindow: Pick<ListWindow, 'reloadRows'>,
  detail: Pick<PaperDetailLoader, 'load'>,
): Refresher {
  const { api } = ctx
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  let stale: Stale | null = null
  /** Writes in flight whose rows changed in memory first (see `writing`). */
  let writes = 0

  const markStale = (what: Stale): void => {
    stale = stale === null ? what : mergeStale(stale, what)
  }

  const loadSidebar = async (): Promise<void> => {
    const [counts, tags, lists] = await Promise.all([
      api.libraryCounts({}),
      api.listTags({}),
      api.listLists({}),
    ])
    ctx.set({ counts, tags, lists })
  }

  const refresh = async (): Promise<void> => {
    await Promise.all([listWindow.reloadRows(false), loadSidebar()])
    detail.load(0)
  }

  /**
   * Fetches once what the announced changes can affect. Rows always (any change may move a paper
   * in or out of the view); counts and tags unless only lists changed; lists only when they did,
   * or papers came or went; the open paper when it was among those changed.
   */
  const refreshStale = async (what: Stale): Promise<void> => {
    await Promise.all([
      what.rows ? listWindow.reloadRows(false) : undefined,
      what.counts ? api.libraryCounts({}).then((counts) => ctx.set({ counts })) : undefined,
      what.tags ? api.listTags({}).then((tags) => ctx.set({ tags })) : undefined,
      what.lists ? api.listLists({}).then((lists) => ctx.set({ lists })) : undefined,
    ])
    if (what.detail) detail.load(0)
  }

  /** Refreshes what is stale, once, after `delay` and with no write in flight. */
  const scheduleRefresh = (delay: number): void => {
    clearTimeout(refreshTimer)
    refreshTimer = setTimeout(() => {
      if (writes > 0) return
      const due = stale
      stale = null
      if (due) void ctx.run(() => refreshStale(due))
    }, delay)
  }

  const staleAfter = (event: LibraryChanged): Stale => {
    const focused = ctx.get().detail?.id ?? null
    const detail =
      event.paperIds.length === 0 || (focused !== null && event.paperIds.includes(focused))
    switch (event.reason) {
      case 'lists':
        return { rows: true, counts: false, tags: false, lists: true, detail }
      case 'list-order':
        return ROWS_ONLY
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

  return {
    refresh,
    loadSidebar,
    changed(event) {
      // An import or sync emits a burst of changes; refetch once for the burst, what any of them
      // can affect.
      markStale(staleAfter(event))
      scheduleRefresh(120)
    },
    rowsChangedInMemory: () => markStale(ROWS_ONLY),
    async writing(work) {
      writes += 1
      try {
        return await work()
      } finally {
        writes -= 1
        if (writes === 0 && stale !== null) scheduleRefresh(0)
      }
    },
    stop: () => clearTimeout(refreshTimer),
  }
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
