import type { WritableDb } from '../db/open-database'
import { assignCitationKeys } from './citation-keys'

/** What every export format reads of one paper. */
export type ExportRecord = {
  id: number
  citationKey: string
  arxivId: string | null
  doi: string | null
  title: string | null
  abstract: string | null
  authors: string[]
  publishedAt: string | null
  /** Where it was published (`journal_ref`), when known. */
  venue: string | null
  pdfUrl: string | null
  codeUrl: string | null
  /** The arXiv category, when the paper has exactly one (the primary one is not stored apart). */
  arxivCategory: string | null
  tags: string[]
}

type Row = {
  id: number
  citation_key: string | null
  arxiv_id: string | null
  doi: string | null
  title: string | null
  abstract: string | null
  published_at: string | null
  journal_ref: string | null
  pdf_url: string | null
  code_url: string | null
}

/**
 * The export records of `ids`, in that order, read in one pass per table (a 50k-paper export is
 * four queries, not 200k). A paper without a citation key gets one now, from what its record
 * holds (`assignCitationKeys`), so a first export reads the papers once. Abstracts are read only
 * when asked for: they are most of the text, and of the memory an export churns through.
 */
export function loadExportRecords(
  db: WritableDb,
  ids: ReadonlyArray<number>,
  options: { abstracts: boolean } = { abstracts: true },
): ExportRecord[] {
  if (ids.length === 0) return []
  const json = JSON.stringify(ids)
  const rows = db
    .prepare(
      `SELECT p.id, k.key AS citation_key, p.arxiv_id, p.doi, p.title,
              CASE WHEN ? THEN p.abstract END AS abstract,
              p.published_at, p.journal_ref, p.pdf_url, p.code_url
       FROM papers p LEFT JOIN citation_keys k ON k.paper_id = p.id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(options.abstracts ? 1 : 0, json) as Row[]
  const authors = groupValues(
    db,
    `SELECT paper_id, json_group_array(name ORDER BY position) FROM paper_authors
     WHERE paper_id IN (SELECT value FROM json_each(?)) GROUP BY paper_id`,
    json,
  )
  const tags = groupValues(
    db,
    `SELECT pt.paper_id, json_group_array(t.name ORDER BY t.name COLLATE NOCASE)
     FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.paper_id IN (SELECT value FROM json_each(?)) GROUP BY pt.paper_id`,
    json,
  )
  const categories = groupValues(
    db,
    `SELECT paper_id, json_group_array(label) FROM paper_categories
     WHERE origin = 'arxiv-category' AND paper_id IN (SELECT value FROM json_each(?))
     GROUP BY paper_id`,
    json,
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  const unkeyed = rows.filter((row) => row.citation_key === null)
  const given = assignCitationKeys(
    db,
    unkeyed.map((row) => ({
      id: row.id,
      title: row.title,
      publishedAt: row.published_at,
      arxivId: row.arxiv_id,
      authors: authors.get(row.id)?.slice(0, 1) ?? [],
    })),
  )
  return ids.flatMap((id) => {
    const row = byId.get(id)
    const citationKey = row?.citation_key ?? given.get(id)
    if (!row || citationKey === undefined) return []
    const labels = categories.get(id) ?? []
    return [
      {
        id,
        citationKey,
        arxivId: row.arxiv_id,
        doi: row.doi,
        title: row.title,
        abstract: row.abstract,
        authors: authors.get(id) ?? [],
        publishedAt: row.published_at,
        venue: row.journal_ref,
        pdfUrl: row.pdf_url,
        codeUrl: row.code_url,
        arxivCategory: labels.length === 1 ? (labels[0] ?? null) : null,
        tags: tags.get(id) ?? [],
      },
    ]
  })
}

/**
 * A paper's values (authors, tags) from `sql`, which answers one row per paper: its id and a JSON
 * array. Grouped in SQLite, so a 50k-paper export reads 50k rows of authors, not 350k.
 */
function groupValues(db: WritableDb, sql: string, json: string): Map<number, string[]> {
  const groups = new Map<number, string[]>()
  for (const [id, values] of db.prepare(sql).raw().all(json) as Array<[number, string]>) {
    groups.set(id, JSON.parse(values) as string[])
  }
  return groups
}
