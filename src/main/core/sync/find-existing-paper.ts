import { titleKey } from '../identity/title-key'
import type { WritableDb } from '../db/open-database'
import type { PaperDraft } from '../sources/paper-draft'

type IdentityRow = { id: number; arxiv_id: string | null; doi: string | null }

/** Finds library papers for the drafts of one batch, reading the identifiers of the whole batch up front. */
export type PaperFinder = {
  /** The library paper a draft is, or null (see `findExistingPaper`). */
  find(draft: PaperDraft): number | null
  /** The paper that holds an arXiv id or DOI, or null. */
  holder(column: 'arxiv_id' | 'doi', value: string): number | null
  /** Tells the finder a paper now holds these identifiers (written earlier in the batch). */
  remember(row: IdentityRow): void
}

/**
 * The library paper a draft is, by the identity rules: the same arXiv id (without version), else
 * the same DOI, else the same normalised title — the last only when exactly one paper has that
 * title and no identifier of it contradicts the draft's. Never a guess between several.
 */
export function findExistingPaper(db: WritableDb, draft: PaperDraft): number | null {
  return createPaperFinder(db, [draft]).find(draft)
}

/** A finder for a batch: two indexed queries for all its arXiv ids and DOIs, then lookups in memory. */
export function createPaperFinder(db: WritableDb, drafts: ReadonlyArray<PaperDraft>): PaperFinder {
  const byArxiv = new Map<string, IdentityRow>()
  const byDoi = new Map<string, IdentityRow>()
  const arxivIds = [...new Set(drafts.flatMap((d) => (d.arxivId ? [d.arxivId] : [])))]
  const dois = [...new Set(drafts.flatMap((d) => (d.doi ? [d.doi] : [])))]
  const remember = (row: IdentityRow) => {
    if (row.arxiv_id !== null) byArxiv.set(row.arxiv_id, row)
    if (row.doi !== null) byDoi.set(row.doi, row)
  }
  if (arxivIds.length > 0) {
    const rows = db
      .prepare(
        'SELECT id, arxiv_id, doi FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(arxivIds)) as IdentityRow[]
    rows.forEach(remember)
  }
  if (dois.length > 0) {
    const rows = db
      .prepare('SELECT id, arxiv_id, doi FROM papers WHERE doi IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(dois)) as IdentityRow[]
    rows.forEach(remember)
  }
  const byTitle = db.prepare('SELECT id, arxiv_id, doi FROM papers WHERE title_key = ?')
  return {
    find(draft) {
      const arxivId = draft.arxivId ?? null
      const doi = draft.doi ?? null
      if (arxivId) {
        const row = byArxiv.get(arxivId)
        if (row) return row.id
      }
      if (doi) {
        const row = byDoi.get(doi)
        if (row && (row.arxiv_id === null || arxivId === null)) return row.id
      }
      const key = titleKey(draft.title)
      if (!key) return null
      const candidates = (byTitle.all(key) as IdentityRow[]).filter(
        (row) =>
          (arxivId === null || row.arxiv_id === null) &&
          (doi === null || row.doi === null || row.doi === doi),
      )
      return candidates.length === 1 && candidates[0] ? candidates[0].id : null
    },
    holder(column, value) {
      const row = (column === 'arxiv_id' ? byArxiv : byDoi).get(value)
      if (row) return row.id
      // Not an identifier of this batch's drafts: ask the index directly.
      const found = db.prepare(`SELECT id FROM papers WHERE ${column} = ?`).get(value) as
        { id: number } | undefined
      return found?.id ?? null
    },
    remember,
  }
}
