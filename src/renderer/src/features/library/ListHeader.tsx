import { shallowEqual, useStoreSlice } from '../../hooks/use-store'
import type { LibraryState, LibraryStore } from './library-store'
import { countLabel } from './paper-format'
import { scopeTitle } from './scope'
import { defaultOrder, SEARCH_SORT_OPTIONS, SORT_OPTIONS } from './sort-options'

/**
 * The list's title, count and sort control (relevance is offered, and the default, while
 * searching; a user list's own order in a list view).
 */
export function ListHeader({ store }: { store: LibraryStore }) {
  const { title, count, sort, order, searching, inList } = useStoreSlice(
    store,
    headerState,
    shallowEqual,
  )
  const onSort = store.setSort
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

/** What the header shows: the view (or the search in it), how many papers, and their order. */
function headerState(state: LibraryState) {
  const searching = state.shownQuery !== ''
  const title = scopeTitle(state.scope)
  return {
    title: searching ? `Search in ${title}` : title,
    count: state.loaded
      ? countLabel(
          state.total,
          searching ? (state.counts?.all ?? state.total) : state.total,
          searching,
        )
      : '',
    sort: searching ? state.searchSort : state.sort,
    order: searching ? state.searchOrder : state.order,
    searching,
    /** A user list is shown: its own order is offered. */
    inList: state.scope.kind === 'list',
  }
}
