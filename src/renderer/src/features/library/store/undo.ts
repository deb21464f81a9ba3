import type { LibraryStore } from '../library-store'
import { popUndo, pushUndo } from '../undo-stack'
import type { StoreContext } from './store-context'

/** The undo of the library screen: Ctrl+Z and the toast's Undo take back the newest change. */
export type Undo = Pick<LibraryStore, 'recordUndo' | 'undo'>

/** Creates the undo over the state's stack. */
export function createUndo(ctx: StoreContext): Undo {
  const { toasts } = ctx
  const undo = (): Promise<void> =>
    ctx.run(async () => {
      const { entry, rest } = popUndo(ctx.get().undo)
      if (!entry) {
        toasts.notify({ kind: 'info', message: 'Nothing to undo.' })
        return
      }
      ctx.set({ undo: rest })
      await entry.undo()
      toasts.notify({ kind: 'info', message: `Undone: ${entry.label}` })
    })
  return {
    recordUndo(label, action) {
      ctx.set({ undo: pushUndo(ctx.get().undo, { label, undo: action }) })
      toasts.notify({
        kind: 'info',
        message: label,
        action: { label: 'Undo', run: () => void undo() },
      })
    },
    undo,
  }
}
