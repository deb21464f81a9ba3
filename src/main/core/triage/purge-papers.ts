import type { PaperId } from '@shared/model/ids'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { reindexPapers } from '../db/papers-index'
import { unlinkFilesOf } from '../pdf/pdf-files-repo'

/** Papers taken out, and the stored files no paper uses any more (delete them after the commit). */
export type Purged = {
  ids: PaperId[]
  unusedFiles: Array<{ sha256: string; size: number }>
}

/** The rows that are the user's own data about a paper, which a purge deletes. */
const USER_DATA_TABLES = [
  'annotations',
  'paper_tags',
  'list_papers',
  'auto_tagged',
  'paper_interest',
  'paper_scores',
  'pdf_downloads',
] as const

/**
 * Empties the trash in the caller's transaction: each trashed paper loses its PDFs, annotations,
 * note, tags, lists, reading state and learned scores, and stays as a tombstone (`purged`) holding
 * only what identifies it and where it was seen, so no sync or import brings it back.
 */
export function purgeTrash(db: WritableDb, now: string): Purged {
  const ids = db
    .prepare("SELECT id FROM papers WHERE triage = 'trash' ORDER BY id")
    .pluck()
    .all() as PaperId[]
  if (ids.length === 0) return { ids, unusedFiles: [] }
  const json = jsonIds(ids)
  const unusedFiles = unlinkFilesOf(db, ids)
  for (const table of USER_DATA_TABLES) {
    db.prepare(`DELETE FROM ${table} WHERE paper_id IN (SELECT value FROM json_each(?))`).run(json)
  }
  db.prepare(
    `UPDATE papers SET triage = 'purged', triaged_at = ?, modified_at = ?, note = NULL,
       status = 'unread', starred = 0, last_read_page = NULL, view_state = NULL,
       last_opened_at = NULL, rule_note = NULL
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(now, now, json)
  // the index drops the tags and note with the rest
  reindexPapers(db, ids)
  return { ids, unusedFiles }
}

/**
 * Forgets papers entirely in the caller's transaction: the row and everything hanging from it
 * (provenance included), so a later sync may bring the paper back as new. Only papers that were
 * dismissed, trashed or purged may be forgotten; the others are returned as refused.
 */
export function forgetPapers(
  db: WritableDb,
  paperIds: ReadonlyArray<PaperId>,
): Purged & { refused: PaperId[] } {
  const json = jsonIds(paperIds)
  const rows = db
    .prepare(
      'SELECT id, triage FROM papers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
    )
    .all(json) as Array<{ id: PaperId; triage: string }>
  const refused = rows.filter((row) => row.triage === 'inbox' || row.triage === 'library')
  const ids = rows.filter((row) => !refused.includes(row)).map((row) => row.id)
  if (ids.length === 0) return { ids, unusedFiles: [], refused: refused.map((row) => row.id) }
  const gone = jsonIds(ids)
  const unusedFiles = unlinkFilesOf(db, ids)
  db.prepare('DELETE FROM papers_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(gone)
  db.prepare('DELETE FROM papers_fts_terms WHERE rowid IN (SELECT value FROM json_each(?))').run(
    gone,
  )
  db.prepare('DELETE FROM search_pending WHERE paper_id IN (SELECT value FROM json_each(?))').run(
    gone,
  )
  // every other row naming the paper goes with it (ON DELETE CASCADE)
  db.prepare('DELETE FROM papers WHERE id IN (SELECT value FROM json_each(?))').run(gone)
  return { ids, unusedFiles, refused: refused.map((row) => row.id) }
}
