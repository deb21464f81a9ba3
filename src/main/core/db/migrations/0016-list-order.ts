import type { WritableDb } from '../open-database'

/**
 * A list shows in its own order, which the user can change (move a paper before or after
 * another). `list_papers.position` has held the order since the first schema, but nothing read a
 * list by it, and removals left gaps while a library document or a merge could bring duplicate
 * positions. Positions are renumbered 0…n−1 per list (in their order, then the order papers were
 * added), and `(list_id, position)` is indexed so a list view is read in order, never sorted.
 */
export function up(db: WritableDb): void {
  db.exec(`
    UPDATE list_papers SET position = (
      SELECT r.n FROM (
        SELECT list_id, paper_id,
               row_number() OVER (PARTITION BY list_id ORDER BY position, added_at, paper_id) - 1 AS n
        FROM list_papers
      ) r
      WHERE r.list_id = list_papers.list_id AND r.paper_id = list_papers.paper_id
    );
    CREATE INDEX list_papers_position ON list_papers (list_id, position);
  `)
}
