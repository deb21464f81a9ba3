import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { DownloadJob, DownloadOverall, DownloadStatus } from '@shared/model/pdf'
import { describe, expect, it, vi } from 'vitest'
import { createToastStore } from '../../components/toast-store'
import { createDownloadsStore } from './downloads-store'

const ID = 6 as PaperId
const IDLE: DownloadOverall = { queued: 0, running: 0, failed: 0, received: 0, total: 0 }
const BUSY: DownloadOverall = { ...IDLE, running: 1 }

const job = (state: DownloadJob['state']): DownloadJob => ({
  paperId: ID,
  title: 'arXiv:2401.00006',
  state,
  url: 'http://127.0.0.1/pdf/2401.00006',
  received: 0,
  total: null,
  error: null,
})

/**
 * A downloads store whose status answers wait until the test lets them go, so a `pdf.progress`
 * event can arrive while one is on its way (events and answers travel on separate connections).
 */
function setup() {
  let emit: (event: AppEventEnvelope) => void = () => {}
  const answers: Array<(status: DownloadStatus) => void> = []
  const api = {
    downloadStatus: vi.fn(() => new Promise<DownloadStatus>((resolve) => answers.push(resolve))),
    downloadPdfs: vi.fn(() =>
      Promise.resolve({ queued: [ID], alreadyStored: [], noLink: [], missing: [] }),
    ),
    cancelDownload: vi.fn(() => Promise.resolve({ cancelled: 1 })),
    storageUsage: vi.fn(() => Promise.resolve({ totalBytes: 0, files: 0, sources: [] })),
  }
  const store = createDownloadsStore({
    api: api as unknown as LibraryApi,
    subscribeToEvents: (listener) => {
      emit = listener
      return () => (emit = () => {})
    },
    toasts: createToastStore(0),
  })
  const progress = (state: DownloadJob['state'], overall: DownloadOverall) =>
    emit({ type: 'pdf.progress', payload: { job: job(state), overall } })
  /** Settles once a status request is on its way. */
  const asked = () => vi.waitFor(() => expect(answers.length).toBeGreaterThan(0))
  /** Answers the oldest status request on its way. */
  const answer = async (status: DownloadStatus) => {
    await asked()
    answers.shift()?.(status)
  }
  const stateOf = () => store.getState().jobs.find((known) => known.paperId === ID)?.state
  return { store, progress, asked, answer, stateOf }
}

describe('features/downloads/downloads-store', () => {
  it('keeps a finished retry done when the status read before it finished arrives after it', async () => {
    const { store, progress, asked, answer, stateOf } = setup()
    const stop = store.start()
    await answer({ jobs: [job('failed')], overall: { ...IDLE, failed: 1 } })
    await vi.waitFor(() => expect(stateOf()).toBe('failed'))

    const retried = store.retry(ID)
    await asked()
    progress('running', BUSY)
    progress('done', IDLE)
    await answer({ jobs: [job('running')], overall: BUSY })
    await retried
    expect(stateOf()).toBe('done')
    expect(store.getState().overall).toEqual(IDLE)
    stop()
  })

  it('takes the queue from a status answer when no event came while it was on its way', async () => {
    const { store, answer, stateOf } = setup()
    const stop = store.start()
    await answer({ jobs: [], overall: IDLE })
    const made = store.makeOffline({ ids: [ID] }, 'the paper')
    await answer({ jobs: [job('running')], overall: BUSY })
    await made
    expect(stateOf()).toBe('running')
    expect(store.getState().overall).toEqual(BUSY)
    stop()
  })

  it('keeps the event a download sent while the first status was on its way', async () => {
    const { store, progress, asked, answer, stateOf } = setup()
    const stop = store.start()
    await asked()
    progress('done', IDLE)
    await answer({ jobs: [job('running')], overall: BUSY })
    await vi.waitFor(() => expect(stateOf()).toBe('done'))
    expect(store.getState().overall).toEqual(IDLE)
    stop()
  })

  it('keeps a download that finished while a cancel was on its way done', async () => {
    const { store, progress, asked, answer, stateOf } = setup()
    const stop = store.start()
    await answer({ jobs: [job('running')], overall: BUSY })
    await vi.waitFor(() => expect(stateOf()).toBe('running'))
    const cancelled = store.cancel([ID])
    await asked()
    progress('done', IDLE)
    await answer({ jobs: [job('running')], overall: BUSY })
    await cancelled
    expect(stateOf()).toBe('done')
    stop()
  })
})
