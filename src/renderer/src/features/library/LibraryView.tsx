import { ErrorBanner } from '../../components/ErrorBanner'
import { useStore } from '../../hooks/use-store'
import { SearchBox } from '../search/SearchBox'
import { EmptyState } from './EmptyState'
import type { LibraryStore } from './library-store'
import { countLabel } from './paper-format'
import { PaperList } from './PaperList'

/** The library screen: header with count and search, the paper list, errors and empty state. */
export function LibraryView({ store }: { store: LibraryStore }) {
  const state = useStore(store)
  const searching = state.query.trim() !== ''
  return (
    <div className="library">
      <header className="app-header">
        <h1 className="app-header__name">Papershelf</h1>
        <span className="app-header__count" data-testid="paper-count" aria-live="polite">
          {state.loaded ? countLabel(state.papers.length, state.total, searching) : ''}
        </span>
        <SearchBox value={state.query} onChange={store.setQuery} />
      </header>
      {state.error !== null ? (
        <ErrorBanner message={state.error} onDismiss={store.dismissError} />
      ) : null}
      {state.loaded && state.papers.length === 0 ? (
        <EmptyState query={state.query} />
      ) : (
        <PaperList papers={state.papers} />
      )}
    </div>
  )
}
