import { useEffect, useRef, useState } from 'react'
import type { LearnedTag, RelatedPaper } from '@shared/api/topics-api'
import type { PaperId } from '@shared/model/ids'
import { displayTitle } from '@shared/model/paper'

/** What the detail pane's learned-topics sections need from the library. */
export type TopicsLoader = {
  suggest: (id: PaperId) => Promise<ReadonlyArray<LearnedTag>>
  related: (id: PaperId) => Promise<ReadonlyArray<RelatedPaper>>
  setNotInterested: (id: PaperId, notInterested: boolean) => Promise<void>
}

const percent = (score: number) => `${Math.round(score * 100)}%`

type Loaded = {
  id: PaperId
  suggestions: ReadonlyArray<LearnedTag>
  related: ReadonlyArray<RelatedPaper>
}

/**
 * Tags learned from the user's own tags (confidence and reason; one click or Enter adds one),
 * the papers most like this one with the topics they share, and "Not interested".
 */
export function LearnedTopics({
  id,
  tags,
  loader,
  onAddTag,
}: {
  id: PaperId
  /** The paper's tags: a change refreshes the suggestions (the model learns from it). */
  tags: ReadonlyArray<string>
  loader: TopicsLoader
  onAddTag: (tag: string) => void
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [dismissed, setDismissed] = useState<PaperId | null>(null)
  /** An accepted suggestion's button goes away: focus moves to the next one, else to "Not interested". */
  const focusNext = useRef<string | null>(null)
  const sectionRef = useRef<HTMLElement>(null)
  const tagKey = tags.join('\n')

  useEffect(() => {
    let live = true
    Promise.all([loader.suggest(id), loader.related(id)])
      .then(([suggestions, related]) => {
        if (live) setLoaded({ id, suggestions, related })
      })
      .catch(() => {
        // a paper removed meanwhile, or a library closing: the sections stay empty
        if (live) setLoaded({ id, suggestions: [], related: [] })
      })
    return () => {
      live = false
    }
  }, [id, tagKey, loader])

  const current = loaded?.id === id ? loaded : null
  const taken = new Set(tags.map((tag) => tag.toLowerCase()))
  const suggestions = (current?.suggestions ?? []).filter((s) => !taken.has(s.tag.toLowerCase()))
  const suggestionKey = suggestions.map((s) => s.tag).join('\n')
  const notInterested = dismissed === id

  useEffect(() => {
    const wanted = focusNext.current
    if (wanted === null) return
    focusNext.current = null
    const section = sectionRef.current
    const next =
      wanted === ''
        ? null
        : section?.querySelector<HTMLButtonElement>(`button[data-tag="${CSS.escape(wanted)}"]`)
    ;(next ?? section?.querySelector<HTMLButtonElement>('button.not-interested'))?.focus()
  }, [suggestionKey])

  const accept = (index: number) => {
    const tag = suggestions[index]?.tag
    if (tag === undefined) return
    focusNext.current = suggestions[index + 1]?.tag ?? suggestions[index - 1]?.tag ?? ''
    onAddTag(tag)
  }

  return (
    <>
      <section
        ref={sectionRef}
        className="detail__section learned-tags"
        aria-label="Learned tag suggestions"
      >
        <h3>Suggested from your tags</h3>
        {current === null ? (
          <p className="muted" aria-busy="true">
            Learning…
          </p>
        ) : suggestions.length === 0 ? (
          <p className="muted">Tag a few papers and suggestions learned from them appear here.</p>
        ) : (
          <div className="learned-tags__list">
            {suggestions.map((s, index) => (
              <button
                key={s.tag}
                data-tag={s.tag}
                type="button"
                className="suggested-tag learned-tag"
                aria-label={`Add learned tag ${s.tag}, ${percent(s.score)} sure`}
                title={s.reason.length > 0 ? `because of: ${s.reason.join(', ')}` : undefined}
                onClick={() => accept(index)}
              >
                + {s.tag} <span className="learned-tag__score">{percent(s.score)}</span>
                {s.reason.length > 0 ? (
                  <span className="learned-tag__reason"> · {s.reason.join(', ')}</span>
                ) : null}
              </button>
            ))}
          </div>
        )}
        <button
          type="button"
          className="not-interested"
          aria-pressed={notInterested}
          onClick={() => {
            void loader
              .setNotInterested(id, !notInterested)
              .then(() => setDismissed(notInterested ? null : id))
          }}
        >
          {notInterested ? 'Marked not interested · Undo' : 'Not interested'}
        </button>
      </section>
      {current && current.related.length > 0 ? (
        <section className="detail__section" aria-label="Related papers">
          <h3>Related papers</h3>
          <ul className="related-papers">
            {current.related.map((paper) => (
              <li key={paper.id}>
                <span className="related-papers__title">
                  {displayTitle({ ...paper, doi: null })}
                </span>
                <span className="muted">
                  {' '}
                  · {percent(paper.similarity)}
                  {paper.inInbox ? ' · inbox' : ''}
                  {paper.sharedTopics.length > 0
                    ? ` · shares ${paper.sharedTopics.join(', ')}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
