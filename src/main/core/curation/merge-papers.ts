import { AppError } from '@shared/api/errors'
import { arxivIdFromUrl, normaliseDoi, parseArxivId, type PaperId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import { reindexPapers } from '../db/papers-index'
import { columnsOf, quoted } from '../export/library-tables'
import { REMOTE_COLUMNS } from '../sync/merge-drafts'
import { noSuchPaper } from '../db/require-paper'

type Row = Record<string, unknown>
/** A table whose rows belong to a paper, and the column naming it. */
type PaperLink = { table: string; column: string }
/** Everything two papers were before a merge: their rows and every row hanging off them. */
type MergeSnapshot = { papers: Row[]; children: Array<{ table: string; rows: Row[] }> }

const STATUS_ORDER = ['unread', 'reading', 'read']
// What the survivor takes from the merged paper where it knows nothing: remote metadata (the
// flags and rank are its own) and where the user was in the paper. Its citation key is a row of
// `citation_keys`: it moves to the survivor only when the survivor has none, as rows do.
const FILL_COLUMNS: ReadonlyArray<string> = [
  ...REMOTE_COLUMNS.filter((column) => column !== 'withdrawn' && column !== 'metadata_rank'),
  'last_read_page',
  'view_state',
  'last_opened_at',
]

/**
 * Every table with a column referencing `papers(id)`, read from the schema, so rows added by
 * later features (annotations, overrides) follow a merge without this module knowing them.
 */
function paperLinks(db: WritableDb): PaperLink[] {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'papers'",
    )
    .pluck()
    .all() as string[]
  return tables.flatMap((table) =>
    (
      db
        .prepare('SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)')
        .all(table) as Array<{
        parent: string
        col: string
      }>
    )
      .filter((fk) => fk.parent === 'papers')
      .map((fk) => ({ table, column: fk.col })),
  )
}

function snapshot(
  db: WritableDb,
  links: ReadonlyArray<PaperLink>,
  ids: ReadonlyArray<number>,
): MergeSnapshot {
  const json = JSON.stringify(ids)
  return {
    papers: db
      .prepare('SELECT * FROM papers WHERE id IN (SELECT value FROM json_each(?))')
      .all(json) as Row[],
    children: links.map(({ table, column }) => ({
      table,
      rows: db
        .prepare(
          `SELECT * FROM ${quoted(table)} WHERE ${quoted(column)} IN (SELECT value FROM json_each(?))`,
        )
        .all(json) as Row[],
    })),
  }
}

