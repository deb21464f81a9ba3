/** A vertical splitter: drag it, or focus it and use the arrow keys. */
export function ResizeHandle({
  label,
  width,
  direction,
  onResize,
}: {
  label: string
  width: number
  /** 1 when dragging right widens the pane (a left pane), -1 for a right pane. */
  direction: 1 | -1
  onResize: (width: number) => void
}) {
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(event) => {
        event.preventDefault()
        const startX = event.clientX
        const handle = event.currentTarget
        handle.setPointerCapture(event.pointerId)
        const move = (moved: PointerEvent) => onResize(width + direction * (moved.clientX - startX))
        const up = () => {
          handle.removeEventListener('pointermove', move)
          handle.removeEventListener('pointerup', up)
        }
        handle.addEventListener('pointermove', move)
        handle.addEventListener('pointerup', up)
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') onResize(width - 16 * direction)
        if (event.key === 'ArrowRight') onResize(width + 16 * direction)
      }}
    />
  )
}
