import type { WritableDb } from '../open-database'

/** Keeps the numbering in order: version 16 belongs to a change that lands separately. */
export function up(db: WritableDb): void {
  void db
}
