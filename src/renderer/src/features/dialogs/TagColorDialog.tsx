import { Dialog } from '../../components/Dialog'

/** Colors a tag can take. */
export const TAG_COLORS = [
  '#d9480f',
  '#e67700',
  '#2b8a3e',
  '#0b7285',
  '#1c7ed6',
  '#5f3dc4',
  '#c2255c',
  '#495057',
]

/** Picks a tag's color, or clears it. */
export function TagColorDialog({
  name,
  onPick,
  onClose,
}: {
  name: string
  onPick: (color: string | null) => void
  onClose: () => void
}) {
  const pick = (color: string | null) => {
    onPick(color)
    onClose()
  }
  return (
    <Dialog title={`Color of #${name}`} onClose={onClose}>
      <div className="swatches">
        {TAG_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="swatch"
            style={{ background: color }}
            aria-label={`Color ${color}`}
            onClick={() => pick(color)}
          />
        ))}
        <button type="button" onClick={() => pick(null)}>
          No color
        </button>
      </div>
    </Dialog>
  )
}
