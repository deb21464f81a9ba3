import { memo } from 'react'
import type { PaperId } from '@shared/model/ids'
import { displayTitle } from '@shared/model/paper'
import { highlightParts } from '../search/highlight-parts'
import { SnippetLine } from '../search/SnippetLine'
import type { PaperListRow } from './library-store'
import { bylineOf, formatDay } from './paper-format'
import { TagChip } from './TagChip'

const STATUS_LABELS = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const

/**
 * One paper in the list: title, byline, date, upvotes, tags, status and PDF availability. It
 * re-renders only when its row, its place or the tag colours change, not when the focus moves.
 */
export const PaperRow = memo(function PaperRow({
  row,
  index,
  tagColors,
  onOpenSnippet,
}: {
  row: PaperListRow
  /** The row's place in the list. */
  index: number
  tagColors: ReadonlyMap<string, string | null>
  /** Opens the search hit the snippet shows (the reader at its page). */
  onOpenSnippet?: ((index: number, id: PaperId) => void) | undefined
}) {
  const matched = row.matchedAuthor ?? null
  const byline = bylineOf(row, matched)
  const matchedAt = matched === null || byline === null ? -1 : byline.indexOf(matched)
  return (
    <div className="paper-row" data-testid="paper-row" data-status={row.status}>
      <div className="paper-row__line">
        {row.status === 'unread' ? <span className="paper-row__dot" aria-hidden="true" /> : null}
        <span className="paper-row__title">
          {row.highlights?.title && row.highlights.title.length > 0
            ? highlightParts(displayTitle(row), row.highlights.title).map((part, index) =>
                part.marked ? <mark key={index}>{part.text}</mark> : part.text,
              )
            : displayTitle(row)}
        </span>
        {row.starred ? (
          <span className="paper-row__star" title="Starred" aria-label="Starred">
            ★
          </span>
        ) : null}
        {row.publishedAt ? (
          <time className="paper-row__date" dateTime={row.publishedAt}>
            {formatDay(row.publishedAt)}
          </time>
        ) : null}
      </div>
      <div className="paper-row__line paper-row__meta">
        {byline ? (
          <span className="paper-row__byline">
            {matched !== null && matchedAt >= 0 ? (
              <>
                {byline.slice(0, matchedAt)}
                <mark>{matched}</mark>
                {byline.slice(matchedAt + matched.length)}
              </>
            ) : (
              byline
            )}
          </span>
        ) : null}
        {row.upvotes !== null ? (
          <span className="paper-row__upvotes" title={`${row.upvotes} upvotes`}>
            ▲ {row.upvotes}
          </span>
        ) : null}
        <span
          className="paper-row__tags"
          title={row.tags.length > 0 ? row.tags.join(', ') : undefined}
        >
          {row.tags.slice(0, 4).map((tag) => (
            <TagChip key={tag} name={tag} color={tagColors.get(tag)} />
          ))}
          {row.tags.length > 4 ? (
            <span className="paper-row__more">+{row.tags.length - 4}</span>
          ) : null}
        </span>
        <span className="paper-row__end">
          {row.pdf ? (
            <span
              className={`pdf-badge pdf-badge--${row.pdf}`}
              title={row.pdf === 'local' ? 'PDF stored in the library' : 'PDF available online'}
            >
              PDF
            </span>
          ) : null}
          <span className={`status-badge status-badge--${row.status}`}>
            {STATUS_LABELS[row.status]}
          </span>
        </span>
      </div>
      {row.snippet ? (
        <SnippetLine
          snippet={row.snippet}
          onOpen={onOpenSnippet ? () => onOpenSnippet(index, row.id) : undefined}
        />
      ) : null}
    </div>
  )
})
