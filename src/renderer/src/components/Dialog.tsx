import { useEffect, useRef, type ReactNode } from 'react'

/** A modal dialog: Escape or the backdrop closes it, focus moves in and comes back after. */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  wide?: boolean
}) {
  const ref = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const first = ref.current?.querySelector<HTMLElement>(
      'input, textarea, select, button:not(.dialog__close)',
    )
    ;(first ?? ref.current)?.focus()
    // A button disabled while it works ("Importing…") drops the focus to the page: take it back,
    // so Escape and Tab still act on the dialog.
    const recover = () => {
      if (document.activeElement === document.body || document.activeElement === null) {
        ref.current?.focus()
        return true
      }
      return false
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && recover()) {
        event.preventDefault()
        closeRef.current()
      }
    }
    const watch = new MutationObserver(() => queueMicrotask(recover))
    if (ref.current) watch.observe(ref.current, { subtree: true, attributeFilter: ['disabled'] })
    document.addEventListener('keydown', onKeyDown)
    return () => {
      watch.disconnect()
      document.removeEventListener('keydown', onKeyDown)
      // The opener may be gone (the first-run screen's button once papers arrive): the list then.
      if (previous?.isConnected) previous.focus()
      else document.querySelector<HTMLElement>('.paper-list')?.focus()
    }
  }, [])
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={ref}
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-label={title}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onClose()
          }
        }}
      >
        <header className="dialog__header">
          <h2 className="dialog__title">{title}</h2>
          <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog__body">{children}</div>
      </div>
    </div>
  )
}
