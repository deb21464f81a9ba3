/**
 * Copies each picture of a rendered page (pdf.js marks them with placeholders in the text layer)
 * from the page canvas into an overlay of its own. Dark mode inverts the page canvas with a CSS
 * filter and shows these overlays unfiltered, so figures and photos keep their real colours.
 * The overlays sit in the page element, which pdf.js clears when it re-renders or evicts the page.
 */
export function paintPictures(pageDiv: HTMLElement): void {
  for (const old of pageDiv.querySelectorAll('.pdf-picture')) old.remove()
  const canvas = pageDiv.querySelector<HTMLCanvasElement>('.canvasWrapper canvas')
  const holders = pageDiv.querySelectorAll<HTMLElement>('.textLayerImages canvas')
  if (!canvas || holders.length === 0) return
  const base = canvas.getBoundingClientRect()
  const page = pageDiv.getBoundingClientRect()
  const width = pageDiv.clientWidth
  const height = pageDiv.clientHeight
  if (base.width === 0 || width === 0 || height === 0) return
  const sx = canvas.width / base.width
  const sy = canvas.height / base.height
  for (const holder of holders) {
    const box = holder.getBoundingClientRect()
    const w = Math.round(box.width * sx)
    const h = Math.round(box.height * sy)
    if (w < 1 || h < 1) continue
    const overlay = document.createElement('canvas')
    overlay.className = 'pdf-picture'
    overlay.width = w
    overlay.height = h
    overlay
      .getContext('2d')
      ?.drawImage(canvas, (box.left - base.left) * sx, (box.top - base.top) * sy, w, h, 0, 0, w, h)
    // Percentages keep the overlay on its picture while a zoom is CSS-scaled before re-rendering.
    const left = box.left - page.left - pageDiv.clientLeft
    const top = box.top - page.top - pageDiv.clientTop
    Object.assign(overlay.style, {
      left: `${(left / width) * 100}%`,
      top: `${(top / height) * 100}%`,
      width: `${(box.width / width) * 100}%`,
      height: `${(box.height / height) * 100}%`,
    })
    pageDiv.append(overlay)
  }
}
