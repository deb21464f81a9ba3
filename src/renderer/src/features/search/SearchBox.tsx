/** The library search field; the store debounces the queries. */
export function SearchBox({
  value,
  onChange,
}: {
  value: string
  onChange: (query: string) => void
}) {
  return (
    <input
      type="search"
      className="search-box"
      placeholder="Search titles, authors, abstracts, tags…"
      aria-label="Search papers"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
