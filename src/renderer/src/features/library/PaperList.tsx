import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import type { PaperId } from '@shared/model/ids'
import { displayTitle } from '@shared/model/paper'
import { shallowEqual, useStoreSlice } from '../../hooks/use-store'
import type { LibraryState, LibraryStore, PaperListRow } from './library-store'
import { canMoveInList, type DropSide } from './list-moves'
import { bylineOf } from './paper-format'
import { PaperRow } from './PaperRow'

/** Height of one row; fixed, so 100k rows need no measuring. */
export const ROW_HEIGHT = 62
/** Extra height of a search hit that shows the passage it matched. */
export const SNIPPET_HEIGHT = 20

/** The drag type a row carries while it is dragged to a new place in its list. */
const ROW_DRAG_TYPE = 'application/x-papershelf-paper'

/** Above or below the middle of the row under the pointer. */
const sideOf = (event: DragEvent<HTMLElement>): DropSide => {
  const box = event.currentTarget.getBoundingClientRect()
  return event.clientY < box.top + box.height / 2 ? 'above' : 'below'
}

/**
 * The papers of the view, virtualized: only the rows on screen are in the DOM, fetched by window.
 * In a list shown in its own order, a row is dragged to a new place.
 */
export function PaperList({
  store,
  onOpen,
  canOpenSnippet,
}: {
  store: LibraryStore
  onOpen: () => void
  /** Whether a row's snippet opens something (a PDF passage, when the reader is built in). */
  canOpenSnippet?: (row: PaperListRow) => boolean
}) {
  // Not the detail, counts or the search box's text: a paper opening re-renders the pane alone.
  const state = useStoreSlice(store, listState, shallowEqual)
  const { reorderable } = state
  const [drop, setDrop] = useState<{ id: number; side: DropSide } | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const tagColors = useMemo(
    () => new Map(state.tags.map((tag) => [tag.name, tag.color])),
    [state.tags],
  )
  // The React Compiler skips this component (TanStack Virtual returns fresh functions); the
  // virtualizer re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: state.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) =>
      store.rowAt(index)?.snippet ? ROW_HEIGHT + SNIPPET_HEIGHT : ROW_HEIGHT,
    overscan: 10,
  })
  // Search hits with a snippet are taller: sizes are estimated anew when hits arrive or leave
  // (browsing rows are all one height, so scrolling a large view never re-measures).
  const hitsVersion = state.shownQuery === '' ? -1 : state.rowsVersion
  useEffect(() => virtualizer.measure(), [state.shownQuery, hitsVersion, virtualizer])
  // One callback for every row, so a row re-renders only when its paper changes.
  const onOpenRef = useRef(onOpen)
  useEffect(() => {
    onOpenRef.current = onOpen
  })
  const openSnippet = useCallback(
    (index: number, id: PaperId) => {
      store.click(index, { shift: false, toggle: false }, id)
      onOpenRef.current()
    },
    [store],
  )
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => store.setViewport(first, last), [store, first, last, state.total])
  useEffect(() => {
    if (state.focusIndex >= 0) virtualizer.scrollToIndex(state.focusIndex, { align: 'auto' })
  }, [state.focusIndex, virtualizer])
  // A row holding the keyboard focus hands it on to the focused paper's row (rows are reused by
  // place: after a move in a list the paper is drawn in another row).
  const focusedPaper = store.rowAt(state.focusIndex)?.id
  useEffect(() => {
    const active = document.activeElement
    const list = scrollRef.current
    if (focusedPaper === undefined || !list || !(active instanceof HTMLElement)) return
    if (!active.classList.contains('paper-list__item') || !list.contains(active)) return
    if (active.dataset.paperId === String(focusedPaper)) return
    list
      .querySelector<HTMLElement>(`[data-paper-id="${focusedPaper}"]`)
      ?.focus({ preventScroll: true })
  }, [focusedPaper, state.rowsVersion])

  return (
    <div
      ref={scrollRef}
      className="paper-list"
      role="listbox"
      aria-label="Papers"
      aria-multiselectable="true"
      tabIndex={-1}
      data-rows-version={state.rowsVersion}
    >
      <div className="paper-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = store.rowAt(item.index)
          const focused = item.index === state.focusIndex
          const style = { transform: `translateY(${item.start}px)`, height: item.size }
          if (!row) {
            return (
              <div
                key={item.key}
                className="paper-list__item paper-list__item--loading"
                style={style}
              >
                <div className="skeleton" />
              </div>
            )
          }
          const selected = state.selection.ids.has(row.id)
          const byline = bylineOf(row, row.matchedAuthor ?? null)
          return (
            <div
              key={item.key}
              role="option"
              aria-selected={selected || (state.selection.ids.size === 0 && focused)}
              aria-label={byline ? `${displayTitle(row)} — ${byline}` : displayTitle(row)}
              data-paper-id={row.id}
              tabIndex={-1}
              className={[
                'paper-list__item',
                focused ? 'is-focused' : '',
                selected ? 'is-selected' : '',
                row.status === 'unread' ? 'is-unread' : '',
                drop?.id === row.id ? `is-drop-${drop.side}` : '',
              ].join(' ')}
              style={style}
              onMouseDown={(event) => {
                if (event.shiftKey) event.preventDefault()
              }}
              onClick={(event) =>
                store.click(
                  item.index,
                  { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey },
                  row.id,
                )
              }
              onDoubleClick={onOpen}
              draggable={reorderable}
              onDragStart={(event) => {
                if (!reorderable) return
                event.dataTransfer.setData(ROW_DRAG_TYPE, String(row.id))
                event.dataTransfer.effectAllowed = 'move'
              }}
              onDragOver={(event) => {
                if (!reorderable || !event.dataTransfer.types.includes(ROW_DRAG_TYPE)) return
                event.preventDefault()
                event.dataTransfer.dropEffect = 'move'
                const side = sideOf(event)
                if (drop?.id !== row.id || drop.side !== side) setDrop({ id: row.id, side })
              }}
              onDragLeave={() => setDrop((now) => (now?.id === row.id ? null : now))}
              onDragEnd={() => setDrop(null)}
              onDrop={(event) => {
                const dragged = Number(event.dataTransfer.getData(ROW_DRAG_TYPE))
                setDrop(null)
                if (!reorderable || !Number.isInteger(dragged) || dragged <= 0) return
                event.preventDefault()
                void store.moveInList(dragged as PaperId, row.id, sideOf(event))
              }}
            >
              <PaperRow
                row={row}
                index={item.index}
                tagColors={tagColors}
                onOpenSnippet={canOpenSnippet?.(row) ? openSnippet : undefined}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** What the list draws besides the rows themselves (those it reads by index, per `rowsVersion`). */
function listState(state: LibraryState) {
  return {
    total: state.total,
    focusIndex: state.focusIndex,
    selection: state.selection,
    rowsVersion: state.rowsVersion,
    shownQuery: state.shownQuery,
    tags: state.tags,
    reorderable: canMoveInList(state),
  }
}
