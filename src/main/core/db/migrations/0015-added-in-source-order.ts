import type { WritableDb } from '../open-database'

/**
 * Papers added together (one import, one synced page) share their `added_at`; they are listed in
 * the order they were written, which is the source's own order (its rank), in either direction of
 * "Date added" — so ties go by id ascending. The date-added indexes are rebuilt newest first with
 * the id ascending, so the usual newest-first windows are read in order; oldest first sorts only
 * within a batch. Same indexes, same insert cost.
 */
export function up(db: WritableDb): void {
  db.exec(`
    DROP INDEX papers_added;
    CREATE INDEX papers_added ON papers (added_at DESC, id);
    DROP INDEX papers_status;
    CREATE INDEX papers_status ON papers (status, added_at DESC, id);
    DROP INDEX papers_starred;
    CREATE INDEX papers_starred ON papers (starred, added_at DESC, id) WHERE starred = 1;
  `)
}
