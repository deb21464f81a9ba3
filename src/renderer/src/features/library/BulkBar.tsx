import type { UserList } from '@shared/api/library-ui'
import type { ReadingStatus } from '@shared/model/paper'

/** Actions on a multi-selection: tag, untag, status, star, add to list, clear. */
export function BulkBar({
  count,
  lists,
  onTag,
  onUntag,
  onStatus,
  onStar,
  onAddToList,
  onClear,
  onMakeOffline,
}: {
  count: number
  lists: ReadonlyArray<UserList>
  onTag: () => void
  onUntag: () => void
  onStatus: (status: ReadingStatus) => void
  onStar: (starred: boolean) => void
  onAddToList: (listId: number) => void
  onClear: () => void
  /** Downloads the selected papers' PDFs; absent when PDFs are not handled. */
  onMakeOffline?: () => void
}) {
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
      <button type="button" className="link-button" onClick={onClear}>
        Clear
      </button>
    </div>
  )
}
