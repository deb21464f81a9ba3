import type { Paper } from '@shared/model/paper'

const SHOWN_AUTHORS = 3
const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

/**
 * Who wrote a paper, as far as it is known: first names and a count, else a count, else the
 * organization. An author a search matched (`matched`) is named even when not among the first.
 */
export function bylineOf(
  paper: Pick<Paper, 'authors' | 'authorCount' | 'organization'>,
  matched: string | null = null,
): string | null {
  const { authors, authorCount, organization } = paper
  const total = Math.max(authors.length, authorCount ?? 0)
  if (authors.length > 0) {
    const first = authors.slice(0, SHOWN_AUTHORS)
    if (matched !== null && !first.includes(matched)) {
      const shown = `${first.slice(0, SHOWN_AUTHORS - 1).join(', ')}, … ${matched}`
      return total > SHOWN_AUTHORS ? `${shown} +${total - SHOWN_AUTHORS}` : shown
    }
    const shown = first.join(', ')
    return total > SHOWN_AUTHORS ? `${shown} +${total - SHOWN_AUTHORS}` : shown
  }
  if (organization) return organization
  if (authorCount !== null) return authorCount === 1 ? '1 author' : `${authorCount} authors`
  return null
}

/** A `YYYY-MM-DD` date in the reader's locale, or the text as given if it is not one. */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? day : dateFormat.format(date)
}

/** "just now", "5 min ago", "3 h ago", else the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const ms = now - Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  if (ms < 60_000) return 'just now'
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`
  return formatDay(iso)
}

/** "12 papers", or "3 of 12 papers" while a search narrows the list. */
export function countLabel(shown: number, total: number, searching: boolean): string {
  const papers = total === 1 ? 'paper' : 'papers'
  return searching ? `${shown} of ${total} ${papers}` : `${total} ${papers}`
}

/** "1 paper", "3 papers". */
export function plural(count: number): string {
  return count === 1 ? '1 paper' : `${count} papers`
}
