import type { TriageState } from '@shared/api/triage-api'
import { editedFields } from './paper-edits-repo'
import type { PaperId } from '@shared/model/ids'
import type {
  Paper,
  PaperDetail,
  PaperSort,
  ReadingStatus,
  SuggestedTag,
} from '@shared/model/paper'
import { arxivIdFromUrl, normaliseDoi, parseArxivId } from '@shared/model/ids'
import { jsonIds } from './json-ids'
import type { WritableDb } from './open-database'
import {
  hasStatus,
  hasTag,
  inList,
  isStarred,
  listedOutsideViews,
  whereOf,
  type SqlCondition,
} from './view-filter'
import { orderByOf } from './view-sort'

/** The columns of `papers` that sources write (remote metadata); sync never writes the others. */
export type RemoteColumns = {
  arxiv_id: string | null
  doi: string | null
  title_key: string | null
  latest_version: number | null
  title: string | null
  abstract: string | null
  author_count: number | null
  organization: string | null
  organization_handle: string | null
  published_at: string | null
  upvotes: number | null
  comment_count: number | null
  withdrawn: number
  journal_ref: string | null
  pdf_url: string | null
  code_url: string | null
  code_stars: number | null
  project_url: string | null
  featured_on: string | null
  metadata_rank: number
}

/** A `papers` row as SQLite returns it: id, remote metadata, the user's fields, timestamps. */
export type PaperRow = RemoteColumns & {
  id: PaperId
  status: ReadingStatus
  starred: number
  note: string | null
  last_read_page: number | null
  view_state: string | null
  last_opened_at: string | null
  triage: TriageState
  rule_note: string | null
  added_at: string
  modified_at: string
}

/** Filters and order of a paper listing. */
export type PaperQuery = {
  tag?: string | undefined
  listId?: number | undefined
  status?: ReadingStatus | undefined
  starred?: boolean | undefined
  sort: PaperSort
  order?: 'asc' | 'desc' | undefined
  limit: number
  offset: number
  /** Dismissed papers too (the library and the inbox are always listed). */
  includeDismissed?: boolean | undefined
}

/** One window of papers matching the filters (a tag with its sub-tags), and how many match in all. */
export function listPapers(db: WritableDb, query: PaperQuery): { total: number; papers: Paper[] } {
  const conditions: SqlCondition[] = [listedOutsideViews(query.includeDismissed ?? false)]
  if (query.tag !== undefined) conditions.push(hasTag(query.tag))
  if (query.listId !== undefined) conditions.push(inList(query.listId))
  if (query.status !== undefined) conditions.push(hasStatus(query.status))
  if (query.starred !== undefined) conditions.push(isStarred(query.starred))
  const { sql, params } = whereOf(conditions)
  const total = (
    db.prepare(`SELECT count(*) AS n FROM papers p ${sql}`).get(...params) as { n: number }
  ).n
  const rows = db
    .prepare(
      `SELECT p.* FROM papers p ${sql} ${orderByOf(query.sort, query.order, query.listId)} LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit, query.offset) as PaperRow[]
  return { total, papers: hydratePapers(db, rows) }
}

/** The rows of the given papers, in the given order (missing ids are skipped). */
export function getPaperRows(db: WritableDb, ids: ReadonlyArray<number>): PaperRow[] {
  const rows = db
    .prepare('SELECT * FROM papers WHERE id IN (SELECT value FROM json_each(?))')
    .all(jsonIds(ids)) as PaperRow[]
  const byId = new Map<number, PaperRow>(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Papers in the API shape, with authors and tags, in the order of `rows`. */
export function hydratePapers(db: WritableDb, rows: ReadonlyArray<PaperRow>): Paper[] {
  if (rows.length === 0) return []
  const ids = jsonIds(rows.map((row) => row.id))
  const authors = groupBy(
    db
      .prepare(
        'SELECT paper_id AS id, name AS value FROM paper_authors WHERE paper_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id, position',
      )
      .all(ids) as Array<{ id: number; value: string }>,
  )
  const tags = groupBy(
    db
      .prepare(
        `SELECT pt.paper_id AS id, t.name AS value FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
         WHERE pt.paper_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
      )
      .all(ids) as Array<{ id: number; value: string }>,
  )
  return rows.map((row) => toPaper(row, authors.get(row.id) ?? [], tags.get(row.id) ?? []))
}

