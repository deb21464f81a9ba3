import type { PaperSort } from '@shared/model/paper'
import { SORT_OPTIONS } from './sort-rows'

/** The list's title, count and sort control. */
export function ListHeader({
  title,
  count,
  sort,
  order,
  onSort,
}: {
  title: string
  count: string
  sort: PaperSort
  order: 'asc' | 'desc'
  onSort: (sort: PaperSort, order: 'asc' | 'desc') => void
}) {
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
            const next = event.target.value as PaperSort
            onSort(next, SORT_OPTIONS.find((option) => option.sort === next)?.order ?? 'desc')
          }}
        >
          {SORT_OPTIONS.map((option) => (
            <option key={option.sort} value={option.sort}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label={order === 'asc' ? 'Ascending order' : 'Descending order'}
        title={order === 'asc' ? 'Ascending' : 'Descending'}
        onClick={() => onSort(sort, order === 'asc' ? 'desc' : 'asc')}
      >
        {order === 'asc' ? '↑' : '↓'}
      </button>
    </div>
  )
}
