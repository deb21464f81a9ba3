import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { EventBus, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs'
import type { Annotation, AnnotationColor, PdfRect } from '@shared/model/annotation'
import { COLOR_HEX } from '@shared/model/annotation'
import {
  findQuoteRange,
  mergeLines,
  pdfToPercent,
  screenToPdf,
  type ScreenBox,
  type ViewportLike,
} from './page-geometry'

/** The open document as the annotation layer reaches it. */
export type ViewerHandle = { doc: PDFDocumentProxy; viewer: PDFViewer; eventBus: EventBus }

/** How a click or drag on a page is taken: text selection, placing a sticky note, or an area. */
export type PenMode = 'text' | 'note' | 'area'

type PageView = { div?: HTMLDivElement; viewport?: ViewportLike }

/** What the overlays read and report. */
export type OverlayDeps = {
  annotations: () => ReadonlyArray<Annotation>
  shown: () => ReadonlySet<AnnotationColor>
  activeId: () => number | null
  mode: () => PenMode
  /** An annotation on a page was clicked. */
  onPick: (id: number) => void
  /** A re-anchored highlight was found in the text layer and measured. */
  onMeasured: (id: number, rects: PdfRect[]) => void
  onPlaceNote: (page: number, rect: PdfRect) => void
  onArea: (page: number, rect: PdfRect, png: string | null) => void
}

/** The page element of a rendered page and its viewport, or null. */
export function pageViewOf(handle: ViewerHandle, page: number): Required<PageView> | null {
  const view = handle.viewer.getPageView(page - 1) as PageView | undefined
  return view?.div && view.viewport ? { div: view.div, viewport: view.viewport } : null
}

/** The box the page's drawing occupies on screen (inside its border). */
export function drawnBox(pageDiv: HTMLElement): ScreenBox {
  const inner = pageDiv.querySelector('.canvasWrapper') ?? pageDiv
  return inner.getBoundingClientRect()
}

/** Scrolls the viewer so the annotation's top is in view. */
export function scrollToAnnotation(handle: ViewerHandle, annotation: Annotation): void {
  const rect = annotation.rects[0]
  handle.viewer.scrollPageIntoView({
    pageNumber: annotation.page,
    ...(rect ? { destArray: [null, { name: 'XYZ' }, rect[0] - 24, rect[3] + 48, null] } : {}),
  })
}

/** Crops a region of a page's canvas as base64 PNG (null when the page is not drawn). */
function cropPicture(pageDiv: HTMLElement, box: ScreenBox): string | null {
  const canvas = pageDiv.querySelector<HTMLCanvasElement>('.canvasWrapper canvas')
  if (!canvas) return null
  const base = canvas.getBoundingClientRect()
  const sx = canvas.width / base.width
  const sy = canvas.height / base.height
  const width = Math.round((box.right - box.left) * sx)
  const height = Math.round((box.bottom - box.top) * sy)
  if (width < 2 || height < 2) return null
  // Large crops are scaled down: a figure in an export needs no more than this.
  const shrink = Math.min(1, 1600 / Math.max(width, height))
  const out = document.createElement('canvas')
  out.width = Math.round(width * shrink)
  out.height = Math.round(height * shrink)
  out
    .getContext('2d')
    ?.drawImage(
      canvas,
      (box.left - base.left) * sx,
      (box.top - base.top) * sy,
      width,
      height,
      0,
      0,
      out.width,
      out.height,
    )
  return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
}

/**
 * Draws annotations over pdf.js's pages, in a layer of each page element placed by percentages of
 * the page (so zoom keeps them in place without redrawing; rotation and dark mode are handled by
 * the viewport). pdf.js empties a page element when it re-renders it, so each rendered page is
 * drawn again. Also takes clicks and drags for sticky notes and area highlights.
 */
export function attachOverlays(
  handle: ViewerHandle,
  deps: OverlayDeps,
): { redraw: () => void; detach: () => void } {
  const { viewer, eventBus } = handle
  let byPage = new Map<number, Annotation[]>()
  let indexed: ReadonlyArray<Annotation> | null = null
  const pageAnnotations = (page: number) => {
    const all = deps.annotations()
    if (all !== indexed) {
      indexed = all
      byPage = new Map()
      for (const a of all) {
        const list = byPage.get(a.page) ?? []
        list.push(a)
        byPage.set(a.page, list)
      }
    }
    return byPage.get(page) ?? []
  }
  const measuring = new Set<number>()

  const draw = (page: number) => {
    const view = pageViewOf(handle, page)
    if (!view) return
    let layer = view.div.querySelector<HTMLElement>(':scope > .ps-annotations')
    const list = pageAnnotations(page).filter(
      (a) => a.anchor !== 'unanchored' && deps.shown().has(a.color),
    )
    if (!layer && list.length === 0) return
    if (!layer) {
      layer = document.createElement('div')
      layer.className = 'ps-annotations'
      view.div.append(layer)
    }
    const parts: HTMLElement[] = []
    for (const a of list) {
      let rects = a.rects
      if (rects.length === 0 && a.quote) {
        rects = measure(a, view.div, view.viewport)
        if (rects.length === 0) continue
      }
      for (const [index, rect] of rects.entries()) {
        const box = pdfToPercent(rect, view.viewport)
        const mark = document.createElement('div')
        mark.className = `ps-annot ps-annot--${a.kind}${a.id === deps.activeId() ? ' ps-annot--active' : ''}`
        mark.dataset.annotationId = String(a.id)
        mark.style.setProperty('--annot-color', COLOR_HEX[a.color])
        mark.style.left = `${box.left}%`
        mark.style.top = `${box.top}%`
        if (a.kind !== 'note') {
          mark.style.width = `${box.width}%`
          mark.style.height = `${box.height}%`
        }
        if (index === 0 && a.comment) mark.title = a.comment
        parts.push(mark)
      }
    }
    layer.replaceChildren(...parts)
  }

  /** Finds a re-anchored highlight's quote in the text layer and reports its rectangles once. */
  const measure = (a: Annotation, pageDiv: HTMLElement, viewport: ViewportLike): PdfRect[] => {
    const textLayer = pageDiv.querySelector<HTMLElement>('.textLayer')
    if (!textLayer || !a.quote) return []
    const range = findQuoteRange(textLayer, a.quote)
    if (!range) return []
    const page = drawnBox(pageDiv)
    const rects = mergeLines([...range.getClientRects()].map((r) => screenToPdf(r, page, viewport)))
    if (rects.length > 0 && !measuring.has(a.id)) {
      measuring.add(a.id)
      deps.onMeasured(a.id, rects)
    }
    return rects
  }

  const redraw = () => {
    for (let page = 1; page <= viewer.pagesCount; page += 1) {
      if (
        pageAnnotations(page).length > 0 ||
        pageViewOf(handle, page)?.div.querySelector('.ps-annotations')
      ) {
        draw(page)
      }
    }
  }
  const onRendered = ({ pageNumber }: { pageNumber: number }) => draw(pageNumber)
  eventBus.on('pagerendered', onRendered)
  eventBus.on('textlayerrendered', onRendered)

  // Clicks on a drawn annotation pick it; in note or area mode clicks and drags place one.
  const container = viewer.container
  let drag: { page: number; div: HTMLElement; x: number; y: number; band: HTMLElement } | null =
    null
  const pageAt = (target: EventTarget | null) => {
    const div = (target as HTMLElement | null)?.closest<HTMLElement>('.page[data-page-number]')
    return div ? { div, page: Number(div.dataset.pageNumber) } : null
  }
  const onClick = (event: MouseEvent) => {
    const mark = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-id]')
    if (mark && deps.mode() === 'text') {
      deps.onPick(Number(mark.dataset.annotationId))
      return
    }
    if (deps.mode() !== 'note') return
    const hit = pageAt(event.target)
    const view = hit && pageViewOf(handle, hit.page)
    if (!hit || !view) return
    const point = {
      left: event.clientX,
      top: event.clientY,
      right: event.clientX,
      bottom: event.clientY,
    }
    deps.onPlaceNote(hit.page, screenToPdf(point, drawnBox(hit.div), view.viewport))
  }
  const onDown = (event: PointerEvent) => {
    if (deps.mode() !== 'area' || event.button !== 0) return
    const hit = pageAt(event.target)
    if (!hit) return
    event.preventDefault()
    const band = document.createElement('div')
    band.className = 'ps-area-band'
    hit.div.append(band)
    drag = { page: hit.page, div: hit.div, x: event.clientX, y: event.clientY, band }
    container.setPointerCapture(event.pointerId)
  }
  const bandBox = (event: PointerEvent): ScreenBox | null => {
    if (!drag) return null
    return {
      left: Math.min(drag.x, event.clientX),
      top: Math.min(drag.y, event.clientY),
      right: Math.max(drag.x, event.clientX),
      bottom: Math.max(drag.y, event.clientY),
    }
  }
  const onMove = (event: PointerEvent) => {
    const box = bandBox(event)
    if (!drag || !box) return
    const origin = drag.div.getBoundingClientRect()
    Object.assign(drag.band.style, {
      left: `${box.left - origin.left}px`,
      top: `${box.top - origin.top}px`,
      width: `${box.right - box.left}px`,
      height: `${box.bottom - box.top}px`,
    })
  }
  const onUp = (event: PointerEvent) => {
    const box = bandBox(event)
    const current = drag
    drag = null
    current?.band.remove()
    if (!current || !box || box.right - box.left < 4 || box.bottom - box.top < 4) return
    const view = pageViewOf(handle, current.page)
    if (!view) return
    const png = cropPicture(current.div, box)
    deps.onArea(current.page, screenToPdf(box, drawnBox(current.div), view.viewport), png)
  }
  container.addEventListener('click', onClick)
  container.addEventListener('pointerdown', onDown)
  container.addEventListener('pointermove', onMove)
  container.addEventListener('pointerup', onUp)

  return {
    redraw,
    detach() {
      eventBus.off('pagerendered', onRendered)
      eventBus.off('textlayerrendered', onRendered)
      container.removeEventListener('click', onClick)
      container.removeEventListener('pointerdown', onDown)
      container.removeEventListener('pointermove', onMove)
      container.removeEventListener('pointerup', onUp)
    },
  }
}

/**
 * The current text selection as a highlight on one page: page, merged rectangles, the quote and
 * the text around it; null when nothing in a page's text layer is selected.
 */
export function selectionHighlight(
  handle: ViewerHandle,
): { page: number; rects: PdfRect[]; quote: string; range: Range } | null {
  const selection = document.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  const start = range.startContainer
  const pageDiv = (start instanceof Element ? start : start.parentElement)?.closest<HTMLElement>(
    '.page[data-page-number]',
  )
  if (!pageDiv || !handle.viewer.container.contains(pageDiv)) return null
  const page = Number(pageDiv.dataset.pageNumber)
  const view = pageViewOf(handle, page)
  if (!view) return null
  const box = drawnBox(pageDiv)
  // Only the part on the first page: a highlight lives on one page.
  const rects = mergeLines(
    [...range.getClientRects()]
      .filter((r) => r.top >= box.top - 1 && r.bottom <= box.bottom + 1)
      .map((r) => screenToPdf(r, box, view.viewport)),
  )
  const quote = selection.toString().replace(/\s+/g, ' ').trim()
  if (rects.length === 0 || quote === '') return null
  return { page, rects, quote, range }
}
