import { titleKey } from '../identity/title-key'
import type { WritableDb } from '../db/open-database'
import type { PaperDraft } from '../sources/paper-draft'

type IdentityRow = { id: number; arxiv_id: string | null; doi: string | null }

/**
 * The library paper a draft is, by the identity rules: the same arXiv id (without version), else
 * the same DOI, else the same normalised title — the last only when exactly one paper has that
 * title and no identifier of it contradicts the draft's. Never a guess between several.
 */
export function findExistingPaper(db: WritableDb, draft: PaperDraft): number | null {
  const arxivId = draft.arxivId ?? null
  const doi = draft.doi ?? null
  if (arxivId) {
    const byArxiv = db.prepare('SELECT id FROM papers WHERE arxiv_id = ?').get(arxivId) as
      | IdentityRow
      | undefined
    if (byArxiv) return byArxiv.id
  }
  if (doi) {
    const byDoi = db.prepare('SELECT id, arxiv_id, doi FROM papers WHERE doi = ?').get(doi) as
      | IdentityRow
      | undefined
    if (byDoi && (byDoi.arxiv_id === null || arxivId === null)) return byDoi.id
  }
  const key = titleKey(draft.title)
  if (!key) return null
  const candidates = (
    db.prepare('SELECT id, arxiv_id, doi FROM papers WHERE title_key = ?').all(key) as IdentityRow[]
  ).filter(
    (row) =>
      (arxivId === null || row.arxiv_id === null) && (doi === null || row.doi === null || row.doi === doi),
  )
  return candidates.length === 1 && candidates[0] ? candidates[0].id : null
}
