import { useEffect, useState } from 'react'
import type { SourceId } from '@shared/model/ids'
import { Dialog } from '../../components/Dialog'
import { useStore } from '../../hooks/use-store'
import type { DownloadsStore } from './downloads-store'
import { formatBytes } from './pdf-files'

/** Storage used by PDFs, for the library and per source, with "Remove downloaded PDFs". */
export function StorageDialog({ store, onClose }: { store: DownloadsStore; onClose: () => void }) {
  const { usage } = useStore(store)
  const [confirm, setConfirm] = useState<SourceId | 'all' | null>(null)
  useEffect(() => {
    void store.loadUsage()
  }, [store])
  const remove = (target: SourceId | 'all') => {
    if (confirm !== target) {
      setConfirm(target)
      return
    }
    setConfirm(null)
    void store.removeDownloaded(target === 'all' ? null : target)
  }
  return (
    <Dialog title="PDF storage" onClose={onClose}>
      {usage === null ? (
        <p className="muted">Measuring…</p>
      ) : (
        <>
          <p data-testid="storage-total">
            {formatBytes(usage.bytes)} in {usage.files} file{usage.files === 1 ? '' : 's'} for{' '}
            {usage.papers} paper{usage.papers === 1 ? '' : 's'}.
          </p>
          {usage.sources.length > 0 ? (
            <table className="storage-table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Files</th>
                  <th scope="col">Size</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {usage.sources.map((source) => (
                  <tr key={source.sourceId} data-testid="storage-source">
                    <td>{source.name}</td>
                    <td>{source.files}</td>
                    <td>{formatBytes(source.bytes)}</td>
                    <td>
                      <button
                        type="button"
                        className={confirm === source.sourceId ? 'danger' : 'link-button'}
                        disabled={source.files === 0}
                        aria-label={`Remove PDFs of ${source.name}`}
                        onClick={() => remove(source.sourceId)}
                      >
                        {confirm === source.sourceId ? 'Confirm remove' : 'Remove'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="muted">
            Removing PDFs keeps the papers, their tags and notes; attached files go too.
          </p>
        </>
      )}
      <div className="form__actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
        <button
          type="button"
          className="danger"
          disabled={!usage || usage.files === 0}
          onClick={() => remove('all')}
        >
          {confirm === 'all' ? 'Confirm: remove all PDFs' : 'Remove downloaded PDFs'}
        </button>
      </div>
    </Dialog>
  )
}
