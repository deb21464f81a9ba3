import type { SmartView } from '@shared/api/library-ui'
import type { InboxGroup, TriageAction } from '@shared/api/triage-api'
import { useStore, useStoreSlice } from '../../hooks/use-store'
import type { LibraryState, LibraryStore } from './library-store'
import type { TriageStore } from './triage-store'

const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** "Hugging Face daily papers · May 18 · 18 left". */
export function groupLabel(group: InboxGroup): string {
  return `${group.sourceName} · ${DAY.format(new Date(`${group.day}T00:00:00Z`))} · ${group.count} left`
}

/**
 * The triage buttons of the inbox, dismissed and trash views (each with its key), and "N left".
 * A click hands the focus back to the list, so the keys go on working.
 */
export function TriageBar({
  view,
  store,
  triage,
  onEmptyTrash,
}: {
  view: Extract<SmartView, 'inbox' | 'dismissed' | 'trash'>
  store: LibraryStore
  /** Its actions, and the inbox by source and day, each group with its own "dismiss the rest". */
  triage: TriageStore
  /** Asks before emptying the trash. */
  onEmptyTrash: () => void
}) {
  const left = useStoreSlice(store, papersLeft)
  const { groups } = useStore(triage)
  const onAct = (action: TriageAction) => void triage.act(action)
  const onReadLater = () => void triage.readLater()
  const onDismissRest = () => void triage.dismissRest()
  const onDismissGroup = (group: InboxGroup) => void triage.dismissGroup(group)
  const back = (run: () => void) => () => {
    run()
    document.querySelector<HTMLElement>('.paper-list')?.focus()
  }
  return (
    <>
      <div className="triage-bar" role="toolbar" aria-label="Triage">
        {view === 'inbox' ? (
          <strong className="triage-bar__left" data-testid="triage-left" aria-live="polite">
            {left.toLocaleString()} left
          </strong>
        ) : null}
        {view === 'trash' ? (
          <button type="button" title="Restore (a)" onClick={back(() => onAct('undelete'))}>
            Restore
          </button>
        ) : (
          <button type="button" title="Keep (a)" onClick={back(() => onAct('keep'))}>
            Keep
          </button>
        )}
        {view === 'inbox' ? (
          <button type="button" title="Read later (l)" onClick={back(onReadLater)}>
            Read later
          </button>
        ) : null}
        {view === 'dismissed' ? null : (
          <button type="button" title="Dismiss (d)" onClick={back(() => onAct('dismiss'))}>
            Dismiss
          </button>
        )}
        {view === 'trash' ? null : (
          <button type="button" title="Delete (Delete)" onClick={back(() => onAct('delete'))}>
            Delete
          </button>
        )}
        {view === 'inbox' && left > 0 ? (
          <button type="button" className="triage-bar__rest" onClick={back(onDismissRest)}>
            Dismiss the rest
          </button>
        ) : null}
        {view === 'trash' && left > 0 ? (
          <button type="button" className="triage-bar__rest" onClick={back(onEmptyTrash)}>
            Empty trash
          </button>
        ) : null}
      </div>
      {view === 'inbox' && groups.length > 0 ? (
        <ul className="triage-groups" aria-label="Inbox by source and day">
          {groups.map((group) => (
            <li key={`${group.sourceId ?? 0}:${group.day}`} className="triage-groups__item">
              <span>{groupLabel(group)}</span>
              {group.sourceId === null ? null : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Dismiss the rest of ${groupLabel(group)}`}
                  onClick={back(() => onDismissGroup(group))}
                >
                  dismiss the rest
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

/** The papers in the view (the inbox's "N left"). */
function papersLeft(state: LibraryState): number {
  return state.total
}
