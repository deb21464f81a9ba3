import { useState } from 'react'
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
  onAutoExport,
}: {
  lists: ReadonlyArray<UserList>
  scope: Scope
  onSelect: (scope: Scope) => void
  onCreate: () => void
  onDelete: (list: UserList) => void
  /** Downloads the PDFs of the list's papers. */
  onMakeOffline?: (list: UserList) => void
  /** Opens the auto-exports for the list (its ⋯ menu). */
  onAutoExport?: (list: UserList) => void
}) {
  const [menuFor, setMenuFor] = useState<number | null>(null)
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
                {onAutoExport ? (
                  <button
                    type="button"
                    className="icon-button list-item__delete list-item__menu"
                    aria-label={`Manage list ${list.name}`}
                    aria-expanded={menuFor === list.id}
                    onClick={() => setMenuFor(menuFor === list.id ? null : list.id)}
                  >
                    ⋯
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
                {onAutoExport && menuFor === list.id ? (
                  <div
                    className="menu list-item__popup"
                    role="menu"
                    aria-label={`List ${list.name}`}
                  >
                    <button
                      type="button"
                      role="menuitem"
                      onClick={(event) => {
                        // The menu goes away: its ⋯ button holds the focus for the dialog to hand back.
                        event.currentTarget
                          .closest('.list-item')
                          ?.querySelector<HTMLElement>('.list-item__menu')
                          ?.focus()
                        setMenuFor(null)
                        onAutoExport(list)
                      }}
                    >
                      Auto-export…
                    </button>
                  </div>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
