import type { PaperId } from '@shared/model/ids'
import { PAGE_SIZE, pagesToEvict } from '../row-window'
import type { PaperListRow } from './library-state'

/**
 * The rows of the view in memory, by page. They live outside the state: the list reads them by
 * index as it renders. Browsing and searching fill the same pages (a search is a view the server
 * windows like any other). Every fetch belongs to a generation; a new view, query or change in
 * memory starts the next one, and answers of an older one are dropped when they arrive.
 */
export type LoadedRows = {
  /** The row at a list index, when loaded. */
  at: (index: number) => PaperListRow | undefined
  /** Where a loaded paper is now, or null when it is not among the loaded rows. */
  indexOf: (id: PaperId) => number | null
  find: (id: PaperId) => PaperListRow | undefined
  hasPage: (page: number) => boolean
  /** The generation answers must belong to. */
  generation: () => number
  /** Starts the next generation (answers on their way are dropped); returns it. */
  nextGeneration: () => number
  /** Whether the rows held answer the latest generation (older ones stay until newer arrive). */
  current: () => boolean
  /**
   * Keeps the pages `first..last` of an answer of generation `gen`, dropping the pages farthest
   * from `inView`; false when a newer generation began meanwhile (nothing is kept).
   */
  put: (
    gen: number,
    first: number,
    last: number,
    rows: ReadonlyArray<PaperListRow>,
    inView: ReadonlyArray<number>,
  ) => boolean
  /** Replaces each loaded row by `apply`'s answer. */
  map: (apply: (row: PaperListRow) => PaperListRow) => void
  /**
   * Rewrites the loaded rows from the first page up to any gap, as one run, and cuts the answer
   * into pages again; answers fetched before are dropped (they would undo the rewrite). Returns
   * the list index of the first row rewritten, or null when none is loaded or `edit` changed nothing (answered null).
   */
  rewrite: (edit: (rows: PaperListRow[]) => PaperListRow[] | null) => number | null
}

/** Creates an empty set of pages at generation 0. */
export function createLoadedRows(): LoadedRows {
  let pages = new Map<number, ReadonlyArray<PaperListRow>>()
  /** The generation whose answers the pages hold. */
  let pagesGeneration = 0
  let generation = 0

  return {
    at: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    indexOf(id) {
      for (const [page, rows] of pages) {
        const at = rows.findIndex((row) => row.id === id)
        if (at >= 0) return page * PAGE_SIZE + at
      }
      return null
    },
    find(id) {
      for (const rows of pages.values()) {
        const row = rows.find((entry) => entry.id === id)
        if (row) return row
      }
      return undefined
    },
    hasPage: (page) => pages.has(page),
    generation: () => generation,
    nextGeneration: () => ++generation,
    current: () => pagesGeneration === generation,
    put(gen, first, last, rows, inView) {
      if (gen !== generation) return false
      if (pagesGeneration !== gen) {
        pages = new Map()
        pagesGeneration = gen
      }
      for (let page = first; page <= last; page += 1) {
        const start = (page - first) * PAGE_SIZE
        const slice = rows.slice(start, start + PAGE_SIZE)
        if (slice.length > 0 || page === first) pages.set(page, slice)
      }
      for (const evicted of pagesToEvict(pages.keys(), inView)) pages.delete(evicted)
      return true
    },
    map(apply) {
      for (const [page, rows] of pages) pages.set(page, rows.map(apply))
    },
    rewrite(edit) {
      const first = [...pages.keys()].sort((a, b) => a - b)[0]
      if (first === undefined) return null
      const flat: PaperListRow[] = []
      for (let page = first; pages.has(page); page += 1) flat.push(...(pages.get(page) ?? []))
      const rewritten = edit(flat)
      if (rewritten === null) return null
      const kept = new Map<number, ReadonlyArray<PaperListRow>>()
      for (let start = 0; start < rewritten.length; start += PAGE_SIZE) {
        kept.set(first + start / PAGE_SIZE, rewritten.slice(start, start + PAGE_SIZE))
      }
      pages = kept
      generation += 1
      pagesGeneration = generation
      return first * PAGE_SIZE
    },
  }
}
