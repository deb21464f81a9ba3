import { useLayoutEffect, useRef, useState, type Key, type ReactNode } from 'react'

/** Taking an entry away: with `confirm`, the first press only asks, the second acts. */
export type EntryRemoval = {
  /** The button's text, e.g. `Remove`. */
  label: string
  /** The button's accessible name, which names the entry, e.g. `Revoke Chromium`. */
  name: string
  /** The text and name while the button waits for the second press. */
  confirm?: { label: string; name: string }
  onRemove: () => void
}

/** One row of a settings list. */
export type SettingsEntry = {
  key: Key
  /** What the entry is, one child per line. */
  facts: ReactNode
  /** Buttons that act on the entry, shown before its removal. */
  actions?: ReactNode
  remove?: EntryRemoval
}

/**
 * The things a settings dialog keeps (arrival rules, kept files, paired extensions): a named
 * list, one row per entry with its facts and its buttons, a message while loading (`entries`
 * null) and when there is none. At most one row waits to confirm a removal. When a removed row
 * goes while the focus was on it, the focus moves to the row that took its place (or the one
 * before, or the empty message), so the keyboard stays in the list.
 */
export function SettingsList({
  label,
  heading = false,
  entries,
  empty,
  className,
  testId,
  emptyTestId,
}: {
  /** The list's accessible name; with `heading`, also the heading of its section. */
  label: string
  heading?: boolean
  entries: ReadonlyArray<SettingsEntry> | null
  /** What an empty list says; without it an empty list shows nothing. */
  empty?: ReactNode
  /** Classes added to the list, for its own layout. */
  className?: string
  testId?: string
  emptyTestId?: string
}) {
  const [confirming, setConfirming] = useState<Key | null>(null)
  const removing = useRef<{ key: Key; index: number } | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const emptyRef = useRef<HTMLParagraphElement>(null)

  useLayoutEffect(() => {
    const removed = removing.current
    if (!removed || entries === null || entries.some((entry) => entry.key === removed.key)) return
    removing.current = null
    // Only a focus lost with the row is moved; one the user has taken elsewhere stays there.
    const active = document.activeElement
    if (active !== null && active !== document.body) return
    const rows = listRef.current?.children ?? []
    const row = rows[Math.min(removed.index, rows.length - 1)]
    const target =
      row?.querySelector<HTMLElement>('.settings-list__remove') ??
      row?.querySelector<HTMLElement>('button') ??
      emptyRef.current
    target?.focus()
  }, [entries])

  const press = (entry: SettingsEntry, index: number) => {
    if (entry.remove?.confirm && confirming !== entry.key) {
      setConfirming(entry.key)
      return
    }
    setConfirming(null)
    removing.current = { key: entry.key, index }
    entry.remove?.onRemove()
  }

  let body: ReactNode = null
  if (entries === null) {
    body = <p className="muted">Loading…</p>
  } else if (entries.length > 0) {
    body = (
      <ul
        ref={listRef}
        className={className ? `settings-list ${className}` : 'settings-list'}
        aria-label={label}
        data-testid={testId}
      >
        {entries.map((entry, index) => (
          <li key={entry.key} className="settings-list__row">
            <div className="settings-list__facts">{entry.facts}</div>
            {entry.actions || entry.remove ? (
              <div className="settings-list__actions">
                {entry.actions}
                {entry.remove ? (
                  <RemoveButton
                    removal={entry.remove}
                    asking={confirming === entry.key}
                    onPress={() => press(entry, index)}
                  />
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    )
  } else if (empty !== undefined) {
    // Focusable from script only: it takes the focus when the last row is removed.
    body = (
      <p ref={emptyRef} className="muted" tabIndex={-1} data-testid={emptyTestId}>
        {empty}
      </p>
    )
  }
  return heading ? (
    <section aria-label={label}>
      <h3 className="settings-list__heading">{label}</h3>
      {body}
    </section>
  ) : (
    body
  )
}

/** A removal's button, showing its confirming face while it waits for the second press. */
function RemoveButton({
  removal,
  asking,
  onPress,
}: {
  removal: EntryRemoval
  asking: boolean
  onPress: () => void
}) {
  const face = asking && removal.confirm ? removal.confirm : removal
  return (
    <button
      type="button"
      className={asking ? 'settings-list__remove danger' : 'settings-list__remove link-button'}
      aria-label={face.name}
      onClick={onPress}
    >
      {face.label}
    </button>
  )
}

/**
 * The form that adds an entry to a settings list: an optional heading, the fields, then the
 * buttons with the submitting one last. Enter in a field submits.
 */
export function AddEntryForm({
  label,
  heading,
  submitLabel,
  canSubmit = true,
  onSubmit,
  otherButtons,
  children,
}: {
  /** The form's accessible name. */
  label: string
  heading?: ReactNode
  submitLabel: string
  canSubmit?: boolean
  onSubmit: () => void
  /** Buttons shown before the submitting one (a Close). */
  otherButtons?: ReactNode
  children: ReactNode
}) {
  return (
    <form
      className="form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      {heading ? <h3 className="settings-list__heading">{heading}</h3> : null}
      {children}
      <div className="form__actions">
        {otherButtons}
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
