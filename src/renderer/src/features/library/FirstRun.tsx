import { useLayoutEffect, useRef } from 'react'
import starterList from '../../../../../resources/starter-papers.json?raw'

/** The starter list shipped with the app: landmark papers as CSL-JSON, with arXiv ids, authors and dates. */
export const STARTER_LIST = starterList

/** Shown on an empty library: sync today's Hugging Face papers, or add the bundled starter list. */
export function FirstRun({
  canSync,
  onSyncDaily,
  onStarter,
  onImport,
  notice = null,
}: {
  canSync: boolean
  /** Why a followed list brought nothing yet ("No papers posted yet today — …"). */
  notice?: string | null
  onSyncDaily: () => void
  onStarter: () => void
  onImport: () => void
}) {
  const ref = useRef<HTMLDivElement>(null)
  // Papers arriving replace this screen: the focus held by one of its buttons goes to the list
  // that takes its place (checked before React removes the buttons, moved once the list is drawn).
  useLayoutEffect(() => {
    const root = ref.current
    return () => {
      if (root?.contains(document.activeElement)) {
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.paper-list')?.focus())
      }
    }
  }, [])
  return (
    <div className="first-run" data-testid="first-run" ref={ref}>
      <h2>Welcome to Papershelf</h2>
      {notice ? (
        <p className="first-run__notice" role="status" data-testid="empty-sync-notice">
          {notice}
        </p>
      ) : null}
      <p className="muted">Your library is empty. Start with one of these:</p>
      <div className="first-run__choices">
        {canSync ? (
          <button type="button" className="first-run__choice primary" onClick={onSyncDaily}>
            <strong>Sync today’s Hugging Face daily papers</strong>
            <span>Follow the daily list; new papers arrive on every sync.</span>
          </button>
        ) : null}
        <button type="button" className="first-run__choice" onClick={onStarter}>
          <strong>Add the starter list</strong>
          <span>Landmark papers bundled with the app: useful offline at once.</span>
        </button>
        <button type="button" className="first-run__choice" onClick={onImport}>
          <strong>Import papers…</strong>
          <span>Paste a copied Hugging Face page, arXiv ids or a BibTeX file.</span>
        </button>
      </div>
    </div>
  )
}
