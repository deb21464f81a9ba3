import type { PaperId } from '@shared/model/ids'
import type { StoreContext } from './store-context'

/** The detail pane's paper: it follows the keyboard, a little behind it. */
export type PaperDetailLoader = {
  /** Fetches the focused paper's detail after `delay` ms (none when no paper is focused). */
  load: (delay: number) => void
  /**
   * Loads the detail when the focused row is another paper than the one shown, unless that
   * paper's detail is on its way already (rows arriving must not keep postponing it).
   */
  loadIfMoved: () => void
  /** After a focus change: a new paper's detail is fetched, the same paper's kept. */
  followFocus: (moved: boolean) => void
  /** The `t` key: the tag editor takes focus, once the focused paper's detail is shown. */
  requestTagFocus: () => void
  stop: () => void
}

/** Creates the detail loader; `focusedId` is the paper under the keyboard now. */
export function createPaperDetailLoader(
  ctx: StoreContext,
  focusedId: () => PaperId | null,
): PaperDetailLoader {
  const { api, toasts } = ctx
  let detailTimer: ReturnType<typeof setTimeout> | undefined
  let detailRequest = 0
  /** The paper whose detail is scheduled or being fetched. */
  let detailLoading: PaperId | null = null
  let tagFocusWaiting = false

  const load = (delay: number): void => {
    clearTimeout(detailTimer)
    const id = focusedId()
    const request = ++detailRequest
    detailLoading = id
    if (id === null) {
      if (ctx.get().detail !== null) ctx.set({ detail: null })
      return
    }
    detailTimer = setTimeout(() => {
      api
        .getPaper({ id })
        .then((detail) => {
          if (request !== detailRequest) return
          // `t` pressed while this paper's detail was on its way: its tag box takes the keys.
          const tagFocus = tagFocusWaiting ? { tagFocusRequest: ctx.get().tagFocusRequest + 1 } : {}
          tagFocusWaiting = false
          ctx.set({ detail, ...tagFocus })
        })
        .catch((error: unknown) => {
          if (request === detailRequest) toasts.fail(error)
        })
        .finally(() => {
          if (request === detailRequest) detailLoading = null
        })
    }, delay)
  }

  const loadIfMoved = (): void => {
    const id = focusedId()
    const { detail } = ctx.get()
    if (id === null) {
      if (detail !== null) load(0)
    } else if (detail?.id !== id && detailLoading !== id) load(60)
  }

  return {
    load,
    loadIfMoved,
    followFocus(moved) {
      if (!moved) {
        loadIfMoved()
        return
      }
      // A tag key pressed for the paper left behind is not carried to the next one.
      tagFocusWaiting = false
      load(60)
    },
    requestTagFocus() {
      const id = focusedId()
      const { detail, tagFocusRequest } = ctx.get()
      if (id === null || detail?.id === id) {
        ctx.set({ tagFocusRequest: tagFocusRequest + 1 })
        return
      }
      // The pane still shows the paper focused before: tag the focused one once it is shown.
      tagFocusWaiting = true
      load(0)
    },
    stop: () => clearTimeout(detailTimer),
  }
}
