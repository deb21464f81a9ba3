import { useState } from 'react'
import type { MetadataEdit } from '@shared/api/curation-api'
import type { PaperDetail } from '@shared/model/paper'
import { Dialog } from '../../components/Dialog'

type Draft = Record<
  'title' | 'authors' | 'publishedAt' | 'venue' | 'doi' | 'arxivId' | 'abstract',
  string
>

function draftOf(paper: PaperDetail): Draft {
  return {
    title: paper.title ?? '',
    authors: paper.authors.join('\n'),
    publishedAt: paper.publishedAt ?? '',
    venue: paper.venue ?? '',
    doi: paper.doi ?? '',
    arxivId: paper.arxivId ?? '',
    abstract: paper.abstract ?? '',
  }
}

/** Only the fields the user changed, in the API's shape (an emptied field clears it). */
export function changedFields(before: Draft, after: Draft): MetadataEdit {
  const patch: MetadataEdit = {}
  for (const key of Object.keys(after) as Array<keyof Draft>) {
    if (after[key].trim() === before[key].trim()) continue
    if (key === 'authors') {
      patch.authors = after.authors
        .split('\n')
        .map((name) => name.trim())
        .filter((name) => name !== '')
    } else if (key === 'title') {
      patch.title = after.title
    } else {
      patch[key] = after[key].trim() === '' ? null : after[key]
    }
  }
  return patch
}

/**
 * Corrects a paper's metadata. What is saved is the user's and stays through later syncs; "Revert
 * to source" puts back what the sources say.
 */
export function MetadataDialog({
  paper,
  onSave,
  onRevert,
  onClose,
}: {
  paper: PaperDetail
  onSave: (fields: MetadataEdit) => Promise<void>
  onRevert: () => Promise<void>
  onClose: () => void
}) {
  const [initial] = useState(() => draftOf(paper))
  const [draft, setDraft] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    work().then(onClose, (failure: unknown) => {
      setBusy(false)
      setError(failure instanceof Error ? failure.message : String(failure))
    })
  }
  const field = (
    key: keyof Draft,
    label: string,
    options: { multiline?: boolean; hint?: string } = {},
  ) => (
    <label className="form__field">
      <span>
        {label}
        {paper.editedFields.includes(key) ? <em className="muted"> · edited</em> : null}
      </span>
      {options.multiline ? (
        <textarea
          rows={key === 'abstract' ? 6 : 3}
          value={draft[key]}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
      ) : (
        <input
          value={draft[key]}
          placeholder={options.hint}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
      )}
    </label>
  )
  return (
    <Dialog title="Edit metadata" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          const patch = changedFields(initial, draft)
          if (Object.keys(patch).length === 0) onClose()
          else run(() => onSave(patch))
        }}
      >
        {field('title', 'Title')}
        {field('authors', 'Authors, one per line', { multiline: true })}
        {field('publishedAt', 'Date', { hint: 'YYYY, YYYY-MM or YYYY-MM-DD' })}
        {field('venue', 'Venue (journal, proceedings)')}
        {field('doi', 'DOI', { hint: '10.1234/…' })}
        {field('arxivId', 'arXiv id', { hint: '2401.01234' })}
        {field('abstract', 'Abstract', { multiline: true })}
        <p className="muted">Your edits stay when the paper is synced again.</p>
        {error ? (
          <p className="form__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form__actions">
          {paper.editedFields.length > 0 ? (
            <button type="button" disabled={busy} onClick={() => run(onRevert)}>
              Revert to source
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  )
}
