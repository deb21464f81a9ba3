/** A region of a page as fractions of its size (0–1), from its top left corner. */
export type PageBox = { left: number; top: number; width: number; height: number }

/**
 * Copies each picture of a rendered page (pdf.js marks them with placeholders in the text layer)
 * and each vector figure (`figures`, found in the page's drawing operators) from the page canvas
 * into an overlay of its own. Dark mode inverts the page canvas with a CSS filter and shows these
 * overlays unfiltered, so figures, charts and photos keep their real colours. The overlays sit in
 * the page element, which pdf.js clears when it re-renders or evicts the page.
 */
export function paintPictures(pageDiv: HTMLElement, figures: ReadonlyArray<PageBox> = []): void {
  for (const old of pageDiv.querySelectorAll('.pdf-picture')) old.remove()
  const canvas = pageDiv.querySelector<HTMLCanvasElement>('.canvasWrapper canvas')
  const holders = pageDiv.querySelectorAll<HTMLElement>('.textLayerImages canvas')
  if (!canvas || (holders.length === 0 && figures.length === 0)) return
  const base = canvas.getBoundingClientRect()
  const page = pageDiv.getBoundingClientRect()
  const width = pageDiv.clientWidth
  const height = pageDiv.clientHeight
  if (base.width === 0 || width === 0 || height === 0) return
  const originX = page.left + pageDiv.clientLeft
  const originY = page.top + pageDiv.clientTop
  const boxes: PageBox[] = [...figures]
  for (const holder of holders) {
    const box = holder.getBoundingClientRect()
    boxes.push({
      left: (box.left - originX) / width,
      top: (box.top - originY) / height,
      width: box.width / width,
      height: box.height / height,
    })
  }
  const sx = canvas.width / base.width
  const sy = canvas.height / base.height
  for (const box of boxes) {
    const w = Math.round(box.width * width * sx)
    const h = Math.round(box.height * height * sy)
    if (w < 1 || h < 1) continue
    const overlay = document.createElement('canvas')
    overlay.className = 'pdf-picture'
    overlay.width = w
    overlay.height = h
    const x = (originX + box.left * width - base.left) * sx
    const y = (originY + box.top * height - base.top) * sy
    overlay.getContext('2d')?.drawImage(canvas, x, y, w, h, 0, 0, w, h)
    // Percentages keep the overlay on its picture while a zoom is CSS-scaled before re-rendering.
    Object.assign(overlay.style, {
      left: `${box.left * 100}%`,
      top: `${box.top * 100}%`,
      width: `${box.width * 100}%`,
      height: `${box.height * 100}%`,
    })
    pageDiv.append(overlay)
  }
}
