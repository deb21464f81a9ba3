import type { PaperId } from '@shared/model/ids'
import { titleKey } from '@shared/model/title-key'
import type { WritableDb } from '../db/open-database'
import { prepared } from '../db/prepared'
import type { PaperDraft } from '../sources/paper-draft'

type IdentityRow = {
  id: PaperId
  arxiv_id: string | null
  doi: string | null
  title_key: string | null
}

/** Finds library papers for the drafts of one batch, reading the identifiers of the whole batch up front. */
export type PaperFinder = {
  /**
   * The library paper a draft is, by the identity rules: the same arXiv id (without version),
   * else the same DOI, else the same normalised title — the last only when exactly one paper has
   * that title and no identifier of it contradicts the draft's. Never a guess between several.
   */
  find(draft: PaperDraft): PaperId | null
  /** The paper that holds an arXiv id or DOI, or null. */
  holder(column: 'arxiv_id' | 'doi', value: string): PaperId | null
  /** Tells the finder a paper now holds these identifiers and title (written earlier in the batch). */
  remember(row: IdentityRow): void
}

const IDENTITY = 'SELECT id, arxiv_id, doi, title_key FROM papers'

/**
 * A finder for a batch: three indexed queries for all its arXiv ids, DOIs and title keys, then
 * lookups in memory; papers written during the batch are told to it with `remember`.
 */
export function createPaperFinder(db: WritableDb, drafts: ReadonlyArray<PaperDraft>): PaperFinder {
  const byArxiv = new Map<string, IdentityRow>()
  const byDoi = new Map<string, IdentityRow>()
  const byTitle = new Map<string, Map<number, IdentityRow>>()
  const titleOf = new Map<number, string | null>()
  const remember = (row: IdentityRow) => {
    if (row.arxiv_id !== null) byArxiv.set(row.arxiv_id, row)
    if (row.doi !== null) byDoi.set(row.doi, row)
    const before = titleOf.get(row.id)
    if (before !== undefined && before !== null) byTitle.get(before)?.delete(row.id)
    titleOf.set(row.id, row.title_key)
    if (row.title_key === null) return
    const holders = byTitle.get(row.title_key) ?? new Map<number, IdentityRow>()
    byTitle.set(row.title_key, holders.set(row.id, row))
  }
  const unique = (values: ReadonlyArray<string | null | undefined>) => [
    ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
  ]
  const arxivIds = new Set(unique(drafts.map((d) => d.arxivId)))
  const dois = new Set(unique(drafts.map((d) => d.doi)))
  const titleKeys = new Set(unique(drafts.map((d) => titleKey(d.title))))
  const load = (column: 'arxiv_id' | 'doi' | 'title_key', values: ReadonlySet<string>) => {
    if (values.size === 0) return
    const sql = `${IDENTITY} WHERE ${column} IN (SELECT value FROM json_each(?))`
    for (const row of prepared(db, sql).all(JSON.stringify([...values])) as IdentityRow[]) {
      remember(row)
    }
  }
  load('arxiv_id', arxivIds)
  load('doi', dois)
  load('title_key', titleKeys)
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
      // Every title key of the batch was read up front, so the map holds all papers with it.
      const candidates = [...(byTitle.get(key)?.values() ?? [])].filter(
        (row) =>
          (arxivId === null || row.arxiv_id === null) &&
          (doi === null || row.doi === null || row.doi === doi),
      )
      return candidates.length === 1 && candidates[0] ? candidates[0].id : null
    },
    holder(column, value) {
      const row = (column === 'arxiv_id' ? byArxiv : byDoi).get(value)
      if (row) return row.id
      // Identifiers of this batch's drafts were all read up front: absent means no paper holds it.
      if ((column === 'arxiv_id' ? arxivIds : dois).has(value)) return null
      const found = prepared(db, `SELECT id FROM papers WHERE ${column} = ?`).get(value) as
        { id: PaperId } | undefined
      return found?.id ?? null
    },
    remember,
  }
}
