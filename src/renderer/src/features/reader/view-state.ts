import type { ReaderZoom, ReadingPosition } from '@shared/model/pdf'

/** Zoom factors the +/- buttons step through. */
export const ZOOM_STEPS: ReadonlyArray<number> = [
  0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4,
]

/** The next zoom step above `scale`. */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + 0.001) ?? ZOOM_STEPS.at(-1) ?? scale
}

/** The next zoom step below `scale`. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001) ?? ZOOM_STEPS[0] ?? scale
}

/** A page number kept within `1..pageCount` (1 when the count is not known yet). */
export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1
  return Math.min(Math.max(1, Math.round(page)), Math.max(1, pageCount))
}

/** The page a typed page number means, or null when it is not a number. */
export function parsePageInput(text: string, pageCount: number): number | null {
  const value = Number(text.trim())
  return text.trim() !== '' && Number.isFinite(value) ? clampPage(value, pageCount) : null
}

/** The zoom pdf.js takes: a preset name or a scale as text. */
export function toScaleValue(zoom: ReaderZoom): string {
  return typeof zoom === 'number' ? String(zoom) : zoom
}

/** The zoom to remember: the preset the user chose, else the current scale rounded. */
export function fromScaleValue(presetValue: string | undefined, scale: number): ReaderZoom {
  if (presetValue === 'page-width' || presetValue === 'page-fit' || presetValue === 'auto') {
    return presetValue
  }
  return Math.round(Math.min(10, Math.max(0.1, scale)) * 100) / 100
}

/** What the zoom field shows. */
export function zoomLabel(zoom: ReaderZoom, scale: number): string {
  if (zoom === 'page-width') return 'Fit width'
  if (zoom === 'page-fit') return 'Fit page'
  return `${Math.round((typeof zoom === 'number' ? zoom : scale) * 100)}%`
}

/** Where to open a paper: the remembered page and zoom (page kept in range), else page 1 at fit width. */
export function openingPosition(
  saved: ReadingPosition | null,
  pageCount: number,
  requestedPage?: number,
): ReadingPosition {
  const zoom = saved?.zoom ?? 'page-width'
  if (requestedPage !== undefined) return { page: clampPage(requestedPage, pageCount), zoom }
  return { page: clampPage(saved?.page ?? 1, pageCount), zoom }
}

/** True when the position differs enough to be worth saving. */
export function positionChanged(before: ReadingPosition | null, after: ReadingPosition): boolean {
  return before === null || before.page !== after.page || before.zoom !== after.zoom
}

/** True on the last page of a document: the reader offers "Mark as read". */
export function isLastPage(page: number, pageCount: number): boolean {
  return pageCount > 0 && page >= pageCount
}

/** What a key does in the reader. */
export type ReaderAction =
  'next-page' | 'previous-page' | 'zoom-in' | 'zoom-out' | 'fit-width' | 'find' | 'close'

/** The key event facts the reader's shortcuts depend on. */
export type KeyFacts = {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  inTextField: boolean
}

/**
 * The reader action of a key, or null to let it be (arrows up/down scroll natively; keys typed in
 * a text field stay there, except Ctrl+F and Escape).
 */
export function keyAction(event: KeyFacts): ReaderAction | null {
  const command = event.ctrlKey || event.metaKey
  if (command && !event.altKey && event.key.toLowerCase() === 'f') return 'find'
  if (event.key === 'Escape') return 'close'
  if (event.inTextField || event.altKey) return null
  if (command) {
    if (event.key === '=' || event.key === '+') return 'zoom-in'
    if (event.key === '-') return 'zoom-out'
    if (event.key === '0') return 'fit-width'
    return null
  }
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
    case 'n':
      return 'next-page'
    case 'ArrowLeft':
    case 'PageUp':
    case 'p':
      return 'previous-page'
    case '+':
    case '=':
      return 'zoom-in'
    case '-':
      return 'zoom-out'
    default:
      return null
  }
}

/** True for a link the reader may hand to the system browser: http(s), no credentials, no hidden characters. */
export function isOpenableLink(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return false
  try {
    const parsed = new URL(url)
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      parsed.hostname !== '' &&
      parsed.username === '' &&
      parsed.password === ''
    )
  } catch {
    return false
  }
}
