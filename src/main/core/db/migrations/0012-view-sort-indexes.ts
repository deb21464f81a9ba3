import type { WritableDb } from '../open-database'

/**
 * The reading-status views (unread, reading, read: most of a library) sorted by date published,
 * upvotes or title: each window is read in order from one covering index instead of sorting the
 * view's tens of thousands of rows per page (`db/query-plans.test.ts` guards the plans). Dates
 * added already had `papers_status (status, added_at)`. An insert touches three more small
 * indexes: about 2.5 ms more per 100 papers at 100k.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE INDEX papers_status_published ON papers (status, published_at, id);
    CREATE INDEX papers_status_upvotes ON papers (status, upvotes, id);
    CREATE INDEX papers_status_title ON papers (status, title_key, id);
  `)
}
