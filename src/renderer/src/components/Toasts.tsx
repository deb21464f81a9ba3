import { useStore } from '../hooks/use-store'
import type { ToastStore } from './toast-store'

/** The toasts in the bottom corner; errors are announced assertively. */
export function Toasts({ store }: { store: ToastStore }) {
  const toasts = useStore(store)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
        >
          <span className="toast__message">{toast.message}</span>
          {[toast.action, toast.secondAction].map((action) =>
            action ? (
              <button
                key={action.label}
                type="button"
                className="toast__action"
                onClick={() => {
                  action.run()
                  store.dismiss(toast.id)
                }}
              >
                {action.label}
              </button>
            ) : null,
          )}
          <button
            type="button"
            className="toast__close"
            aria-label="Dismiss"
            onClick={() => store.dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
