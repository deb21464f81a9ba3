import { useLayoutEffect, useRef } from 'react'
import type { PaperDetail, ReadingStatus } from '@shared/model/paper'
import { displayTitle } from '@shared/model/paper'
import type { Tag } from '@shared/model/tag'
import { shallowEqual, useStoreSlice, type ReadableStore } from '../../hooks/use-store'
import { usePdfDrop } from '../downloads/use-pdf-drop'
import { formatDay } from '../library/paper-format'
import { MathText } from './MathText'
import { NoteEditor } from './NoteEditor'
import { TagEditor } from './TagEditor'
import { TriageNote } from './TriageNote'
import { AnnotationSummary } from '../annotations/AnnotationSummary'
import { LearnedTopics, type TopicsLoader } from '../topics/LearnedTopics'
import { CitationActions, CitationDragSource, type Notify } from '../curation/CitationActions'
import type { CitationSource } from '../curation/citation-source'

/** What the pane shows: the open paper, every tag (for the tag box), and the `t` key's requests. */
export type DetailSource = {
  detail: PaperDetail | null
  tags: ReadonlyArray<Tag>
  /** Bumps when the tag box should take the focus. */
  tagFocusRequest: number
}

const detailSlice = ({ detail, tags, tagFocusRequest }: DetailSource): DetailSource => ({
  detail,
  tags,
  tagFocusRequest,
})

const STATUS_ACTIONS: ReadonlyArray<{ status: ReadingStatus; label: string }> = [
  { status: 'unread', label: 'Mark as unread' },
  { status: 'reading', label: 'Mark as reading' },
  { status: 'read', label: 'Mark as read' },
]

/** What the detail pane can do, wired by the shell to the store. */
export type DetailActions = {
  setStatus: (status: ReadingStatus) => void
  toggleStar: () => void
  addTag: (tag: string) => void
  removeTag: (tag: string) => void
  saveNote: (note: string) => void
  /** Opens the reader in place; null when no reader is built in or the paper has no PDF. */
  openReader: (() => void) | null
  /** Downloads the paper's PDF into the library; null when stored already or not downloadable. */
  makeOffline?: (() => void) | null
  /** Attaches files dropped on the pane to the paper. */
  dropFiles?: (files: File[]) => void
  /**
   * Looks the paper up: a title on Hugging Face and arXiv, an arXiv id on arXiv, a DOI at
   * Crossref or DataCite; null when not offered.
   */
  lookUp?: (() => void) | null
  /** Copies and drags citations; absent, the pane offers neither. */
  citations?: { source: CitationSource; notify: Notify } | undefined
  /** Opens the metadata editor. */
  editMetadata?: (() => void) | undefined
  /** Puts back what the sources say for every edited field. */
  revertMetadata?: (() => void) | undefined
}

const EDITED_NAMES: Record<PaperDetail['editedFields'][number], string> = {
  title: 'title',
  authors: 'authors',
  publishedAt: 'date',
  venue: 'venue',
  doi: 'DOI',
  arxivId: 'arXiv id',
  abstract: 'abstract',
}

