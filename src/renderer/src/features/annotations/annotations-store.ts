import type { AppEventEnvelope } from '@shared/api/events'
import type { ApiInput } from '@shared/api/inputs'
import type { LibraryApi } from '@shared/api/library-api'
import type { Annotation, AnnotationColor, ColorLabel, PdfRect } from '@shared/model/annotation'
import { ANNOTATION_COLORS } from '@shared/model/annotation'
import type { PaperId } from '@shared/model/ids'
import { createListeners } from '../../hooks/create-listeners'

/** A paper's annotations as the reader shows them. */
export type AnnotationsState = {
  annotations: ReadonlyArray<Annotation>
  colors: ReadonlyArray<ColorLabel>
  /** Colours the panel shows (all by default). */
  shown: ReadonlySet<AnnotationColor>
  /** The colour new highlights get. */
  pen: AnnotationColor
  /** The annotation last made, clicked or jumped to. */
  activeId: number | null
  loaded: boolean
  error: string | null
}

/** Loads, edits and follows one paper's annotations. */
export type AnnotationsStore = ReturnType<typeof createAnnotationsStore>

const PEN_KEY = 'papershelf.reader.pen'

/** Creates the store for one paper. */
export function createAnnotationsStore(deps: {
  api: LibraryApi
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  paperId: PaperId
}) {
  const { api, paperId } = deps
  const savedPen = localStorage.getItem(PEN_KEY)
  let state: AnnotationsState = {
    annotations: [],
    colors: [],
    shown: new Set(ANNOTATION_COLORS),
    pen: ANNOTATION_COLORS.find((c) => c === savedPen) ?? 'yellow',
    activeId: null,
    loaded: false,
    error: null,
  }
  const listeners = createListeners()
  const set = (change: Partial<AnnotationsState>) => {
    state = { ...state, ...change }
    listeners.notify()
  }
  const fail = (error: unknown) =>
    set({ error: error instanceof Error ? error.message : String(error) })
  const guard = async <T>(work: () => Promise<T>): Promise<T | null> => {
    try {
      set({ error: null })
      return await work()
    } catch (error) {
      fail(error)
      return null
    }
  }

  const load = async () => {
    const list = await guard(() => api.listAnnotations({ paperId }))
    if (list) set({ annotations: list.annotations, colors: list.colors, loaded: true })
  }

  return {
    getState: () => state,
    subscribe: listeners.subscribe,
    /** Loads and follows changes made elsewhere (another window, the CLI); returns the stop function. */
    start(): () => void {
      void load()
      return deps.subscribeToEvents((event) => {
        if (
          event.type === 'library.changed' &&
          event.payload.reason === 'annotations' &&
          (event.payload.paperIds.length === 0 || event.payload.paperIds.includes(paperId))
        ) {
          void load()
        }
      })
    },
    reload: load,
    async add(input: Omit<ApiInput<'addAnnotation'>, 'paperId' | 'color'>) {
      const made = await guard(() => api.addAnnotation({ ...input, paperId, color: state.pen }))
      if (made) {
        await load()
        set({ activeId: made.id })
      }
      return made
    },
    async update(
      id: number,
      change: { color?: AnnotationColor; comment?: string; rects?: PdfRect[] },
    ) {
      const updated = await guard(() => api.updateAnnotation({ id, ...change }))
      if (updated) {
        set({ annotations: state.annotations.map((a) => (a.id === id ? updated : a)) })
      }
      return updated
    },
    async remove(id: number) {
      const done = await guard(() => api.deleteAnnotation({ id }))
      if (done) {
        set({
          annotations: state.annotations.filter((a) => a.id !== id),
          activeId: state.activeId === id ? null : state.activeId,
        })
      }
    },
    async renameColor(color: AnnotationColor, label: string) {
      const colors = await guard(() => api.renameAnnotationColor({ color, label }))
      if (colors) set({ colors })
    },
    setPen(pen: AnnotationColor) {
      localStorage.setItem(PEN_KEY, pen)
      set({ pen })
    },
    toggleShown(color: AnnotationColor) {
      const shown = new Set(state.shown)
      if (shown.has(color)) shown.delete(color)
      else shown.add(color)
      set({ shown })
    },
    setActive(activeId: number | null) {
      set({ activeId })
    },
    setError(error: string | null) {
      set({ error })
    },
    /** The Markdown of this paper's annotations (pictures inline), for a download. */
    async exportMarkdown() {
      const result = await guard(() => api.exportAnnotations({ ids: [paperId] }))
      return result?.files[0] ?? null
    },
  }
}
