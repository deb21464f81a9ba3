import { useStore } from '../../hooks/use-store'
import { timeAgo } from '../library/paper-format'
import { emptySyncNotice } from '../sources/empty-sync'
import { sourceCountsText } from '../sources/source-counts'
import type { Scope } from '../library/scope'
import type { SourceSummary } from '@shared/model/sync-source'
import type { SourcesStore, SyncProgress } from '../sources/sources-store'

/** Followed lists with their sync state: last good sync, progress while syncing, errors, "Sync now". */
export function SourcesSection({
  store,
  scope,
  onSelect,
  onAdd,
  onMakeOffline,
  onRules,
}: {
  store: SourcesStore
  scope: Scope
  onSelect: (scope: Scope) => void
  onAdd: () => void
  /** Downloads the PDFs of the source's papers. */
  onMakeOffline?: (source: SourceSummary) => void
  /** Opens the source's arrival rules. */
  onRules?: (source: SourceSummary) => void
}) {
  const { available, sources, progress } = useStore(store)
  return (
    <section className="sidebar__section" aria-label="Sources">
      <header className="sidebar__heading">
        <h2>Sources</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Add source"
          title="Add source"
          onClick={onAdd}
        >
          +
        </button>
      </header>
      {!available ? null : sources.length === 0 ? (
        <p className="sidebar__empty muted">No followed lists yet.</p>
      ) : (
        <ul className="nav-list">
          {sources.map((source) => {
            const current = scope.kind === 'source' && scope.sourceId === source.id
            return (
              <li
                key={source.id}
                className="source-item"
                data-testid="source-item"
                data-source-id={source.id}
              >
                <button
                  type="button"
                  className={current ? 'nav-item is-current' : 'nav-item'}
                  aria-current={current ? 'page' : undefined}
                  title={sourceCountsText(source)}
                  onClick={() =>
                    onSelect({ kind: 'source', sourceId: source.id, name: source.name })
                  }
                >
                  <span className="nav-item__label">{source.name}</span>
                  <span className="nav-item__count">{source.paperCount.toLocaleString()}</span>
                </button>
                <SourceStatus
                  source={source}
                  progress={progress.get(source.id)}
                  onSync={() => void store.sync(source.id)}
                  onCancel={() => void store.cancel(source.id)}
                  onMakeOffline={onMakeOffline ? () => onMakeOffline(source) : null}
                />
                {onRules ? (
                  <button
                    type="button"
                    className="link-button source-item__rules"
                    aria-label={`Arrival rules of ${source.name}`}
                    onClick={() => onRules(source)}
                  >
                    Rules
                  </button>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

function SourceStatus({
  source,
  progress,
  onSync,
  onCancel,
  onMakeOffline,
}: {
  source: SourceSummary
  progress: SyncProgress | undefined
  onSync: () => void
  onCancel: () => void
  onMakeOffline: (() => void) | null
}) {
  const running = progress !== undefined || source.lastRun?.status === 'running'
  if (running) {
    const total = progress?.total ?? null
    return (
      <div className="source-status" role="status" aria-label={`Syncing ${source.name}`}>
        <span className="spinner" aria-hidden="true" />
        <span className="source-status__text">
          {progress?.message || 'Syncing…'}
          {progress && total ? ` ${progress.done}/${total}` : ''}
        </span>
        {total ? (
          <progress className="source-status__bar" max={total} value={progress?.done ?? 0} />
        ) : null}
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    )
  }
  const failed = source.lastRun?.status === 'failed'
  return (
    <div className="source-status">
      {failed ? (
        <span className="source-status__error" role="alert">
          {plainError(source.lastRun?.error ?? null)}
        </span>
      ) : (
        <span className="source-status__text muted" title={emptySyncNotice(source) ?? undefined}>
          {source.lastGoodSyncAt ? `Synced ${timeAgo(source.lastGoodSyncAt)}` : 'Never synced'}
        </span>
      )}
      <button
        type="button"
        className="link-button"
        aria-label={`Sync ${source.name} now`}
        onClick={onSync}
      >
        Sync now
      </button>
      {onMakeOffline ? (
        <button
          type="button"
          className="link-button"
          aria-label={`Download the PDFs of ${source.name}`}
          title="Download the PDFs of this source for offline reading"
          onClick={onMakeOffline}
        >
          Download PDFs
        </button>
      ) : null}
    </div>
  )
}

/** A sync failure in plain words. */
function plainError(error: string | null): string {
  if (!error) return 'The last sync failed.'
  return `Sync failed: ${error}`
}
