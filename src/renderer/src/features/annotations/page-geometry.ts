import type { PdfRect } from '@shared/model/annotation'
import { QUOTE_CONTEXT_CHARS, squash } from '@shared/model/annotation-text'

/** What the geometry needs of a pdf.js page viewport (zoom and rotation included). */
export type ViewportLike = {
  width: number
  height: number
  convertToPdfPoint: (x: number, y: number) => number[]
  convertToViewportRectangle: (rect: number[]) => number[]
}

/** A box on screen: left, top, right, bottom in CSS pixels. */
export type ScreenBox = { left: number; top: number; right: number; bottom: number }

/** A screen box (client coordinates) as a PDF rectangle on a page drawn in `page`. */
export function screenToPdf(box: ScreenBox, page: ScreenBox, viewport: ViewportLike): PdfRect {
  // The page may be drawn at another size than its viewport (CSS zoom while re-rendering).
  const sx = viewport.width / (page.right - page.left)
  const sy = viewport.height / (page.bottom - page.top)
  const [ax = 0, ay = 0] = viewport.convertToPdfPoint(
    (box.left - page.left) * sx,
    (box.top - page.top) * sy,
  )
  const [bx = 0, by = 0] = viewport.convertToPdfPoint(
    (box.right - page.left) * sx,
    (box.bottom - page.top) * sy,
  )
  const round = (n: number) => Math.round(n * 100) / 100
  return [
    round(Math.min(ax, bx)),
    round(Math.min(ay, by)),
    round(Math.max(ax, bx)),
    round(Math.max(ay, by)),
  ]
}

/** A PDF rectangle as percentages of its page, for an overlay that follows zoom by itself. */
export function pdfToPercent(
  rect: PdfRect,
  viewport: ViewportLike,
): { left: number; top: number; width: number; height: number } {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = viewport.convertToViewportRectangle([...rect])
  return {
    left: (Math.min(x1, x2) / viewport.width) * 100,
    top: (Math.min(y1, y2) / viewport.height) * 100,
    width: (Math.abs(x2 - x1) / viewport.width) * 100,
    height: (Math.abs(y2 - y1) / viewport.height) * 100,
  }
}

/**
 * Joins the many small boxes a text selection reports (one per text run, overlapping) into one
 * rectangle per line: boxes that share most of their height are on one line.
 */
export function mergeLines(rects: ReadonlyArray<PdfRect>): PdfRect[] {
  const lines: Array<[number, number, number, number]> = []
  const sorted = [...rects]
    .filter((r) => r[2] - r[0] > 0.5 && r[3] - r[1] > 0.5)
    .sort((a, b) => b[3] - a[3] || a[0] - b[0])
  for (const r of sorted) {
    const line = lines.find((l) => {
      const overlap = Math.min(l[3], r[3]) - Math.max(l[1], r[1])
      return overlap > 0.5 * Math.min(l[3] - l[1], r[3] - r[1])
    })
    if (line) {
      line[0] = Math.min(line[0], r[0])
      line[1] = Math.min(line[1], r[1])
      line[2] = Math.max(line[2], r[2])
      line[3] = Math.max(line[3], r[3])
    } else {
      lines.push([r[0], r[1], r[2], r[3]])
    }
  }
  return lines
}

/** The text nodes of an element with where each starts in their squashed concatenation. */
function squashedIndex(root: Node): {
  flat: string
  /** For each character of `flat`: its text node and offset. */
  at: Array<{ node: Text; offset: number }>
} {
  const at: Array<{ node: Text; offset: number }> = []
  let flat = ''
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? ''
    for (let i = 0; i < text.length; i += 1) {
      const piece = squash(text[i] ?? '')
      for (const char of piece) {
        flat += char
        at.push({ node: node as Text, offset: i })
      }
    }
  }
  return { flat, at }
}

/** A DOM range over the quote in a page's text layer, or null when the layer lacks it. */
export function findQuoteRange(textLayer: HTMLElement, quote: string): Range | null {
  const target = squash(quote)
  if (target === '') return null
  const { flat, at } = squashedIndex(textLayer)
  const start = flat.indexOf(target)
  const first = at[start]
  const last = at[start + target.length - 1]
  if (start === -1 || !first || !last) return null
  const range = document.createRange()
  range.setStart(first.node, first.offset)
  range.setEnd(last.node, last.offset + 1)
  return range
}

/** The text just before and after a selection inside its text layer (to find it again later). */
export function selectionContext(
  textLayer: HTMLElement,
  range: Range,
): { prefix: string; suffix: string } {
  const before = document.createRange()
  before.selectNodeContents(textLayer)
  before.setEnd(range.startContainer, range.startOffset)
  const after = document.createRange()
  after.selectNodeContents(textLayer)
  after.setStart(range.endContainer, range.endOffset)
  return {
    prefix: before.toString().slice(-QUOTE_CONTEXT_CHARS),
    suffix: after.toString().slice(0, QUOTE_CONTEXT_CHARS),
  }
}
