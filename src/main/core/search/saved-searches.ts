import type { SavedSearch } from '@shared/api/search-api'
import type { WritableDb } from '../db/open-database'

/** Saved searches in the order they were first saved. */
export function listSavedSearches(db: WritableDb): SavedSearch[] {
  return db
    .prepare(
      'SELECT id, name, query, created_at AS createdAt FROM saved_searches ORDER BY position, id',
    )
    .all() as SavedSearch[]
}

/** Saves `query` under `name` (names match case-insensitively); a saved name keeps its place. */
export function saveSearch(db: WritableDb, name: string, query: string, now: string): SavedSearch {
  return db
    .prepare(
      `INSERT INTO saved_searches (name, query, position, created_at)
       VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_searches), ?)
       ON CONFLICT (name) DO UPDATE SET query = excluded.query, name = excluded.name
       RETURNING id, name, query, created_at AS createdAt`,
    )
    .get(name, query, now) as SavedSearch
}

/** Deletes a saved search; returns how many went away (0 or 1). */
export function deleteSavedSearch(db: WritableDb, id: number): number {
  return db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes
}
