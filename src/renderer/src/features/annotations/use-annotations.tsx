import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { PaperId } from '@shared/model/ids'
import { api, subscribeToEvents } from '../../api'
import { useStore } from '../../hooks/use-store'
import { AnnotationsPanel } from './AnnotationsPanel'
import { AnnotationTools } from './AnnotationTools'
import { createAnnotationsStore } from './annotations-store'
import { annotationKey, nextAnnotation } from './annotation-keys'
import {
  attachOverlays,
  scrollToAnnotation,
  selectionHighlight,
  type PenMode,
  type ViewerHandle,
} from './page-overlays'
import { selectionContext } from './page-geometry'
import { SelectionPopup } from './SelectionPopup'
import './annotations.css'

const PANEL_KEY = 'papershelf.reader.annotations-panel'

/** What the reader places around its viewer for annotations. */
export type AnnotationsUi = {
  /** Give the viewer this: it reports the open document (null when closed). */
  onDocument: (handle: ViewerHandle | null) => void
  /** Toolbar buttons: Highlight, colour, Note, Area, the panel toggle. */
  tools: ReactNode
  /** The Annotations panel (null when hidden) and the selection popup. */
  panel: ReactNode
}

/** Highlights, notes and areas for one paper's reader. */
export function useAnnotations(paperId: PaperId, openAt?: number): AnnotationsUi {
  const store = useMemo(
    () => createAnnotationsStore({ api, subscribeToEvents, paperId }),
    [paperId],
  )
  useEffect(() => store.start(), [store])
  const state = useStore(store)
  const [handle, setHandle] = useState<ViewerHandle | null>(null)
  const [mode, setMode] = useState<PenMode>('text')
  const [panelOpen, setPanelOpen] = useState(
    () => openAt !== undefined || localStorage.getItem(PANEL_KEY) !== '0',
  )
  const [popup, setPopup] = useState<{ x: number; y: number } | null>(null)
  const [editRequest, setEditRequest] = useState(0)
  const live = useRef({ state, mode })
  useEffect(() => {
    live.current = { state, mode }
  })
  useEffect(() => localStorage.setItem(PANEL_KEY, panelOpen ? '1' : '0'), [panelOpen])

  const overlays = useRef<ReturnType<typeof attachOverlays> | null>(null)
  useEffect(() => {
    if (!handle) return
    const attached = attachOverlays(handle, {
      annotations: () => live.current.state.annotations,
      shown: () => live.current.state.shown,
      activeId: () => live.current.state.activeId,
      mode: () => live.current.mode,
      onPick: (id) => {
        store.setActive(id)
        setPanelOpen(true)
      },
      onMeasured: (id, rects) => void store.update(id, { rects }),
      onPlaceNote: (page, rect) => {
        setMode('text')
        void store
          .add({ kind: 'note', page, rects: [rect] })
          .then(() => setEditRequest((n) => n + 1))
      },
      onArea: (page, rect, png) => {
        setMode('text')
        void store.add({ kind: 'area', page, rects: [rect], ...(png ? { image: png } : {}) })
      },
    })
    overlays.current = attached
    attached.redraw()
    return () => {
      attached.detach()
      overlays.current = null
    }
  }, [handle, store])
  useEffect(() => overlays.current?.redraw(), [state.annotations, state.shown, state.activeId])

  // A search hit names an annotation: show it once the document and the list are there.
  const opened = useRef(false)
  useEffect(() => {
    if (opened.current || !handle || !state.loaded || openAt === undefined) return
    const target = state.annotations.find((a) => a.id === openAt)
    if (!target) return
    opened.current = true
    store.setActive(target.id)
    handle.eventBus.on('pagesinit', () => scrollToAnnotation(handle, target), { once: true })
    if (handle.viewer.pagesCount > 0) scrollToAnnotation(handle, target)
  }, [handle, state.loaded, state.annotations, openAt, store])

  // The popup follows the selection in the pages.
  useEffect(() => {
    if (!handle) return
    const container = handle.viewer.container
    const onUp = () =>
      requestAnimationFrame(() => {
        if (live.current.mode !== 'text') return
        const found = selectionHighlight(handle)
        const last = found ? [...found.range.getClientRects()].at(-1) : undefined
        setPopup(last ? { x: last.right, y: last.bottom } : null)
      })
    const onSelection = () => {
      if (document.getSelection()?.isCollapsed) setPopup(null)
    }
    const onScroll = () => setPopup(null)
    container.addEventListener('pointerup', onUp)
    container.addEventListener('keyup', onUp)
    container.addEventListener('scroll', onScroll)
    document.addEventListener('selectionchange', onSelection)
    return () => {
      container.removeEventListener('pointerup', onUp)
      container.removeEventListener('keyup', onUp)
      container.removeEventListener('scroll', onScroll)
      document.removeEventListener('selectionchange', onSelection)
    }
  }, [handle])

  const highlight = useCallback(
    async (thenComment: boolean) => {
      if (!handle) return
      const found = selectionHighlight(handle)
      if (!found) {
        store.setError('Select text in the page first, then highlight it.')
        return
      }
      const textLayer = (found.range.startContainer.parentElement ?? null)?.closest<HTMLElement>(
        '.textLayer',
      )
      const context = textLayer
        ? selectionContext(textLayer, found.range)
        : { prefix: '', suffix: '' }
      setPopup(null)
      const made = await store.add({
        kind: 'highlight',
        page: found.page,
        rects: found.rects,
        quote: found.quote,
        ...context,
      })
      if (!made) return
      document.getSelection()?.removeAllRanges()
      setPanelOpen(true)
      if (thenComment) setEditRequest((n) => n + 1)
      else handle.viewer.container.focus()
    },
    [handle, store],
  )

  const jump = useCallback(
    (direction: 1 | -1) => {
      if (!handle) return
      const { annotations, activeId, shown } = live.current.state
      const target = nextAnnotation(
        annotations.filter((a) => shown.has(a.color) && a.anchor !== 'unanchored'),
        activeId,
        handle.viewer.currentPageNumber,
        direction,
      )
      if (!target) return
      store.setActive(target.id)
      scrollToAnnotation(handle, target)
    },
    [handle, store],
  )

  // Keys anywhere in the viewer: H highlights the selection, ] and [ go to the next and previous
  // annotation. Taken before the library's own shortcuts see them.
  useEffect(() => {
    const viewerElement = handle?.viewer.container.closest<HTMLElement>('.pdf-viewer')
    if (!viewerElement) return
    const onKeyDown = (event: KeyboardEvent) => {
      const action = annotationKey(event)
      if (!action) return
      event.preventDefault()
      event.stopPropagation()
      if (action === 'highlight') void highlight(false)
      else jump(action === 'next-annotation' ? 1 : -1)
    }
    viewerElement.addEventListener('keydown', onKeyDown)
    return () => viewerElement.removeEventListener('keydown', onKeyDown)
  }, [handle, highlight, jump])

  const tools = handle ? (
    <AnnotationTools
      pen={state.pen}
      colors={state.colors}
      mode={mode}
      panelOpen={panelOpen}
      onHighlight={() => void highlight(false)}
      onPen={(color) => store.setPen(color)}
      onMode={(next) => setMode(next === mode ? 'text' : next)}
      onNoteHere={() => {
        void store
          .add({ kind: 'note', page: handle.viewer.currentPageNumber, rects: [[36, 756, 36, 756]] })
          .then(() => setEditRequest((n) => n + 1))
      }}
      onTogglePanel={() => setPanelOpen(!panelOpen)}
    />
  ) : null

  const panel = (
    <>
      {panelOpen && handle ? (
        <AnnotationsPanel
          store={store}
          state={state}
          editRequest={editRequest}
          onShow={(annotation) => scrollToAnnotation(handle, annotation)}
          onDone={() => handle.viewer.container.focus()}
        />
      ) : null}
      {popup ? (
        <SelectionPopup
          at={popup}
          onHighlight={() => void highlight(false)}
          onComment={() => void highlight(true)}
        />
      ) : null}
    </>
  )

  return { onDocument: setHandle, tools, panel }
}
