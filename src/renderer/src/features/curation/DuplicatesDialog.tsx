import { useEffect, useState } from 'react'
import type { DuplicateCandidate } from '@shared/api/curation-api'
import type { LibraryApi } from '@shared/api/library-api'
import { displayTitle, type Paper } from '@shared/model/paper'
import { Dialog } from '../../components/Dialog'
import { bylineOf } from '../library/paper-format'

const REASONS: Record<DuplicateCandidate['reason'], string> = {
  'arxiv-doi': 'arXiv DOI of the other',
  'same-title': 'Same title',
  'similar-title': 'Similar title, shared author',
}

function PaperSide({ paper }: { paper: Paper }) {
  const ids = [
    paper.arxivId ? `arXiv:${paper.arxivId}` : null,
    paper.doi ? `doi:${paper.doi}` : null,
  ]
  return (
    <div className="duplicate__paper">
      <strong>
        #{paper.id} {displayTitle(paper)}
      </strong>
      <span className="muted">
        {[bylineOf(paper), paper.publishedAt, ...ids].filter(Boolean).join(' · ')}
      </span>
    </div>
  )
}

/**
 * Pairs of papers that look like one work; nothing is merged until the user says which to keep.
 * A merge can be undone from its toast (or `papershelf unmerge`).
 */
export function DuplicatesDialog({
  api,
  onMerge,
  onClose,
}: {
  api: Pick<LibraryApi, 'listDuplicates'>
  /** Merges `merge` into `keep`; resolves when done (the shell offers undo). */
  onMerge: (keep: Paper, merge: Paper) => Promise<void>
  onClose: () => void
}) {
  const [pairs, setPairs] = useState<ReadonlyArray<DuplicateCandidate> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    api
      .listDuplicates({})
      .then(setPairs, (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      )
  useEffect(() => {
    void load()
    // Loaded once per opening; a merge reloads it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const merge = (keep: Paper, other: Paper) => {
    setBusy(true)
    onMerge(keep, other)
      .then(load)
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      )
      .finally(() => setBusy(false))
  }
  return (
    <Dialog title="Duplicates" onClose={onClose} wide>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {pairs === null ? (
        <p className="muted">Looking for papers that are one work…</p>
      ) : pairs.length === 0 ? (
        <p>No duplicates found.</p>
      ) : (
        <ul className="duplicates" aria-label="Possible duplicates">
          {pairs.map(({ papers: [left, right], reason, similarity }) => (
            <li key={`${left.id}:${right.id}`} className="duplicate">
              <p className="duplicate__reason">
                {REASONS[reason]} ({Math.round(similarity * 100)}%)
              </p>
              <PaperSide paper={left} />
              <PaperSide paper={right} />
              <div className="form__actions">
                <button type="button" disabled={busy} onClick={() => merge(left, right)}>
                  Keep #{left.id}, merge #{right.id} into it
                </button>
                <button type="button" disabled={busy} onClick={() => merge(right, left)}>
                  Keep #{right.id}, merge #{left.id} into it
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