function insertRows(
  db: WritableDb,
  table: string,
  rows: ReadonlyArray<Row>,
  mode = 'INSERT',
): void {
  const columns = new Set(columnsOf(db, table))
  for (const row of rows) {
    const names = Object.keys(row).filter((name) => columns.has(name))
    db.prepare(
      `${mode} INTO ${quoted(table)} (${names.map(quoted).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((name) => row[name]))
  }
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: the survivor keeps its metadata and
 * takes what it lacks (the other identifier: arXiv id or DOI, abstract, venue, links), the union
 * of tags, lists, provenance, files and every other row of the merged paper, the further reading
 * status, the star of either, both notes and the earlier date added. The merged id (and its arXiv
 * id and DOI) keeps naming the survivor; what both papers were is kept for `unmergePaper`.
 */
export function mergePaper(
  db: WritableDb,
  survivorId: number,
  mergedId: number,
  now: string,
): void {
  if (survivorId === mergedId) {
    throw new AppError('invalid-input', 'A paper cannot be merged into itself.')
  }
  const links = paperLinks(db)
  const before = snapshot(db, links, [survivorId, mergedId])
  const survivor = before.papers.find((p) => p['id'] === survivorId)
  const merged = before.papers.find((p) => p['id'] === mergedId)
  if (!survivor) throw noSuchPaper(survivorId)
  if (!merged) throw noSuchPaper(mergedId)

  const survivorHasAuthors = db
    .prepare('SELECT 1 FROM paper_authors WHERE paper_id = ?')
    .get(survivorId)
  for (const { table, column } of links) {
    if (table === 'paper_authors' && survivorHasAuthors) continue
    // The survivor shows its own metadata, so its corrections are the ones that stay.
    if (table === 'paper_edits') continue
    const name = quoted(column)
    // Rows the survivor already has an equal of (a tag both carry, a list both are in) stay put
    // and go with the merged paper; the snapshot brings them back on undo.
    db.prepare(`UPDATE OR IGNORE ${quoted(table)} SET ${name} = ? WHERE ${name} = ?`).run(
      survivorId,
      mergedId,
    )
  }
  db.prepare('DELETE FROM papers WHERE id = ?').run(mergedId)

  const fills = FILL_COLUMNS.filter(
    (c) => survivor[c] === null && merged[c] !== null && merged[c] !== undefined,
  )
  const notes = [survivor['note'], merged['note']].filter(
    (n): n is string => typeof n === 'string' && n !== '',
  )
  const status = [survivor['status'], merged['status']].sort(
    (x, y) => STATUS_ORDER.indexOf(String(y)) - STATUS_ORDER.indexOf(String(x)),
  )[0]
  const added = [String(survivor['added_at']), String(merged['added_at'])].sort()[0]
  db.prepare(
    `UPDATE papers SET ${fills.map((c) => `${quoted(c)} = @${c}, `).join('')}
       note = @note, status = @status, starred = @starred, added_at = @added, modified_at = @now
     WHERE id = @id`,
  ).run({
    ...Object.fromEntries(fills.map((c) => [c, merged[c]])),
    note: notes.length > 0 ? notes.join('\n\n') : null,
    status,
    starred: survivor['starred'] === 1 || merged['starred'] === 1 ? 1 : 0,
    added,
    now,
    id: survivorId,
  })
  db.prepare(
    'INSERT INTO merged_papers (merged_id, survivor_id, arxiv_id, doi, merged_at, undo) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    mergedId,
    survivorId,
    merged['arxiv_id'] ?? null,
    merged['doi'] ?? null,
    now,
    JSON.stringify(before),
  )
  reindexPapers(db, [survivorId, mergedId])
}

/**
 * Splits a merge again: both papers become what they were when merged (changes made to the
 * survivor since are undone with it), in one transaction. Returns the two ids.
 */
export function unmergePaper(
  db: WritableDb,
  mergedId: number,
): { survivorId: PaperId; mergedId: number } {
  const record = db
    .prepare('SELECT survivor_id, undo FROM merged_papers WHERE merged_id = ?')
    .get(mergedId) as { survivor_id: PaperId; undo: string } | undefined
  if (!record) throw new AppError('not-found', `Paper ${mergedId} was not merged into another.`)
  const later = db
    .prepare(
      'SELECT merged_id FROM merged_papers WHERE survivor_id = ? AND merged_at > (SELECT merged_at FROM merged_papers WHERE merged_id = ?)',
    )
    .pluck()
    .get(record.survivor_id, mergedId) as number | undefined
  if (later !== undefined) {
    throw new AppError(
      'invalid-input',
      `Paper ${later} was merged into paper ${record.survivor_id} later; undo that merge first.`,
    )
  }
  const before = JSON.parse(record.undo) as MergeSnapshot
  const survivorId = record.survivor_id
  const links = paperLinks(db)
  for (const { table, column } of links) {
    db.prepare(`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} IN (?, ?)`).run(
      survivorId,
      mergedId,
    )
  }
  db.prepare('DELETE FROM papers WHERE id = ?').run(survivorId)
  insertRows(db, 'papers', before.papers)
  for (const { table, rows } of before.children) {
    if (links.some((link) => link.table === table)) insertRows(db, table, rows, 'INSERT OR IGNORE')
  }
  reindexPapers(db, [survivorId, mergedId])
  return { survivorId, mergedId }
}

/** The paper a merged-away reference (its number, arXiv id or URL, or DOI) now lives on, or null. */
export function survivorOf(db: WritableDb, ref: string): number | null {
  const text = ref.trim()
  const step = (sql: string, value: unknown) =>
    (db.prepare(sql).pluck().get(value) as number | undefined) ?? null
  const arxiv = parseArxivId(text) ?? arxivIdFromUrl(text)
  const doi = arxiv ? null : normaliseDoi(text)
  let found = /^\d+$/.test(text)
    ? step('SELECT survivor_id FROM merged_papers WHERE merged_id = ?', Number(text))
    : arxiv
      ? step('SELECT survivor_id FROM merged_papers WHERE arxiv_id = ?', arxiv.id)
      : doi
        ? step('SELECT survivor_id FROM merged_papers WHERE doi = ?', doi)
        : null
  // A survivor may itself have been merged later: follow the chain (merges never form a cycle).
  for (let hops = 0; found !== null && hops < 100; hops++) {
    const next = step('SELECT survivor_id FROM merged_papers WHERE merged_id = ?', found)
    if (next === null) break
    found = next
  }
  return found
}
