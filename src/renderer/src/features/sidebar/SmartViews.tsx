import { SMART_VIEWS, type LibraryCounts, type SmartView } from '@shared/api/library-ui'
import { VIEW_LABELS, type Scope } from '../library/scope'

/** The smart views with their counts. */
export function SmartViews({
  scope,
  counts,
  onSelect,
}: {
  scope: Scope
  counts: LibraryCounts | null
  onSelect: (view: SmartView) => void
}) {
  return (
    <nav className="sidebar__section" aria-label="Views">
      <ul className="nav-list">
        {SMART_VIEWS.map((view) => {
          const current = scope.kind === 'view' && scope.view === view
          return (
            <li key={view}>
              <button
                type="button"
                className={current ? 'nav-item is-current' : 'nav-item'}
                aria-current={current ? 'page' : undefined}
                data-view={view}
                onClick={() => onSelect(view)}
              >
                <span className="nav-item__label">{VIEW_LABELS[view]}</span>
                <span className="nav-item__count" data-testid={`count-${view}`}>
                  {counts ? counts[view].toLocaleString() : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
