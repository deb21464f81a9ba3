import type { UserList } from '@shared/api/library-ui'
import type { Scope } from '../library/scope'

/** The user's own lists with counts. */
export function ListsSection({
  lists,
  scope,
  onSelect,
  onCreate,
  onDelete,
  onMakeOffline,
}: {
  lists: ReadonlyArray<UserList>
  scope: Scope
  onSelect: (scope: Scope) => void
  onCreate: () => void
  onDelete: (list: UserList) => void
  /** Downloads the PDFs of the list's papers. */
  onMakeOffline?: (list: UserList) => void
}) {
  return (
    <section className="sidebar__section" aria-label="Lists">
      <header className="sidebar__heading">
        <h2>Lists</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New list"
          title="New list"
          onClick={onCreate}
        >
          +
        </button>
      </header>
      {lists.length === 0 ? (
        <p className="sidebar__empty muted">No lists yet.</p>
      ) : (
        <ul className="nav-list">
          {lists.map((list) => {
            const current = scope.kind === 'list' && scope.listId === list.id
            return (
              <li key={list.id} className="list-item">
                <button
                  type="button"
                  className={current ? 'nav-item is-current' : 'nav-item'}
                  aria-current={current ? 'page' : undefined}
                  onClick={() => onSelect({ kind: 'list', listId: list.id, name: list.name })}
                >
                  <span className="nav-item__label">{list.name}</span>
                  <span className="nav-item__count">{list.paperCount}</span>
                </button>
                {onMakeOffline ? (
                  <button
                    type="button"
                    className="icon-button list-item__delete"
                    aria-label={`Make list ${list.name} available offline`}
                    title="Make available offline"
                    onClick={() => onMakeOffline(list)}
                  >
                    ⤓
                  </button>
                ) : null}
                <button
                  type="button"
                  className="icon-button list-item__delete"
                  aria-label={`Delete list ${list.name}`}
                  onClick={() => onDelete(list)}
                >
                  ×
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
