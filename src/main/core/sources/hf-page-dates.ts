import { ParseError } from './parse-error'

/** A date line as the page shows it: month, day, the year unless it is the current one, upvotes. */
export type PageDate = { month: number; day: number; year: number | null; upvotes: number | null }

/** A calendar day. */
export type CalendarDay = { year: number; month: number; day: number }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const UPVOTES = String.raw`\d+(?:[.,]\d+)?[kK]|\d{1,3}(?:[.,]\d{3})+|\d+`
const DATE_BODY = String.raw`(${MONTHS.join('|')})\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(${UPVOTES}))?`

/** The pattern of a date line, without anchors, for building larger patterns. */
export const DATE_PATTERN = DATE_BODY

const DATE_LINE = new RegExp(`^${DATE_BODY}$`)

/** Reads a date line (`May 19`, `Dec 8, 2024`, `Nov 11 5`, `Jan 3 1.2k`); null if it is not one. */
export function parseDateLine(line: string): PageDate | null {
  const match = DATE_LINE.exec(line.trim())
  return match ? dateFromMatch(match, 1) : null
}

/** Builds a PageDate from the four date groups of a match, starting at group `first`. */
export function dateFromMatch(match: RegExpExecArray, first: number): PageDate {
  const [month, day, year, upvotes] = match.slice(first, first + 4)
  return {
    month: MONTHS.indexOf(month ?? '') + 1,
    day: Number(day),
    year: year ? Number(year) : null,
    upvotes: upvotes ? parseUpvotes(upvotes) : null,
  }
}

/** Reads an upvote count: `5`, `1,234`, `1.2k` (1200); compact counts are rounded. */
export function parseUpvotes(text: string): number {
  if (/k$/i.test(text)) return Math.round(Number(text.slice(0, -1).replace(',', '.')) * 1000)
  return Number(text.replace(/[.,]/g, ''))
}

/** True when the day exists in the calendar (no Feb 30, Feb 29 only in leap years). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && day >= 1
}

/** The UTC calendar day of an instant. */
export function utcDay(instant: Date): CalendarDay {
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  }
}

/**
 * Resolves a date line to a calendar day. An explicit year is used as given; without one, the
 * date is the latest such day not after `reference` (the page date, or today for the page date
 * itself). Throws a ParseError naming `line` for a day that does not exist.
 */
export function resolveDate(date: PageDate, reference: CalendarDay, line: number): CalendarDay {
  const { month, day } = date
  if (date.year !== null) {
    if (!isRealDay(date.year, month, day)) throw notADay(date, line)
    return { year: date.year, month, day }
  }
  const later = month * 100 + day > reference.month * 100 + reference.day
  // Feb 29 may have to reach back to the last leap year.
  for (let year = reference.year - (later ? 1 : 0); year > reference.year - 9; year--) {
    if (isRealDay(year, month, day)) return { year, month, day }
  }
  throw notADay(date, line)
}

/** Formats a calendar day as `YYYY-MM-DD`. */
export function isoDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function notADay(date: PageDate, line: number): ParseError {
  const year = date.year === null ? '' : `, ${date.year}`
  const name = `${MONTHS[date.month - 1] ?? '?'} ${date.day}${year}`
  return new ParseError(`${name} is not a real calendar date`, line)
}
