/** What the list area shows when there is nothing to list. */
export function EmptyState({ query }: { query: string }) {
  if (query.trim() !== '') {
    return (
      <div className="empty-state" data-testid="empty-state">
        <p className="empty-state__title">No papers match “{query.trim()}”.</p>
      </div>
    )
  }
  return (
    <div className="empty-state" data-testid="empty-state">
      <p className="empty-state__title">Your library is empty.</p>
      <p>
        Add papers from a terminal with <code>papershelf import &lt;file&gt;</code>: a list of arXiv
        ids or DOIs, or a copied Hugging Face papers page.
      </p>
    </div>
  )
}
