import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId, SourceId } from '@shared/model/ids'
import type { DownloadJob, DownloadOverall, DownloadStatus, StorageUsage } from '@shared/model/pdf'
import type { ToastStore } from '../../components/toast-store'
import { fileToBase64, isPdfFile } from './pdf-files'
import { createListeners } from '../../hooks/create-listeners'

/** Which papers to make available offline: ids, a tag, a list or a source. */
export type OfflineTarget =
  { ids: ReadonlyArray<PaperId> } | { tag: string } | { listId: number } | { sourceId: SourceId }

/** What the downloads panel and storage dialog show. */
export type DownloadsState = {
  /** Jobs seen this session, newest last; finished ones stay until cleared. */
  jobs: ReadonlyArray<DownloadJob>
  overall: DownloadOverall
  usage: StorageUsage | null
}

/** Downloads, storage use and PDF drops: the state and the intents that change it. */
export type DownloadsStore = {
  getState: () => DownloadsState
  subscribe: (listener: () => void) => () => void
  /** Follows `pdf.progress` and loads the queue; returns the function that stops. */
  start: () => () => void
  makeOffline: (target: OfflineTarget, label: string) => Promise<void>
  cancel: (ids?: ReadonlyArray<PaperId>) => Promise<void>
  retry: (id: PaperId) => Promise<void>
  /** Forgets finished, failed and cancelled jobs. */
  clearFinished: () => void
  loadUsage: () => Promise<void>
  /** Removes stored PDFs of a source (or of every source); the papers stay. */
  removeDownloaded: (sourceId: SourceId | null) => Promise<void>
  /** True when the paper's PDF is stored in the library. */
  isStored: (id: PaperId) => Promise<boolean>
  /** Attaches dropped files to a paper (the first PDF), or says why not. */
  attachDropped: (id: PaperId, files: ReadonlyArray<File>) => Promise<void>
  /** Says where PDFs can be dropped, after a drop elsewhere. */
  strayDrop: () => void
  /** Adds each dropped PDF as a new paper, or says why not. */
  addDropped: (files: ReadonlyArray<File>) => Promise<void>
}

const EMPTY_OVERALL: DownloadOverall = { queued: 0, running: 0, failed: 0, received: 0, total: 0 }

