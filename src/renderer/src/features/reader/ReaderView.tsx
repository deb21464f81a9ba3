import { useEffect, useMemo, useRef, useState } from 'react'
import { displayTitle } from '@shared/model/paper'
import type { ReaderProps } from '../../hooks/use-reader'
import { useStore } from '../../hooks/use-store'
import { useAnnotations } from '../annotations/use-annotations'
import { isPdfFile } from '../downloads/pdf-files'
import { usePdfDrop } from '../downloads/use-pdf-drop'
import { PdfViewer, type ViewerState } from './PdfViewer'
import { pdfSourceFor } from './pdf-source'
import { createReaderStore } from './reader-store'
import { isLastPage, isOpenableLink, openingPosition } from './view-state'
import './reader.css'

const DARK_KEY = 'papershelf.reader.dark'

/** The reader opened in place of the detail pane: the paper's PDF, or a way to get it. */
export function ReaderView(props: ReaderProps) {
  const { api, subscribeToEvents, paperId } = props
  const store = useMemo(
    () => createReaderStore({ api, subscribeToEvents, paperId }),
    [api, subscribeToEvents, paperId],
  )
  useEffect(() => store.start(), [store])
  const rootRef = useRef<HTMLDivElement>(null)
  // Focus moves into the reader when it opens (the viewer takes it onto the page when it can).
  useEffect(() => {
    const root = rootRef.current
    if (root && !root.contains(document.activeElement)) root.focus({ preventScroll: true })
  }, [])
  const state = useStore(store)
  const pen = useAnnotations(props.paperId, props.annotationId)
  const [dark, setDark] = useState(() => localStorage.getItem(DARK_KEY) === '1')
  const [view, setView] = useState<ViewerState | null>(null)
  useEffect(() => localStorage.setItem(DARK_KEY, dark ? '1' : '0'), [dark])

  const { paper, location } = state
  const source = useMemo(() => (location ? pdfSourceFor(location) : null), [location])
  const start = useMemo(
    () => openingPosition(location?.position ?? null, Number.MAX_SAFE_INTEGER, props.page),
    // The start is fixed when the file opens; later saves must not move the viewer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [location?.sha256, props.page],
  )
  const title = paper ? displayTitle(paper) : 'Loading…'
  const onOpenLink = (url: string) => {
    if (isOpenableLink(url)) window.open(url, '_blank', 'noopener,noreferrer')
  }
  const onViewStateChange = (next: ViewerState) => {
    setView(next)
    store.savePosition({ page: next.page, zoom: next.zoom })
  }
  const offerRead =
    view !== null && isLastPage(view.page, view.pageCount) && paper?.status !== 'read'
  const close = (
    <button
      type="button"
      className="pdf-close"
      aria-label="Back to the library (Esc)"
      title="Back to the library (Esc)"
      onClick={props.onClose}
    >
      ✕
    </button>
  )

  const drop = usePdfDrop((files) => {
    const file = files.find(isPdfFile)
    if (file) void store.attach(file)
  })

  return (
    <div
      ref={rootRef}
      tabIndex={-1}
      className={`reader${drop.over ? ' reader--drop' : ''}`}
      data-testid="reader"
      {...drop.handlers}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !source) {
          event.stopPropagation()
          props.onClose()
        }
      }}
    >
      <header className="reader__title">
        <h2 title={title}>{title}</h2>
        {offerRead ? (
          <button type="button" className="primary" onClick={() => void store.markRead()}>
            Mark as read
          </button>
        ) : paper?.status === 'read' && view && isLastPage(view.page, view.pageCount) ? (
          <span className="reader__done">Read ✓</span>
        ) : null}
        {source ? null : close}
      </header>
      {state.error ? (
        <div className="reader__error" role="alert">
          {state.error}
        </div>
      ) : null}
      {source ? (
        <PdfViewer
          key={source.url}
          source={source}
          viewState={start}
          onViewStateChange={onViewStateChange}
          onOpenLink={onOpenLink}
          initialQuery={props.query}
          dark={dark}
          onToggleDark={() => setDark(!dark)}
          onClose={props.onClose}
          toolbarEnd={
            <>
              {pen.tools}
              {close}
            </>
          }
          onDocument={pen.onDocument}
          sideEnd={pen.panel}
        />
      ) : state.loaded ? (
        <NoPdf
          downloading={state.download}
          onDownload={() => void store.download()}
          onPick={(file) => void store.attach(file)}
        />
      ) : (
        <div className="reader__empty">
          <span className="spinner" aria-hidden="true" /> Opening…
        </div>
      )}
    </div>
  )
}

function NoPdf(props: {
  downloading: ReturnType<ReturnType<typeof createReaderStore>['getState']>['download']
  onDownload: () => void
  onPick: (file: File) => void
}) {
  const job = props.downloading
  const busy = job !== null && (job.state === 'queued' || job.state === 'running')
  const percent = job?.total ? Math.round((job.received / job.total) * 100) : null
  return (
    <div className="reader__empty">
      <p>This paper has no PDF for offline reading yet.</p>
      {busy ? (
        <p aria-live="polite">
          {job.state === 'queued'
            ? 'Waiting to download…'
            : `Downloading${percent === null ? '…' : ` ${percent}%`}`}
        </p>
      ) : (
        <button type="button" className="primary" onClick={props.onDownload}>
          Make available offline
        </button>
      )}
      {job?.state === 'failed' ? <p className="reader__error">{job.error}</p> : null}
      <label className="reader__pick">
        or drop a PDF file here, or{' '}
        <input
          type="file"
          accept="application/pdf,.pdf"
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) props.onPick(file)
          }}
        />
      </label>
    </div>
  )
}
