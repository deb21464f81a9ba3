import { useVirtualizer } from '@tanstack/react-virtual'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useEffect, useRef } from 'react'

const THUMB_WIDTH = 120
const ROW_HEIGHT = 190

/** Page thumbnails; only those in view are drawn, so a 300-page PDF costs a screenful of canvases. */
export function ThumbnailPanel(props: {
  doc: PDFDocumentProxy
  current: number
  onSelect: (page: number) => void
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { current, doc, onSelect } = props
  // The React Compiler skips this component (TanStack Virtual returns fresh functions).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: doc.numPages,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
  })
  useEffect(() => {
    virtualizer.scrollToIndex(current - 1, { align: 'auto' })
  }, [current, virtualizer])
  return (
    <div ref={scrollRef} className="pdf-thumbs">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <button
            key={item.key}
            type="button"
            className={`pdf-thumb${item.index + 1 === current ? ' pdf-thumb--current' : ''}`}
            style={{ position: 'absolute', top: item.start, left: 0, right: 0, height: ROW_HEIGHT }}
            aria-label={`Page ${item.index + 1}`}
            aria-current={item.index + 1 === current ? 'page' : undefined}
            onClick={() => onSelect(item.index + 1)}
          >
            <Thumbnail doc={doc} page={item.index + 1} />
            <span>{item.index + 1}</span>
          </button>
        ))}
      </div>
    </div>
  )
}

function Thumbnail(props: { doc: PDFDocumentProxy; page: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    let task: { cancel: () => void; promise: Promise<void> } | null = null
    let live = true
    void props.doc.getPage(props.page).then((page) => {
      const canvas = canvasRef.current
      if (!live || !canvas) return
      const base = page.getViewport({ scale: 1 })
      const viewport = page.getViewport({ scale: THUMB_WIDTH / base.width })
      canvas.width = Math.floor(viewport.width)
      canvas.height = Math.floor(viewport.height)
      task = page.render({ canvas, viewport })
      task.promise.catch(() => undefined)
    })
    return () => {
      live = false
      task?.cancel()
    }
  }, [props.doc, props.page])
  return <canvas ref={canvasRef} className="pdf-thumb__canvas" />
}
