import type { ReadingStatus } from '@shared/model/paper'
import { shallowEqual, useStoreSlice } from '../../hooks/use-store'
import type { LibraryState, LibraryStore } from './library-store'

/** Actions on a multi-selection: tag, untag, status, star, add to list, clear; none without one. */
export function BulkBar({
  store,
  onTag,
  onUntag,
  onMakeOffline,
}: {
  store: LibraryStore
  onTag: () => void
  onUntag: () => void
  /** Downloads the selected papers' PDFs; absent when PDFs are not handled. */
  onMakeOffline?: () => void
}) {
  const { count, lists } = useStoreSlice(store, bulkState, shallowEqual)
  if (count === 0) return null
  const onStatus = (status: ReadingStatus) => void store.setStatus(status)
  const onStar = (starred: boolean) =>
    void store.edit(starred ? 'Starred selection' : 'Unstarred selection', { starred })
  const onAddToList = (listId: number) => void store.addToList(listId)
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected papers">
      <strong className="bulk-bar__count" data-testid="selection-count">
        {count} selected
      </strong>
      <button type="button" onClick={onTag}>
        Tag…
      </button>
      <button type="button" onClick={onUntag}>
        Remove tag…
      </button>
      <select
        aria-label="Set status of selected"
        value=""
        onChange={(event) => {
          if (event.target.value) onStatus(event.target.value as ReadingStatus)
        }}
      >
        <option value="">Status…</option>
        <option value="unread">Unread</option>
        <option value="reading">Reading</option>
        <option value="read">Read</option>
      </select>
      <button type="button" onClick={() => onStar(true)}>
        ★ Star
      </button>
      <button type="button" onClick={() => onStar(false)}>
        ☆ Unstar
      </button>
      {lists.length > 0 ? (
        <select
          aria-label="Add selected to list"
          value=""
          onChange={(event) => {
            if (event.target.value) onAddToList(Number(event.target.value))
          }}
        >
          <option value="">Add to list…</option>
          {lists.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </select>
      ) : null}
      {onMakeOffline ? (
        <button type="button" onClick={onMakeOffline}>
          Make available offline
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={store.clearSelection}>
        Clear
      </button>
    </div>
  )
}

/** How many papers are selected, and the lists they can be added to. */
function bulkState(state: LibraryState) {
  return { count: state.selection.ids.size, lists: state.lists }
}
