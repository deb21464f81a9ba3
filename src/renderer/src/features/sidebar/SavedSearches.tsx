import { useEffect, useState } from 'react'
import type { SavedSearch } from '@shared/api/search-api'

/** Saved searches, when this library offers them; a click runs the search. */
export function SavedSearches({
  load,
  version,
  onRun,
}: {
  load: () => Promise<ReadonlyArray<SavedSearch>>
  /** Bumps when the library changed, to refetch. */
  version: number
  onRun: (query: string) => void
}) {
  const [searches, setSearches] = useState<ReadonlyArray<SavedSearch> | null>(null)
  useEffect(() => {
    let live = true
    load().then(
      (found) => {
        if (live) setSearches(found)
      },
      () => {
        if (live) setSearches(null)
      },
    )
    return () => {
      live = false
    }
  }, [load, version])
  if (searches === null || searches.length === 0) return null
  return (
    <section className="sidebar__section" aria-label="Saved searches">
      <header className="sidebar__heading">
        <h2>Saved searches</h2>
      </header>
      <ul className="nav-list">
        {searches.map((search) => (
          <li key={search.id}>
            <button
              type="button"
              className="nav-item"
              title={search.query}
              onClick={() => onRun(search.query)}
            >
              <span className="nav-item__label">{search.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
