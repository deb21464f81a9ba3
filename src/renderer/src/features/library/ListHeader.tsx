import type { SearchSort } from '@shared/api/search-api'
import { defaultOrder, SEARCH_SORT_OPTIONS, SORT_OPTIONS } from './sort-options'

/**
 * The list's title, count and sort control (relevance is offered, and the default, while
 * searching; a user list's own order in a list view).
 */
export function ListHeader({
  title,
  count,
  sort,
  order,
  searching,
  inList,
  onSort,
}: {
  title: string
  count: string
  sort: SearchSort
  order: 'asc' | 'desc'
  searching: boolean
  /** A user list is shown: its own order is offered. */
  inList: boolean
  onSort: (sort: SearchSort, order: 'asc' | 'desc') => void
}) {
  const options = (searching ? SEARCH_SORT_OPTIONS : SORT_OPTIONS).filter(
    (option) => inList || option.sort !== 'list',
  )
  return (
    <div className="list-header">
      <h1 className="list-header__title">{title}</h1>
      <span className="list-header__count" data-testid="paper-count" aria-live="polite">
        {count}
      </span>
      <label className="list-header__sort">
        <span className="muted">Sort</span>
        <select
          aria-label="Sort by"
          value={sort}
          onChange={(event) => {
            const next = options.find((option) => option.sort === event.target.value)
            if (next) onSort(next.sort, defaultOrder(next.sort))
          }}
        >
          {options.map((option) => (
            <option key={option.sort} value={option.sort}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {sort === 'relevance' ? null : (
        <button
          type="button"
          className="icon-button"
          aria-label={order === 'asc' ? 'Ascending order' : 'Descending order'}
          title={order === 'asc' ? 'Ascending' : 'Descending'}
          onClick={() => onSort(sort, order === 'asc' ? 'desc' : 'asc')}
        >
          {order === 'asc' ? '↑' : '↓'}
        </button>
      )}
    </div>
  )
}
