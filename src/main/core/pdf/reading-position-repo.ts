import type { ReaderZoom, ReadingPosition } from '@shared/model/pdf'
import { readerZoomSchema } from '@shared/model/pdf'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'

/** The reader's last page and zoom, when it kept one. */
export function readingPosition(db: WritableDb, id: number): ReadingPosition | null {
  const row = prepared(db, 'SELECT view_state, last_read_page FROM papers WHERE id = ?').get(id) as
    { view_state: string | null; last_read_page: number | null } | undefined
  if (!row) return null
  try {
    const parsed = JSON.parse(row.view_state ?? 'null') as { page?: unknown; zoom?: unknown } | null
    const zoom = readerZoomSchema.safeParse(parsed?.zoom)
    const page =
      typeof parsed?.page === 'number' && parsed.page >= 1
        ? Math.floor(parsed.page)
        : row.last_read_page
    if (page === null || page === undefined) return null
    return { page, zoom: zoom.success ? zoom.data : 'auto' }
  } catch {
    return row.last_read_page ? { page: row.last_read_page, zoom: 'auto' } : null
  }
}

/**
 * Keeps the reader's page and zoom for paper `id`, and starts an unread paper (status `reading`),
 * in one transaction. Returns how many of the two changed (nothing when the position is the same).
 */
export function saveReadingPosition(
  db: WritableDb,
  position: { id: number; page: number; zoom: ReaderZoom },
  now: string,
): { moved: number; started: number } {
  const { id, page, zoom } = position
  const state = JSON.stringify({ page, zoom })
  return db
    .transaction(() => {
      const moved = prepared(
        db,
        `UPDATE papers SET view_state = ?, last_read_page = ?, last_opened_at = ?
         WHERE id = ? AND (view_state IS NOT ? OR last_read_page IS NOT ?)`,
      ).run(state, page, now, id, state, page).changes
      const started = prepared(
        db,
        `UPDATE papers SET status = 'reading', modified_at = ? WHERE id = ? AND status = 'unread'`,
      ).run(now, id).changes
      return { moved, started }
    })
    .immediate()
}
