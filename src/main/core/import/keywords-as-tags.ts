// `import --keywords-as-tags`: the keywords a reference file gives its entries (BibTeX `keywords`,
// CSL `keyword`, RIS `KW`, stored as the papers' `keyword` labels) become the user's tags, which
// is how a Zotero or JabRef library brings its tags along.
import { tagNameSchema } from '@shared/api/inputs'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { reindexPapers } from '../db/papers-index'
import { addTags } from '../db/tags-repo'

/** Tags each paper with its keyword labels (names a tag cannot take are skipped); returns the papers that changed. */
export function applyKeywordTags(
  db: WritableDb,
  paperIds: ReadonlyArray<number>,
  now: string,
): number[] {
  const rows = db
    .prepare(
      `SELECT paper_id, label FROM paper_categories
       WHERE origin = 'keyword' AND paper_id IN (SELECT value FROM json_each(?))`,
    )
    .all(jsonIds(paperIds)) as Array<{ paper_id: number; label: string }>
  const byTag = new Map<string, number[]>()
  for (const { paper_id: id, label } of rows) {
    const name = tagNameSchema.safeParse(label)
    if (!name.success) continue
    byTag.set(name.data, [...(byTag.get(name.data) ?? []), id])
  }
  const changed = new Set<number>()
  for (const [tag, ids] of byTag) {
    if (addTags(db, ids, [tag], now) > 0) for (const id of ids) changed.add(id)
  }
  return [...changed]
}

/**
 * After an import's batches are written: its papers' keywords become tags in one transaction
 * (with their search rows), so the import and its tags are both searchable when it returns.
 */
export function tagWithKeywords(db: WritableDb, paperIds: ReadonlyArray<number>, now: Date): void {
  db.transaction(() =>
    reindexPapers(db, applyKeywordTags(db, paperIds, now.toISOString())),
  ).immediate()
}
