import { useEffect, useState } from 'react'
import type { AnnotationSummary as Summary } from '@shared/model/annotation'
import type { PaperId } from '@shared/model/ids'
import { api, subscribeToEvents } from '../../api'
import './annotations.css'

const LATEST = 3

/** The detail pane's view of a paper's annotations: how many, and the newest few. */
export function AnnotationSummary({ paperId }: { paperId: PaperId }) {
  const [summary, setSummary] = useState<{ paperId: PaperId; value: Summary } | null>(null)
  useEffect(() => {
    let live = true
    const load = () =>
      api.annotationSummary({ paperId, latest: LATEST }).then(
        (value) => {
          if (live) setSummary({ paperId, value })
        },
        () => undefined,
      )
    void load()
    const stop = subscribeToEvents((event) => {
      if (
        event.type === 'library.changed' &&
        event.payload.reason === 'annotations' &&
        event.payload.paperIds.includes(paperId)
      ) {
        void load()
      }
    })
    return () => {
      live = false
      stop()
    }
  }, [paperId])
  const value = summary?.paperId === paperId ? summary.value : null
  if (!value || value.count === 0) return null
  return (
    <section className="detail__section detail-annotations" aria-label="Annotations">
      <h3>
        Annotations <span className="muted">({value.count})</span>
      </h3>
      <ol>
        {value.latest.map((a) => (
          <li key={a.id}>
            <span className="muted">p. {a.page}</span>{' '}
            {a.kind === 'highlight' ? `“${a.quote ?? ''}”` : a.kind === 'note' ? 'Note' : 'Area'}
            {a.comment ? <> — {a.comment}</> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
