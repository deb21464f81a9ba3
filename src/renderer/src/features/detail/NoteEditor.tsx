import { lazy, Suspense, useState } from 'react'

// The Markdown parser loads with the first note shown, not with the list.
const MarkdownNote = lazy(async () => ({ default: (await import('./MarkdownNote')).MarkdownNote }))

/** The paper's Markdown note: shown rendered, edited in place, saved when the editor closes. */
export function NoteEditor({
  note,
  onSave,
}: {
  note: string | null
  onSave: (note: string) => void
}) {
  const [draft, setDraft] = useState<string | null>(null)
  if (draft !== null) {
    return (
      <div className="note-editor">
        <textarea
          className="note-editor__text"
          aria-label="Note"
          value={draft}
          rows={6}
          autoFocus
          placeholder="Markdown: **bold**, _italic_, - lists, [links](https://…)"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setDraft(null)
            }
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              onSave(draft)
              setDraft(null)
            }
          }}
        />
        <div className="form__actions">
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              onSave(draft)
              setDraft(null)
            }}
          >
            Save note
          </button>
        </div>
      </div>
    )
  }
  return (
    <div className="note">
      {note ? (
        <Suspense fallback={<p className="note__plain">{note}</p>}>
          <MarkdownNote text={note} />
        </Suspense>
      ) : (
        <p className="muted">No note yet.</p>
      )}
      <button type="button" className="link-button" onClick={() => setDraft(note ?? '')}>
        {note ? 'Edit note' : 'Add a note'}
      </button>
    </div>
  )
}
