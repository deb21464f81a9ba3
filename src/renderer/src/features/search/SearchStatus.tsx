import type { SearchCorrection } from '@shared/api/search-api'
import type { QueryWarning } from '@shared/search/query-syntax'

/** The line under the search field: what the query language did not take, and typo corrections. */
export function SearchStatus({
  warnings,
  corrections,
}: {
  warnings: ReadonlyArray<QueryWarning>
  corrections: ReadonlyArray<SearchCorrection>
}) {
  if (warnings.length === 0 && corrections.length === 0) return null
  return (
    <div className="search-status" role="status" data-testid="search-status">
      {corrections.length > 0 ? (
        <span className="search-status__correction">
          Showing results for {corrections.map((c) => `“${c.to.join(' / ')}”`).join(', ')} (not{' '}
          {corrections.map((c) => `“${c.word}”`).join(', ')})
        </span>
      ) : null}
      {warnings.map((warning) => (
        <span key={`${warning.start}:${warning.message}`} className="search-status__warning">
          {warning.message}
        </span>
      ))}
    </div>
  )
}
