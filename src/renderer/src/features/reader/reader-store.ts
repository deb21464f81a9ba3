import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { PaperDetail } from '@shared/model/paper'
import type { DownloadJob, PdfLocation, ReadingPosition } from '@shared/model/pdf'
import { positionChanged } from './view-state'
import { createListeners } from '../../hooks/create-listeners'
import { fileToBase64 } from '../downloads/pdf-files'

/** What the reader shows around the viewer. */
export type ReaderState = {
  paper: PaperDetail | null
  location: PdfLocation | null
  /** True once the first answer came back. */
  loaded: boolean
  download: DownloadJob | null
  error: string | null
}

/** The reader's store: loading, remembering the position, marking read, fetching or attaching the PDF. */
export type ReaderStore = {
  getState: () => ReaderState
  subscribe: (listener: () => void) => () => void
  /** Loads the paper and its PDF and follows downloads; returns the stop function. */
  start: () => () => void
  /** Remembers page and zoom (debounced); the first call marks an unread paper as reading. */
  savePosition: (position: ReadingPosition) => void
  markRead: () => Promise<void>
  download: () => Promise<void>
  attach: (file: File) => Promise<void>
}

const SAVE_DELAY_MS = 600

/** Creates the store for one paper. */
export function createReaderStore(deps: {
  api: LibraryApi
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  paperId: PaperId
}): ReaderStore {
  const { api, paperId } = deps
  let state: ReaderState = {
    paper: null,
    location: null,
    loaded: false,
    download: null,
    error: null,
  }
  const listeners = createListeners()
  const set = (change: Partial<ReaderState>) => {
    state = { ...state, ...change }
    listeners.notify()
  }
  const fail = (error: unknown) =>
    set({ error: error instanceof Error ? error.message : String(error) })

  let saved: ReadingPosition | null = null
  let pending: ReadingPosition | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    if (timer) clearTimeout(timer)
    timer = null
    const position = pending
    pending = null
    if (!position || !positionChanged(saved, position)) return
    saved = position
    api.setReadingPosition({ id: paperId, ...position }).then(async () => {
      if (state.paper?.status === 'unread') set({ paper: await api.getPaper({ id: paperId }) })
    }, fail)
  }

  const load = async () => {
    try {
      const [paper, location] = await Promise.all([
        api.getPaper({ id: paperId }),
        api.pdfUrl({ id: paperId }),
      ])
      saved = location?.position ?? null
      set({ paper, location, loaded: true, error: null })
      if (!location) {
        const job = (await api.downloadStatus({})).jobs.find((j) => j.paperId === paperId) ?? null
        set({ download: job })
      }
    } catch (error) {
      set({ loaded: true })
      fail(error)
    }
  }

  return {
    getState: () => state,
    subscribe: listeners.subscribe,
    start() {
      void load()
      const stop = deps.subscribeToEvents((event) => {
        if (event.type === 'pdf.progress' && event.payload.job.paperId === paperId) {
          set({ download: event.payload.job })
          if (event.payload.job.state === 'done' && !state.location) void load()
        }
        if (
          event.type === 'library.changed' &&
          event.payload.reason === 'pdf' &&
          event.payload.paperIds.includes(paperId)
        ) {
          if (!state.location) void load()
        }
      })
      // A reload or a closed window does not unmount: save the last position while the page goes.
      window.addEventListener('pagehide', flush)
      return () => {
        window.removeEventListener('pagehide', flush)
        flush()
        stop()
      }
    },
    savePosition(position) {
      pending = position
      if (saved === null) flush()
      else {
        if (timer) clearTimeout(timer)
        timer = setTimeout(flush, SAVE_DELAY_MS)
      }
    },
    async markRead() {
      try {
        await api.setStatus({ ids: [paperId], status: 'read' })
        set({ paper: await api.getPaper({ id: paperId }) })
      } catch (error) {
        fail(error)
      }
    },
    async download() {
      try {
        set({ error: null })
        const report = await api.downloadPdfs({ ids: [paperId] })
        if (report.noLink.length > 0) {
          set({ error: 'No PDF address is known for this paper. Drop a PDF file here instead.' })
        }
      } catch (error) {
        fail(error)
      }
    },
    async attach(file) {
      try {
        set({ error: null })
        const data = await fileToBase64(file)
        await api.attachPdf({ id: paperId, data, name: file.name })
        await load()
      } catch (error) {
        fail(error)
      }
    },
  }
}
