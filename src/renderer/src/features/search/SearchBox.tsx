import { forwardRef } from 'react'

/** The library search field; the store debounces the queries. */
export const SearchBox = forwardRef<
  HTMLInputElement,
  { value: string; onChange: (query: string) => void; onSubmit: () => void }
>(function SearchBox({ value, onChange, onSubmit }, ref) {
  return (
    <input
      ref={ref}
      type="search"
      className="search-box"
      placeholder="Search titles, authors, abstracts, tags…  ( / )"
      aria-label="Search library"
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
  )
})