/** Creates the downloads store over the API; errors go to the toasts. */
export function createDownloadsStore(deps: {
  api: LibraryApi
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  toasts: ToastStore
}): DownloadsStore {
  const { api, toasts } = deps
  let state: DownloadsState = { jobs: [], overall: EMPTY_OVERALL, usage: null }
  const listeners = createListeners()
  const set = (patch: Partial<DownloadsState>) => {
    state = { ...state, ...patch }
    listeners.notify()
  }
  const upsert = (job: DownloadJob) => {
    const others = state.jobs.filter((known) => known.paperId !== job.paperId)
    set({ jobs: [...others, job] })
  }
  // `pdf.progress` events and status answers come over separate connections, so an event sent
  // after a status was read can arrive before it: what such an event said is newer than the answer.
  let events = 0
  const lastEvent = new Map<PaperId, number>()
  /** The queue as read now, less what events brought while the answer was on its way. */
  const readStatus = async (): Promise<DownloadStatus & { newer: (id: PaperId) => boolean }> => {
    const asked = events
    const status = await api.downloadStatus({})
    const newer = (id: PaperId) => (lastEvent.get(id) ?? 0) > asked
    return {
      jobs: status.jobs.filter((job) => !newer(job.paperId)),
      overall: events > asked ? state.overall : status.overall,
      newer,
    }
  }
  const run = async (work: () => Promise<void>) => {
    try {
      await work()
    } catch (error) {
      toasts.fail(error)
    }
  }
  let usageTimer: ReturnType<typeof setTimeout> | undefined
  const refreshUsageSoon = () => {
    clearTimeout(usageTimer)
    usageTimer = setTimeout(() => void run(loadUsage), 300)
  }
  const loadUsage = async () => {
    set({ usage: await api.storageUsage({}) })
  }

  const nonPdf = (files: ReadonlyArray<File>) => files.filter((file) => !isPdfFile(file))
  const rejectNonPdf = (files: ReadonlyArray<File>): File[] => {
    const others = nonPdf(files)
    if (others.length > 0) {
      const names = others.map((file) => `“${file.name}”`).join(', ')
      toasts.notify({
        kind: 'error',
        message: `Only PDF files can be dropped here; ${names} ${others.length === 1 ? 'is' : 'are'} not a PDF.`,
      })
    }
    return files.filter(isPdfFile)
  }

  return {
    getState: () => state,
    subscribe: listeners.subscribe,
    start() {
      const unsubscribe = deps.subscribeToEvents((event) => {
        // A stored, attached or removed file changes the storage line too.
        if (event.type === 'library.changed' && event.payload.reason === 'pdf') refreshUsageSoon()
        if (event.type !== 'pdf.progress') return
        const { job, overall } = event.payload
        events += 1
        lastEvent.set(job.paperId, events)
        upsert(job)
        set({ overall })
        if (job.state === 'failed') {
          toasts.notify({
            kind: 'error',
            message: `Could not download “${job.title}”: ${job.error ?? 'unknown error'}`,
          })
        }
        if (job.state === 'done') refreshUsageSoon()
      })
      void run(async () => {
        const status = await readStatus()
        const evented = state.jobs.filter((job) => status.newer(job.paperId))
        set({ jobs: [...status.jobs, ...evented], overall: status.overall })
        await loadUsage()
      })
      return () => {
        clearTimeout(usageTimer)
        unsubscribe()
      }
    },
    makeOffline: (target, label) =>
      run(async () => {
        const input = 'ids' in target ? { ids: [...target.ids] } : target
        const report = await api.downloadPdfs(input)
        const parts = [`${report.queued.length} queued`]
        if (report.alreadyStored.length > 0) {
          parts.push(`${report.alreadyStored.length} already stored`)
        }
        if (report.noLink.length > 0) parts.push(`${report.noLink.length} with no PDF link`)
        toasts.notify({
          kind: 'info',
          message: `Make ${label} available offline: ${parts.join(', ')}.`,
        })
        const status = await readStatus()
        for (const job of status.jobs) upsert(job)
        set({ overall: status.overall })
      }),
    cancel: (ids) =>
      run(async () => {
        await api.cancelDownload(ids ? { ids: [...ids] } : {})
        const status = await readStatus()
        const open = new Map(status.jobs.map((job) => [job.paperId, job]))
        set({
          overall: status.overall,
          jobs: state.jobs.map((job) => {
            if (status.newer(job.paperId)) return job
            const now = open.get(job.paperId)
            if (now) return now
            const wasOpen = job.state === 'queued' || job.state === 'running'
            const named = ids === undefined || ids.includes(job.paperId)
            return wasOpen && named ? { ...job, state: 'cancelled' } : job
          }),
        })
      }),
    retry: (id) =>
      run(async () => {
        await api.downloadPdfs({ ids: [id] })
        const status = await readStatus()
        for (const job of status.jobs) upsert(job)
        set({ overall: status.overall })
      }),
    clearFinished() {
      set({ jobs: state.jobs.filter((job) => job.state === 'queued' || job.state === 'running') })
    },
    loadUsage: () => run(loadUsage),
    removeDownloaded: (sourceId) =>
      run(async () => {
        const usage = state.usage ?? (await api.storageUsage({}))
        const sources =
          sourceId === null ? usage.sources.map((source) => source.sourceId) : [sourceId]
        for (const source of sources) await api.removePdf({ sourceId: source })
        await loadUsage()
        toasts.notify({ kind: 'info', message: 'Removed the stored PDFs; the papers stay.' })
      }),
    isStored: async (id) => (await api.pdfUrl({ id })) !== null,
    attachDropped: (id, files) =>
      run(async () => {
        const pdfs = rejectNonPdf(files)
        const file = pdfs[0]
        if (!file) return
        const report = await api.attachPdf({ id, data: await fileToBase64(file), name: file.name })
        toasts.notify({
          kind: 'info',
          message: `Attached “${file.name}” (${report.pageCount} pages).`,
        })
        await loadUsage()
      }),
    strayDrop() {
      toasts.notify({
        kind: 'info',
        message: 'Drop a PDF on a paper to attach it, or on the paper list to add it.',
      })
    },
    addDropped: (files) =>
      run(async () => {
        for (const file of rejectNonPdf(files)) {
          const report = await api.addPdf({ data: await fileToBase64(file), name: file.name })
          const found = report.found.arxivId
            ? ` (arXiv:${report.found.arxivId})`
            : report.found.doi
              ? ` (doi:${report.found.doi})`
              : ''
          toasts.notify({
            kind: 'info',
            message: report.created
              ? `Added “${file.name}” as a new paper${found}.`
              : `“${file.name}” was attached to a paper already in the library${found}.`,
          })
        }
        await loadUsage()
      }),
  }
}
