import { createListeners } from '../hooks/create-listeners'

/** A short message in the corner; failures and undoable changes go through here. */
export type Toast = {
  id: number
  kind: 'error' | 'info'
  message: string
  action?: { label: string; run: () => void }
  /** A second choice beside `action` ("Delete tag" beside "Undo"). */
  secondAction?: { label: string; run: () => void }
  /** Stays until dismissed, like an error (a pairing code to read off). */
  sticky?: boolean
}

/** The toasts on screen and the one way to add them. */
export type ToastStore = {
  getState: () => ReadonlyArray<Toast>
  subscribe: (listener: () => void) => () => void
  /** Shows a message; errors stay until dismissed, the rest for a few seconds. */
  notify: (toast: Omit<Toast, 'id'>) => number
  /** Shows what went wrong in a failed action. */
  fail: (error: unknown) => void
  dismiss: (id: number) => void
}

/** Creates the toast store; `ttlMs` is how long an info toast stays. */
export function createToastStore(ttlMs = 6000): ToastStore {
  let toasts: ReadonlyArray<Toast> = []
  let next = 1
  const listeners = createListeners()
  const set = (value: ReadonlyArray<Toast>) => {
    toasts = value
    listeners.notify()
  }
  const dismiss = (id: number) => set(toasts.filter((toast) => toast.id !== id))
  const notify = (toast: Omit<Toast, 'id'>): number => {
    const id = next++
    // Quick edits (s, r, s…) coalesce: a new notice replaces the one before; errors stay.
    const kept =
      toast.kind === 'info' ? toasts.filter((t) => t.kind === 'error' || t.sticky === true) : toasts
    set([...kept.slice(-3), { ...toast, id }])
    if (toast.kind === 'info' && toast.sticky !== true) setTimeout(() => dismiss(id), ttlMs)
    return id
  }
  return {
    getState: () => toasts,
    subscribe: listeners.subscribe,
    notify,
    fail: (error) => {
      notify({ kind: 'error', message: messageOf(error) })
    },
    dismiss,
  }
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
