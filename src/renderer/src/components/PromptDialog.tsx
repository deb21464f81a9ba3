import { useState } from 'react'
import { Dialog } from './Dialog'

/** Asks for one line of text (a tag or list name), with optional suggestions. */
export function PromptDialog({
  title,
  label,
  initial = '',
  submitLabel,
  suggestions = [],
  onSubmit,
  onClose,
}: {
  title: string
  label: string
  initial?: string
  submitLabel: string
  suggestions?: ReadonlyArray<string>
  onSubmit: (value: string) => void
  onClose: () => void
}) {
  const [value, setValue] = useState(initial)
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          if (value.trim() === '') return
          onSubmit(value.trim())
          onClose()
        }}
      >
        <label className="form__field">
          <span>{label}</span>
          <input
            value={value}
            list={suggestions.length > 0 ? 'prompt-suggestions' : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        {suggestions.length > 0 ? (
          <datalist id="prompt-suggestions">
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        ) : null}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
