import type { Paper } from '@shared/model/paper'

const SHOWN_AUTHORS = 3
const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

/** Who wrote a paper, as far as it is known: names, else a count, else the organization. */
export function bylineOf(paper: Paper): string | null {
  const { authors, authorCount, organization } = paper
  if (authors.length > SHOWN_AUTHORS) {
    return `${authors.slice(0, SHOWN_AUTHORS).join(', ')} +${authors.length - SHOWN_AUTHORS}`
  }
  if (authors.length > 0) return authors.join(', ')
  if (authorCount !== null) return authorCount === 1 ? '1 author' : `${authorCount} authors`
  return organization
}

/** A `YYYY-MM-DD` date in the reader's locale, or the text as given if it is not one. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? day : dateFormat.format(date)
}

/** "12 papers", or "3 of 12 papers" while a search narrows the list. */
export function countLabel(shown: number, total: number, searching: boolean): string {
  const papers = total === 1 ? 'paper' : 'papers'
  return searching ? `${shown} of ${total} ${papers}` : `${total} ${papers}`
}