/** One paper with its links, suggested tags and provenance; null when absent. */
export function getPaperDetail(db: WritableDb, id: number): PaperDetail | null {
  const [row] = getPaperRows(db, [id])
  if (!row) return null
  const [paper] = hydratePapers(db, [row])
  if (!paper) return null
  const suggestedTags = db
    .prepare('SELECT label, origin FROM paper_categories WHERE paper_id = ? ORDER BY origin, label')
    .all(id) as SuggestedTag[]
  const provenance = db
    .prepare(
      `SELECT s.id AS sourceId, s.name AS sourceName, s.kind AS sourceKind, ps.first_seen_at AS firstSeenAt,
              ps.last_seen_at AS lastSeenAt, ps.rank, ps.section
       FROM paper_sources ps JOIN sources s ON s.id = ps.source_id
       WHERE ps.paper_id = ? ORDER BY ps.first_seen_at, s.id`,
    )
    .all(id) as PaperDetail['provenance']
  return {
    ...paper,
    latestVersion: row.latest_version,
    links: paperLinks(row),
    suggestedTags,
    provenance,
    lastReadPage: row.last_read_page,
    modifiedAt: row.modified_at,
    triage: row.triage,
    ruleNote: row.rule_note,
    venue: row.journal_ref,
    editedFields: editedFields(db, id),
  }
}

/** The id of the paper a reference names: numeric id, arXiv id or URL, Hugging Face URL, or DOI. */
export function findPaperIdByRef(db: WritableDb, ref: string): PaperId | null {
  const text = ref.trim()
  if (/^\d+$/.test(text)) {
    const row = db.prepare('SELECT id FROM papers WHERE id = ?').get(Number(text)) as
      { id: PaperId } | undefined
    if (row) return row.id
  }
  const arxiv = parseArxivId(text) ?? arxivIdFromUrl(text)
  if (arxiv) return findPaperIdBy(db, 'arxiv_id', arxiv.id)
  const doi = normaliseDoi(text)
  return doi ? findPaperIdBy(db, 'doi', doi) : null
}

/** The paper with this arXiv id or DOI. */
export function findPaperIdBy(
  db: WritableDb,
  column: 'arxiv_id' | 'doi',
  value: string,
): PaperId | null {
  const row = db.prepare(`SELECT id FROM papers WHERE ${column} = ?`).get(value) as
    { id: PaperId } | undefined
  return row?.id ?? null
}

/** The given ids the library holds, in the given order, once each. */
export function existingPaperIds(db: WritableDb, ids: ReadonlyArray<number>): PaperId[] {
  return db
    .prepare(
      `SELECT p.id FROM json_each(?) j JOIN papers p ON p.id = j.value
       GROUP BY p.id ORDER BY min(j.key)`,
    )
    .pluck()
    .all(jsonIds(ids)) as PaperId[]
}

/** How many papers the library holds. */
export function countPapers(db: WritableDb): number {
  return (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n
}

function toPaper(row: PaperRow, authors: string[], tags: string[]): Paper {
  return {
    id: row.id,
    arxivId: row.arxiv_id,
    doi: row.doi,
    title: row.title,
    abstract: row.abstract,
    authors,
    authorCount: row.author_count ?? (authors.length > 0 ? authors.length : null),
    organization: row.organization,
    publishedAt: row.published_at,
    upvotes: row.upvotes,
    tags,
    status: row.status,
    starred: row.starred === 1,
    note: row.note,
    addedAt: row.added_at,
  }
}

function paperLinks(row: PaperRow): PaperDetail['links'] {
  const arxiv = row.arxiv_id
  return {
    abs: arxiv ? `https://arxiv.org/abs/${arxiv}` : row.doi ? `https://doi.org/${row.doi}` : null,
    pdf: httpUrlOrNull(row.pdf_url) ?? (arxiv ? `https://arxiv.org/pdf/${arxiv}` : null),
    huggingFace: arxiv && !arxiv.includes('/') ? `https://huggingface.co/papers/${arxiv}` : null,
    code: httpUrlOrNull(row.code_url),
    project: httpUrlOrNull(row.project_url),
  }
}

/** A stored link only when it is http(s): a source's `javascript:`, `file:` or `data:` URL never becomes a link. */
function httpUrlOrNull(url: string | null): string | null {
  if (url === null) return null
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

function groupBy(rows: ReadonlyArray<{ id: number; value: string }>): Map<number, string[]> {
  const groups = new Map<number, string[]>()
  for (const { id, value } of rows) {
    const group = groups.get(id)
    if (group) group.push(value)
    else groups.set(id, [value])
  }
  return groups
}
