import { useState } from 'react'
import type { DownloadJob } from '@shared/model/pdf'
import { useStore } from '../../hooks/use-store'
import type { DownloadsStore } from './downloads-store'
import { formatBytes } from './pdf-files'
import { useGuardFileDrops } from './use-guard-file-drops'
import './downloads.css'

const STATE_LABELS: Record<DownloadJob['state'], string> = {
  queued: 'Waiting',
  running: 'Downloading',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** How far a job is, as a fraction, when its size is known. */
function fractionOf(job: DownloadJob): number | null {
  if (job.state === 'done') return 1
  return job.total && job.total > 0 ? Math.min(1, job.received / job.total) : null
}

/** One download: title, state, bytes, a progress bar, and cancel or retry. */
function JobRow({ job, store }: { job: DownloadJob; store: DownloadsStore }) {
  const fraction = fractionOf(job)
  const open = job.state === 'queued' || job.state === 'running'
  return (
    <li
      className={`download download--${job.state}`}
      data-testid="download-job"
      data-state={job.state}
    >
      <div className="download__line">
        <span className="download__title" title={job.title}>
          {job.title}
        </span>
        {open ? (
          <button
            type="button"
            className="link-button"
            aria-label={`Cancel download of ${job.title}`}
            onClick={() => void store.cancel([job.paperId])}
          >
            Cancel
          </button>
        ) : job.state === 'failed' || job.state === 'cancelled' ? (
          <button
            type="button"
            className="link-button"
            aria-label={`Retry download of ${job.title}`}
            onClick={() => void store.retry(job.paperId)}
          >
            Retry
          </button>
        ) : null}
      </div>
      <progress
        className="download__bar"
        aria-label={`Progress of ${job.title}`}
        max={1}
        value={fraction ?? undefined}
      />
      <div className="download__meta">
        <span>{STATE_LABELS[job.state]}</span>
        {job.received > 0 ? (
          <span>
            {formatBytes(job.received)}
            {job.total ? ` of ${formatBytes(job.total)}` : ''}
          </span>
        ) : null}
      </div>
      {job.state === 'failed' && job.error ? <p className="download__error">{job.error}</p> : null}
    </li>
  )
}

/** The sidebar footer: overall download progress and storage use, opening into every job. */
export function DownloadsPanel({
  store,
  onManageStorage,
}: {
  store: DownloadsStore
  onManageStorage: () => void
}) {
  const state = useStore(store)
  const [open, setOpen] = useState(false)
  useGuardFileDrops(store.strayDrop)
  const { overall, jobs, usage } = state
  const active = overall.queued + overall.running
  const finished = jobs.filter((job) => job.state !== 'queued' && job.state !== 'running')
  const summary =
    active > 0
      ? `Downloading ${active} PDF${active === 1 ? '' : 's'}`
      : overall.failed > 0 || jobs.some((job) => job.state === 'failed')
        ? 'Some downloads failed'
        : jobs.length > 0
          ? 'Downloads finished'
          : 'No downloads'
  const fraction = overall.total > 0 ? Math.min(1, overall.received / overall.total) : null
  return (
    <section className="downloads" aria-label="Downloads" data-testid="downloads-panel">
      <button
        type="button"
        className="downloads__summary"
        aria-expanded={open}
        aria-controls="downloads-jobs"
        onClick={() => setOpen(!open)}
      >
        <span>{summary}</span>
        <span className="downloads__chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      {active > 0 ? (
        <progress
          className="download__bar"
          aria-label="Overall download progress"
          max={1}
          value={fraction ?? undefined}
        />
      ) : null}
      {active > 0 && overall.total > 0 ? (
        <p className="downloads__bytes" data-testid="downloads-overall">
          {formatBytes(overall.received)} of {formatBytes(overall.total)}
        </p>
      ) : null}
      {open ? (
        <div id="downloads-jobs" className="downloads__popover">
          {jobs.length === 0 ? (
            <p className="muted downloads__empty">Nothing downloading.</p>
          ) : (
            <ul className="downloads__jobs">
              {[...jobs].reverse().map((job) => (
                <JobRow key={job.paperId} job={job} store={store} />
              ))}
            </ul>
          )}
          <div className="downloads__actions">
            {active > 0 ? (
              <button type="button" className="link-button" onClick={() => void store.cancel()}>
                Cancel all
              </button>
            ) : null}
            {finished.length > 0 ? (
              <button type="button" className="link-button" onClick={store.clearFinished}>
                Clear finished
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <button
        type="button"
        className="downloads__storage"
        data-testid="storage-summary"
        title="Storage used by PDFs"
        onClick={onManageStorage}
      >
        {usage
          ? `PDFs: ${formatBytes(usage.bytes)} in ${usage.files} file${usage.files === 1 ? '' : 's'}`
          : 'PDF storage…'}
      </button>
    </section>
  )
}
