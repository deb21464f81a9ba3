import { displayTitle, type Paper } from '@shared/model/paper'
import { bylineOf, formatDay } from './paper-format'

/** One paper in the list: title, byline, date, upvotes, tags and reading status. */
export function PaperRow({ paper }: { paper: Paper }) {
  const byline = bylineOf(paper)
  return (
    <article className="paper-row" data-testid="paper-row">
      <div className="paper-row__main">
        <h2 className="paper-row__title">
          {paper.starred ? (
            <span className="paper-row__star" aria-label="Starred">
              ★{' '}
            </span>
          ) : null}
          {displayTitle(paper)}
        </h2>
        <p className="paper-row__meta">
          {byline ? <span>{byline}</span> : null}
          {paper.publishedAt ? (
            <time dateTime={paper.publishedAt}>{formatDay(paper.publishedAt)}</time>
          ) : null}
          {paper.upvotes !== null ? (
            <span className="paper-row__upvotes" title={`${paper.upvotes} upvotes`}>
              ▲ {paper.upvotes}
            </span>
          ) : null}
        </p>
        {paper.tags.length > 0 ? (
          <ul className="paper-row__tags" aria-label="Tags">
            {paper.tags.map((tag) => (
              <li key={tag} className="tag-chip">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <span className={`status-badge status-badge--${paper.status}`}>{paper.status}</span>
    </article>
  )
}
