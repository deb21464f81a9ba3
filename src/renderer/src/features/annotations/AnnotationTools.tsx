import type { AnnotationColor, ColorLabel } from '@shared/model/annotation'
import type { PenMode } from './page-overlays'

/** The reader toolbar's annotation buttons. */
export function AnnotationTools(props: {
  pen: AnnotationColor
  colors: ReadonlyArray<ColorLabel>
  mode: PenMode
  panelOpen: boolean
  onHighlight: () => void
  onPen: (color: AnnotationColor) => void
  onMode: (mode: PenMode) => void
  /** A sticky note at the top of the current page (the Note button used from the keyboard). */
  onNoteHere: () => void
  onTogglePanel: () => void
}) {
  return (
    <span className="ps-tools">
      <span className="pdf-toolbar__sep" />
      <button
        type="button"
        className="ps-tools__highlight"
        title="Highlight the selected text (H)"
        aria-keyshortcuts="H"
        onClick={props.onHighlight}
        data-color={props.pen}
      >
        Highlight
      </button>
      <select
        aria-label="Highlight colour"
        value={props.pen}
        onChange={(event) => props.onPen(event.target.value as AnnotationColor)}
      >
        {props.colors.map((c) => (
          <option key={c.color} value={c.color}>
            {c.label} ({c.color})
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-pressed={props.mode === 'note'}
        title="Sticky note: click a place on a page"
        onClick={(event) => {
          // From the keyboard there is no place to click: the note goes on the current page.
          if (event.detail === 0) props.onNoteHere()
          else props.onMode('note')
        }}
      >
        Note
      </button>
      <button
        type="button"
        aria-pressed={props.mode === 'area'}
        title="Area highlight: drag a rectangle over a figure or equation"
        onClick={() => props.onMode('area')}
      >
        Area
      </button>
      <button
        type="button"
        aria-pressed={props.panelOpen}
        aria-label="Show annotations"
        title="Show the Annotations panel"
        onClick={props.onTogglePanel}
      >
        ✎
      </button>
    </span>
  )
}
