import { useEffect, useRef } from 'react'
import type { AnnotationColor, ColorLabel } from '@shared/model/annotation'
import { COLOR_HEX } from '@shared/model/annotation'

/** Renames what each colour means; a name is saved when its field is left or Enter is pressed. */
export function ColorNames(props: {
  colors: ReadonlyArray<ColorLabel>
  onRename: (color: AnnotationColor, label: string) => void
  onClose: () => void
}) {
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])
  const save = (color: AnnotationColor, previous: string, value: string) => {
    const label = value.trim()
    if (label !== '' && label !== previous) props.onRename(color, label)
  }
  return (
    <div
      className="ps-names"
      role="group"
      aria-label="Colour names"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          props.onClose()
        }
      }}
    >
      {props.colors.map((c, index) => (
        <label key={c.color} style={{ '--annot-color': COLOR_HEX[c.color] } as React.CSSProperties}>
          <span className="ps-swatch" aria-hidden="true" />
          <input
            ref={index === 0 ? first : undefined}
            aria-label={`Name of ${c.color}`}
            defaultValue={c.label}
            maxLength={60}
            onBlur={(event) => save(c.color, c.label, event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save(c.color, c.label, event.currentTarget.value)
            }}
          />
        </label>
      ))}
      <button type="button" onClick={props.onClose}>
        Done
      </button>
    </div>
  )
}