/** The focused paper: metadata, abstract with typeset math, links, provenance, tags, status, star and note. */
export function DetailPane({
  source,
  actions,
  topics,
}: {
  /** Where the pane reads what it shows (the library store): it re-renders when that changes. */
  source: ReadableStore<DetailSource>
  actions: DetailActions
  /** Learned suggestions, related papers and "Not interested"; absent, those sections are not shown. */
  topics?: TopicsLoader | undefined
}) {
  const { detail: paper, tags, tagFocusRequest } = useStoreSlice(source, detailSlice, shallowEqual)
  const { dropFiles } = actions
  const drop = usePdfDrop((files) => dropFiles?.(files))
  const dropProps = dropFiles ? drop.handlers : {}
  const dropClass = dropFiles && drop.over ? ' is-pdf-drop' : ''
  const scrollRef = useRef<HTMLDivElement>(null)
  // Another paper opens at its top, not where the last one was scrolled to.
  const paperId = paper?.id
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [paperId])
  if (!paper) {
    return (
      <aside className="detail detail--empty" aria-label="Paper details">
        <p className="muted">Select a paper to see its details.</p>
      </aside>
    )
  }
  const authors =
    paper.authors.length > 0
      ? paper.authors.join(', ')
      : paper.authorCount !== null
        ? `${paper.authorCount} authors`
        : null
  const links: Array<[string, string | null]> = [
    [paper.arxivId ? 'arXiv' : 'Abstract page', paper.links.abs],
    ['Hugging Face', paper.links.huggingFace],
    ['PDF', paper.links.pdf],
    ['Code', paper.links.code],
    ['Project page', paper.links.project],
  ]
  const known = links.filter((link): link is [string, string] => link[1] !== null)
  return (
    <aside
      className={`detail${dropClass}`}
      aria-label="Paper details"
      data-testid="detail-pane"
      {...dropProps}
    >
      <div className="detail__scroll" tabIndex={-1} ref={scrollRef}>
        {actions.citations ? (
          <CitationDragSource paper={paper} source={actions.citations.source}>
            <h2 className="detail__title">
              <MathText text={displayTitle(paper)} />
            </h2>
          </CitationDragSource>
        ) : (
          <h2 className="detail__title">
            <MathText text={displayTitle(paper)} />
          </h2>
        )}
        {authors ? <p className="detail__authors">{authors}</p> : null}
        <p className="detail__facts">
          {paper.publishedAt ? <span>{formatDay(paper.publishedAt)}</span> : null}
          {paper.organization ? <span>{paper.organization}</span> : null}
          {paper.upvotes !== null ? (
            <span>▲ {paper.upvotes === 1 ? '1 upvote' : `${paper.upvotes} upvotes`}</span>
          ) : null}
          {paper.arxivId ? <span>arXiv:{paper.arxivId}</span> : null}
          {paper.doi ? <span>doi:{paper.doi}</span> : null}
          {paper.venue ? <span className="detail__venue">{paper.venue}</span> : null}
        </p>
        {paper.editedFields.length > 0 ? (
          <p className="detail__edited">
            <span className="muted">
              You edited the {paper.editedFields.map((field) => EDITED_NAMES[field]).join(', ')}.
            </span>
            {actions.revertMetadata ? (
              <button type="button" className="link-button" onClick={actions.revertMetadata}>
                Revert to source
              </button>
            ) : null}
          </p>
        ) : null}
        <TriageNote note={paper.ruleNote} />

        <div className="detail__actions">
          <div className="segmented" role="group" aria-label="Reading status">
            {STATUS_ACTIONS.map(({ status, label }) => (
              <button
                key={status}
                type="button"
                aria-label={label}
                aria-pressed={paper.status === status}
                className={paper.status === status ? 'is-on' : ''}
                onClick={() => actions.setStatus(status)}
              >
                {status[0]?.toUpperCase()}
                {status.slice(1)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className={paper.starred ? 'star-button is-on' : 'star-button'}
            aria-pressed={paper.starred}
            aria-label={paper.starred ? 'Unstar' : 'Star'}
            onClick={actions.toggleStar}
          >
            {paper.starred ? '★ Starred' : '☆ Star'}
          </button>
          {actions.openReader ? (
            <button type="button" className="primary" onClick={actions.openReader}>
              Read PDF
            </button>
          ) : paper.links.pdf ? (
            <a
              className="button primary"
              href={paper.links.pdf}
              target="_blank"
              rel="noreferrer noopener"
            >
              Read PDF
            </a>
          ) : null}
          {actions.makeOffline ? (
            <button type="button" onClick={actions.makeOffline}>
              Make available offline
            </button>
          ) : null}
          {actions.lookUp && !paper.arxivId && !paper.doi ? (
            <button
              type="button"
              title="Find this title on Hugging Face and arXiv and fill in its authors, abstract and links"
              onClick={actions.lookUp}
            >
              Look up on arXiv
            </button>
          ) : actions.lookUp ? (
            <button
              type="button"
              title={
                paper.arxivId
                  ? 'Fill in its title, authors, date and abstract from arXiv'
                  : 'Fill in its title, authors, date, venue and abstract from Crossref or DataCite'
              }
              onClick={actions.lookUp}
            >
              Look up metadata
            </button>
          ) : null}
          {actions.editMetadata ? (
            <button type="button" onClick={actions.editMetadata}>
              Edit metadata
            </button>
          ) : null}
        </div>
        {actions.citations ? (
          <CitationActions
            paper={paper}
            source={actions.citations.source}
            notify={actions.citations.notify}
          />
        ) : null}

        <section className="detail__section" aria-label="Tags">
          <h3>Tags</h3>
          <TagEditor
            tags={paper.tags}
            allTags={tags}
            suggested={paper.suggestedTags}
            focusRequest={tagFocusRequest}
            onAdd={actions.addTag}
            onRemove={actions.removeTag}
          />
        </section>

        {topics ? (
          <LearnedTopics
            id={paper.id}
            tags={paper.tags}
            loader={topics}
            onAddTag={actions.addTag}
          />
        ) : null}

        <section className="detail__section" aria-label="Abstract">
          <h3>Abstract</h3>
          {paper.abstract ? (
            <p className="detail__abstract">
              <MathText text={paper.abstract} />
            </p>
          ) : (
            <p className="muted">No abstract known yet.</p>
          )}
        </section>

        {known.length > 0 ? (
          <section className="detail__section" aria-label="Links">
            <h3>Links</h3>
            <ul className="detail__links">
              {known.map(([label, url]) => (
                <li key={label}>
                  <a href={url} target="_blank" rel="noreferrer noopener">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="detail__section" aria-label="Note">
          <h3>Note</h3>
          <NoteEditor key={paper.id} note={paper.note} onSave={actions.saveNote} />
        </section>
        <AnnotationSummary paperId={paper.id} />

        {paper.provenance.length > 0 ? (
          <section className="detail__section" aria-label="Where it came from">
            <h3>Where it came from</h3>
            <ul className="detail__provenance">
              {paper.provenance.map((entry) => (
                <li key={entry.sourceId}>
                  <span className="detail__source">{entry.sourceName}</span>
                  {entry.rank !== null ? <span> · #{entry.rank}</span> : null}
                  {entry.section ? <span> · {entry.section}</span> : null}
                  <span className="muted"> · first seen {formatDay(entry.firstSeenAt)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </aside>
  )
}
