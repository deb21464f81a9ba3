import { forwardRef } from 'react'
import type { SearchCorrection } from '@shared/api/search-api'
import type { QueryWarning } from '@shared/search/query-syntax'
import { QueryColors } from './QueryColors'
import { SearchStatus } from './SearchStatus'
import './search.css'

/** The library search field with its operators coloured; the store debounces the queries. */
export const SearchBox = forwardRef<
  HTMLInputElement,
  {
    value: string
    onChange: (query: string) => void
    onSubmit: () => void
    /** What the engine could not take in the query on screen. */
    warnings?: ReadonlyArray<QueryWarning>
    /** Typo corrections the engine searched in place of query words. */
    corrections?: ReadonlyArray<SearchCorrection>
  }
>(function SearchBox({ value, onChange, onSubmit, warnings = [], corrections = [] }, ref) {
  return (
    <div className="search-field">
      <input
        ref={ref}
        type="search"
        className="search-box"
        placeholder="Search titles, authors, abstracts, tags…  ( / )"
        aria-label="Search library"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            if (value !== '') onChange('')
            else event.currentTarget.blur()
          }
          if (event.key === 'Enter' || event.key === 'ArrowDown') {
            event.preventDefault()
            onSubmit()
          }
        }}
      />
      <QueryColors value={value} />
      <SearchStatus warnings={warnings} corrections={corrections} />
    </div>
  )
})
