import { useState, type RefObject } from 'react'

/** What the find bar asks the viewer to do. */
export type FindCommand =
  { kind: 'search' | 'next' | 'previous'; query: string } | { kind: 'close' }

/** Where a search stands. */
export type FindStatus = {
  current: number
  total: number
  state: 'idle' | 'pending' | 'found' | 'not-found'
}

/** The find-in-document bar: type to search, Enter / Shift+Enter for next / previous, Esc to close. */
export function FindBar({
  inputRef,
  initialQuery,
  status,
  onCommand,
}: {
  inputRef: RefObject<HTMLInputElement | null>
  initialQuery: string
  status: FindStatus
  onCommand: (command: FindCommand) => void
}) {
  const [query, setQuery] = useState(initialQuery)
  const summary =
    query.trim() === ''
      ? ''
      : status.state === 'not-found'
        ? 'Not found'
        : status.total > 0
          ? `${status.current} of ${status.total}`
          : status.state === 'pending'
            ? 'Searching…'
            : ''
  return (
    <div className="pdf-find" role="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value)
          onCommand({ kind: 'search', query: event.target.value })
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            onCommand({ kind: event.shiftKey ? 'previous' : 'next', query })
          }
        }}
      />
      <button
        type="button"
        aria-label="Previous match"
        onClick={() => onCommand({ kind: 'previous', query })}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        onClick={() => onCommand({ kind: 'next', query })}
      >
        ↓
      </button>
      <span className="pdf-find__status" data-testid="find-status" aria-live="polite">
        {summary}
      </span>
      <button type="button" aria-label="Close find" onClick={() => onCommand({ kind: 'close' })}>
        ×
      </button>
    </div>
  )
}
