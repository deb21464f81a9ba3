/** The small popup beside a text selection in the pages: highlight it, or highlight and comment. */
export function SelectionPopup(props: {
  at: { x: number; y: number }
  onHighlight: () => void
  onComment: () => void
}) {
  const left = Math.min(props.at.x, window.innerWidth - 220)
  const top = Math.min(props.at.y + 6, window.innerHeight - 40)
  return (
    <div
      className="ps-popup"
      role="toolbar"
      aria-label="Selection"
      style={{ left, top }}
      // Keep the selection: a mouse press on the popup must not clear it.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" onClick={props.onHighlight}>
        Highlight selection
      </button>
      <button type="button" onClick={props.onComment}>
        Comment…
      </button>
    </div>
  )
}
