import {
  AnnotationMode,
  getDocument,
  OPS,
  type PageViewport,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist'
import { EventBus, PDFFindController, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { ReaderZoom, ReadingPosition } from '@shared/model/pdf'
import { paintPictures, type PageBox } from './dark-pictures'
import { vectorFigureRects, type UserRect } from './vector-figures'
import { FindBar, type FindCommand, type FindStatus } from './FindBar'
import { OutlinePanel } from './OutlinePanel'
import type { PdfSource } from './pdf-source'
import { SAFE_DOCUMENT_OPTIONS, SafeLinkService, sharedPdfWorker } from './pdfjs'
import { ThumbnailPanel } from './ThumbnailPanel'
import {
  clampPage,
  fromScaleValue,
  keyAction,
  parsePageInput,
  toScaleValue,
  zoomIn,
  zoomLabel,
  zoomOut,
} from './view-state'

/** What the viewer reports as the reader moves. */
export type ViewerState = ReadingPosition & { pageCount: number }

/** The viewer's props: where the PDF is, where to start, and what to tell the host. */
export type PdfViewerProps = {
  source: PdfSource
  /** Where to open (page and zoom); the viewer owns the position afterwards. */
  viewState: ReadingPosition
  onViewStateChange: (state: ViewerState) => void
  /** An external link the user followed; the host decides whether to open it. */
  onOpenLink: (url: string) => void
  /** Text to find as soon as the document is open (a full-text search hit). */
  initialQuery?: string | undefined
  dark: boolean
  onToggleDark: () => void
  onClose: () => void
  /** Extra toolbar content (close, "Mark as read"). */
  toolbarEnd?: ReactNode
  /** The open document and pdf.js viewer (null once closed), for layers drawn over the pages. */
  onDocument?: (
    open: { doc: PDFDocumentProxy; viewer: PDFViewer; eventBus: EventBus } | null,
  ) => void
  /** A panel beside the pages, after them (annotations). */
  sideEnd?: ReactNode
}

type Panel = 'none' | 'outline' | 'thumbnails'
/** What this viewer reads of a pdf.js page view. */
type RenderedPage = { div?: HTMLDivElement; pdfPage?: PDFPageProxy; viewport?: PageViewport }

/** Where a page draws vector figures (none when its operators cannot be read). */
function figureRectsOf(page: PDFPageProxy): Promise<UserRect[]> {
  return page
    .getOperatorList({ annotationMode: AnnotationMode.ENABLE })
    .then((list) => vectorFigureRects(list, OPS, page.view as UserRect))
    .catch(() => [])
}

/** A user-space rectangle as fractions of the page view (rotation and zoom included). */
function pageBoxOf(viewport: PageViewport, rect: UserRect): PageBox {
  const [a, b, c, d] = viewport.convertToViewportRectangle(rect) as UserRect
  return {
    left: Math.min(a, c) / viewport.width,
    top: Math.min(b, d) / viewport.height,
    width: Math.abs(c - a) / viewport.width,
    height: Math.abs(d - b) / viewport.height,
  }
}
type Loaded = {
  doc: PDFDocumentProxy
  viewer: PDFViewer
  eventBus: EventBus
  linkService: SafeLinkService
}

/**
 * pdf.js's own viewer (page virtualization, text layer, links, find) in a React shell: toolbar,
 * outline and thumbnails panels, find bar. Knows nothing of the library or how the bytes arrive.
 */
export function PdfViewer(props: PdfViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const viewerRef = useRef<HTMLDivElement>(null)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [page, setPage] = useState(props.viewState.page)
  const [pageText, setPageText] = useState(String(props.viewState.page))
  const [pageCount, setPageCount] = useState(0)
  const [zoom, setZoom] = useState<ReaderZoom>(props.viewState.zoom)
  const [scale, setScale] = useState(1)
  const [panel, setPanel] = useState<Panel>('none')
  const [findOpen, setFindOpen] = useState(props.initialQuery !== undefined)
  const [findStatus, setFindStatus] = useState<FindStatus>({ current: 0, total: 0, state: 'idle' })
  const findInputRef = useRef<HTMLInputElement>(null)
  // Callbacks change on every render of the host; the pdf.js wiring reads the latest ones.
  const latest = useRef(props)
  useLayoutEffect(() => {
    latest.current = props
  })
  // pdf.js objects are mutable by design; handlers reach them through this ref.
  const live = useRef<Loaded | null>(null)
  // Paints the overlays of the rendered pages again (dark mode turned on finds their figures).
  const repaintRef = useRef<() => void>(() => undefined)
  useEffect(() => {
    if (props.dark) repaintRef.current()
  }, [props.dark])

  useEffect(() => {
    const container = containerRef.current
    const viewerElement = viewerRef.current
    if (!container || !viewerElement) return
    const start = latest.current.viewState
    const eventBus = new EventBus()
    const linkService = new SafeLinkService({ eventBus })
    linkService.onOpenLink = (url) => latest.current.onOpenLink(url)
    const findController = new PDFFindController({ eventBus, linkService })
    const viewer = new PDFViewer({
      container,
      viewer: viewerElement,
      eventBus,
      linkService,
      findController,
      textLayerMode: 1,
      // Links only: no form widgets, so no form scripts either.
      annotationMode: AnnotationMode.ENABLE,
      // Pictures get placeholders in the text layer; dark mode uses them to keep pictures in colour.
      imagesRightClickMinSize: 16,
      maxCanvasPixels: 2 ** 24,
      enableAutoLinking: true,
      supportsPinchToZoom: true,
    })
    linkService.setViewer(viewer)
    let count = 0
    let current = start.page
    let currentZoom: ReaderZoom = start.zoom
    const report = () =>
      latest.current.onViewStateChange({ page: current, zoom: currentZoom, pageCount: count })

    eventBus.on('pagesinit', () => {
      viewer.currentScaleValue = toScaleValue(start.zoom)
      viewer.currentPageNumber = clampPage(start.page, count)
      const query = latest.current.initialQuery
      if (query) {
        eventBus.dispatch('find', findParams(query, 'again', false))
      }
    })
    // Vector figures per page, found once per document and only while the pages are dark.
    const figures = new Map<number, Promise<UserRect[]>>()
    const paint = ({ pageNumber }: { pageNumber: number }) => {
      const view = viewer.getPageView(pageNumber - 1) as RenderedPage | undefined
      const div = view?.div
      if (!div) return
      paintPictures(div)
      if (!latest.current.dark || !view.pdfPage) return
      let found = figures.get(pageNumber)
      if (!found) {
        found = figureRectsOf(view.pdfPage)
        figures.set(pageNumber, found)
      }
      void found.then((rects) => {
        const now = viewer.getPageView(pageNumber - 1) as RenderedPage | undefined
        if (rects.length === 0 || now?.div !== div || !now.viewport) return
        const viewport = now.viewport
        paintPictures(
          div,
          rects.map((rect) => pageBoxOf(viewport, rect)),
        )
      })
    }
    repaintRef.current = () => {
      for (let i = 0; i < count; i += 1) {
        const view = viewer.getPageView(i) as RenderedPage | undefined
        if (view?.div?.querySelector('.canvasWrapper canvas')) paint({ pageNumber: i + 1 })
      }
    }
    eventBus.on('pagerendered', paint)
    eventBus.on('textlayerrendered', paint)
    eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => {
      current = pageNumber
      setPage(pageNumber)
      setPageText(String(pageNumber))
      report()
    })
    eventBus.on(
      'scalechanging',
      ({ scale: value, presetValue }: { scale: number; presetValue?: string }) => {
        currentZoom = fromScaleValue(presetValue, value)
        setScale(value)
        setZoom(currentZoom)
        report()
      },
    )
    const onMatches = ({ matchesCount }: { matchesCount: { current: number; total: number } }) =>
      setFindStatus((s) => ({ ...s, current: matchesCount.current, total: matchesCount.total }))
    eventBus.on('updatefindmatchescount', onMatches)
    eventBus.on(
      'updatefindcontrolstate',
      (event: { state: number; matchesCount: { current: number; total: number } }) => {
        setFindStatus({
          current: event.matchesCount.current,
          total: event.matchesCount.total,
          state: event.state === 1 ? 'not-found' : event.state === 3 ? 'pending' : 'found',
        })
      },
    )

    const task = getDocument({
      url: latest.current.source.url,
      httpHeaders: latest.current.source.httpHeaders,
      disableRange: !latest.current.source.rangeRequests,
      withCredentials: false,
      worker: sharedPdfWorker(),
      ...SAFE_DOCUMENT_OPTIONS,
    })
    let cancelled = false
    task.promise.then(
      (doc) => {
        if (cancelled) return
        count = doc.numPages
        setPageCount(doc.numPages)
        viewer.setDocument(doc)
        linkService.setDocument(doc, null)
        live.current = { doc, viewer, eventBus, linkService }
        setLoaded(live.current)
        latest.current.onDocument?.({ doc, viewer, eventBus })
      },
      (reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason))
      },
    )
    return () => {
      cancelled = true
      latest.current.onDocument?.(null)
      // Detach before destroying: a page render still queued would otherwise ask the destroyed
      // document for its page ("Transport destroyed") when a new version of the PDF replaces it.
      // pdf.js's viewer takes null to mean "no document" (its types do not say so).
      viewer.setDocument(null as unknown as Parameters<typeof viewer.setDocument>[0])
      linkService.setDocument(null, null)
      viewer.cleanup()
      void task.destroy()
      live.current = null
      setLoaded(null)
    }
  }, [props.source.url])

  const goTo = (target: number) => {
    const current = live.current
    if (current) current.viewer.currentPageNumber = clampPage(target, pageCount)
  }
  const setZoomValue = (value: ReaderZoom) => {
    const current = live.current
    if (current) current.viewer.currentScaleValue = toScaleValue(value)
  }
  // pdf.js redraws every page turned; annotations follow, being drawn from each page's viewport.
  const rotate = () => {
    const current = live.current
    if (current) current.viewer.pagesRotation = (current.viewer.pagesRotation + 90) % 360
  }
  const find = (command: FindCommand) => {
    const current = live.current
    if (!current) return
    if (command.kind === 'close') {
      current.eventBus.dispatch('findbarclose', { source: null })
      setFindOpen(false)
      containerRef.current?.focus()
      return
    }
    current.eventBus.dispatch(
      'find',
      findParams(
        command.query,
        command.kind === 'search' ? '' : 'again',
        command.kind === 'previous',
      ),
    )
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || !ownsKey(event.target)) return
    const target = event.target as HTMLElement
    const action = keyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      inTextField:
        target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable,
    })
    if (!action) return
    // The library's own shortcuts must not also act on a key the reader used.
    event.preventDefault()
    event.stopImmediatePropagation()
    switch (action) {
      case 'next-page':
        goTo(page + 1)
        break
      case 'previous-page':
        goTo(page - 1)
        break
      case 'zoom-in':
        setZoomValue(zoomIn(scale))
        break
      case 'zoom-out':
        setZoomValue(zoomOut(scale))
        break
      case 'fit-width':
        setZoomValue('page-width')
        break
      case 'find':
        // A bar that opens focuses itself (autoFocus); selecting later would eat the first
        // letters typed. Pressed again, the key selects the query to type over it.
        if (findOpen) {
          findInputRef.current?.focus()
          findInputRef.current?.select()
        } else setFindOpen(true)
        break
      case 'close':
        if (findOpen) find({ kind: 'close' })
        else props.onClose()
        break
    }
  }

  // The reader owns the keyboard while it is open, wherever focus is: a capturing listener on the
  // window runs before the library's shortcuts and keeps the keys it uses from reaching them.
  const keyHandler = useRef(onKeyDown)
  useLayoutEffect(() => {
    keyHandler.current = onKeyDown
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event)
    window.addEventListener('keydown', listener, true)
    return () => window.removeEventListener('keydown', listener, true)
  }, [])
  // Opening the reader moves focus onto the page, so arrows, +/− and Ctrl+F work at once.
  useEffect(() => containerRef.current?.focus({ preventScroll: true }), [])

  return (
    <div className={`pdf-viewer${props.dark ? ' pdf-viewer--dark' : ''}`} data-testid="pdf-viewer">
      <div className="pdf-toolbar" role="toolbar" aria-label="Reader tools">
        <button
          type="button"
          aria-pressed={panel === 'outline'}
          title="Contents"
          aria-label="Contents"
          onClick={() => setPanel(panel === 'outline' ? 'none' : 'outline')}
        >
          ☰
        </button>
        <button
          type="button"
          aria-pressed={panel === 'thumbnails'}
          title="Pages"
          aria-label="Pages"
          onClick={() => setPanel(panel === 'thumbnails' ? 'none' : 'thumbnails')}
        >
          ▦
        </button>
        <span className="pdf-toolbar__sep" />
        <button
          type="button"
          title="Previous page (←, PageUp)"
          aria-label="Previous page"
          onClick={() => goTo(page - 1)}
          disabled={page <= 1}
        >
          ‹
        </button>
        <input
          className="pdf-toolbar__page"
          aria-label="Page number"
          inputMode="numeric"
          value={pageText}
          onChange={(event) => setPageText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            const target = parsePageInput(pageText, pageCount)
            if (target === null) setPageText(String(page))
            else goTo(target)
          }}
          onBlur={() => setPageText(String(page))}
        />
        <span className="pdf-toolbar__count" data-testid="page-count">
          of {pageCount || '…'}
        </span>
        <button
          type="button"
          title="Next page (→, PageDown)"
          aria-label="Next page"
          onClick={() => goTo(page + 1)}
          disabled={page >= pageCount}
        >
          ›
        </button>
        <span className="pdf-toolbar__sep" />
        <button
          type="button"
          title="Zoom out (-)"
          aria-label="Zoom out"
          onClick={() => setZoomValue(zoomOut(scale))}
        >
          −
        </button>
        <span className="pdf-toolbar__zoom" data-testid="zoom-label">
          {zoomLabel(zoom, scale)}
        </span>
        <button
          type="button"
          title="Zoom in (+)"
          aria-label="Zoom in"
          onClick={() => setZoomValue(zoomIn(scale))}
        >
          +
        </button>
        <button
          type="button"
          aria-pressed={zoom === 'page-width'}
          onClick={() => setZoomValue('page-width')}
          title="Fit width (Ctrl+0)"
          aria-label="Fit width"
        >
          ↔
        </button>
        <button
          type="button"
          aria-pressed={zoom === 'page-fit'}
          onClick={() => setZoomValue('page-fit')}
          title="Fit page"
          aria-label="Fit page"
        >
          ↕
        </button>
        <button
          type="button"
          title="Rotate the pages a quarter turn clockwise"
          aria-label="Rotate"
          onClick={rotate}
        >
          ↻
        </button>
        <span className="pdf-toolbar__sep" />
        <button
          type="button"
          title="Find in document (Ctrl+F)"
          aria-label="Find"
          aria-pressed={findOpen}
          onClick={() => {
            setFindOpen(!findOpen)
            if (!findOpen) requestAnimationFrame(() => findInputRef.current?.focus())
          }}
        >
          ⌕
        </button>
        <button
          type="button"
          aria-pressed={props.dark}
          title="Dark pages (pictures keep their colours)"
          aria-label="Dark"
          onClick={props.onToggleDark}
        >
          ◐
        </button>
        <span className="pdf-toolbar__fill" />
        {props.toolbarEnd}
      </div>
      {findOpen ? (
        <FindBar
          inputRef={findInputRef}
          initialQuery={props.initialQuery ?? ''}
          status={findStatus}
          onCommand={find}
        />
      ) : null}
      <div className="pdf-body">
        {panel !== 'none' && loaded ? (
          <aside className="pdf-side" aria-label={panel === 'outline' ? 'Contents' : 'Pages'}>
            {panel === 'outline' ? (
              <OutlinePanel
                doc={loaded.doc}
                linkService={loaded.linkService}
                onOpenLink={props.onOpenLink}
              />
            ) : (
              <ThumbnailPanel doc={loaded.doc} current={page} onSelect={goTo} />
            )}
          </aside>
        ) : null}
        <div className="pdf-stage">
          {error ? (
            <div className="pdf-error" role="alert">
              This PDF cannot be shown: {error}
            </div>
          ) : null}
          <div ref={containerRef} className="pdf-scroll" tabIndex={0} data-testid="pdf-scroll">
            <div ref={viewerRef} className="pdfViewer" />
          </div>
        </div>
        {props.sideEnd}
      </div>
    </div>
  )
}

/** False for keys meant for a dialog opened over the reader (the command palette, the help sheet). */
function ownsKey(target: EventTarget | null): boolean {
  return !(target instanceof Element && target.closest('[role="dialog"]'))
}

function findParams(query: string, type: '' | 'again', findPrevious: boolean) {
  return {
    source: null,
    type,
    query,
    caseSensitive: false,
    entireWord: false,
    highlightAll: true,
    findPrevious,
    matchDiacritics: false,
  }
}
