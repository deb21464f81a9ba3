// What the topics thread reads of a library: every paper's text and tags, what the user kept or
// dismissed, and the tags allowed to apply themselves. One read, on the thread's own read-only
// connection. This is the one place that decides which papers the model sees; a shared
// "papers of a view" query can replace the SQL here.
import type Database from 'better-sqlite3'
import type { TopicPaper } from './topic-index'

/** A tag the user lets apply itself at or above a confidence. */
export type AutoTagRule = { tag: string; threshold: number }

export type TopicCorpus = {
  papers: TopicPaper[]
  /** Papers the user kept: starred, being read or read, tagged, or with a note. */
  kept: number[]
  /** How much each kept paper says about the user (a star more than a tag), as `kept`. */
  keptWeights: number[]
  /** Papers marked "Not interested". */
  dismissed: number[]
  autoTags: AutoTagRule[]
  /** `paperId tagName` pairs already applied automatically once. */
  autoApplied: Set<string>
}

/** The key of an automatically applied tag in `autoApplied`. */
export const autoKey = (paperId: number, tag: string) => `${paperId} ${tag.toLowerCase()}`

type Grouped = { paper_id: number; value: string }

function groupValues(rows: ReadonlyArray<Grouped>): Map<number, string[]> {
  const groups = new Map<number, string[]>()
  for (const { paper_id: id, value } of rows) {
    const list = groups.get(id)
    if (list) list.push(value)
    else groups.set(id, [value])
  }
  return groups
}

export function readTopicCorpus(db: Database.Database): TopicCorpus {
  const read = db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT p.id, p.title, p.abstract, p.organization,
                -- a star says most, reading or a note more than filing under a tag
                p.starred * 4 + (p.status <> 'unread') * 2 + (p.note IS NOT NULL) * 2
                  + EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.paper_id = p.id) AS kept,
                EXISTS (SELECT 1 FROM paper_interest i WHERE i.paper_id = p.id) AS dismissed
         FROM papers p ORDER BY p.id`,
      )
      .all() as Array<{
      id: number
      title: string | null
      abstract: string | null
      organization: string | null
      kept: number
      dismissed: number
    }>
    const authors = groupValues(
      db
        .prepare('SELECT paper_id, name AS value FROM paper_authors ORDER BY paper_id, position')
        .all() as Grouped[],
    )
    const keywords = groupValues(
      db.prepare('SELECT paper_id, label AS value FROM paper_categories').all() as Grouped[],
    )
    const tags = groupValues(
      db
        .prepare(
          'SELECT pt.paper_id, t.name AS value FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id',
        )
        .all() as Grouped[],
    )
    const autoTags = db
      .prepare(
        'SELECT t.name AS tag, a.threshold FROM tag_auto a JOIN tags t ON t.id = a.tag_id ORDER BY t.name',
      )
      .all() as AutoTagRule[]
    const applied = db
      .prepare(
        'SELECT a.paper_id, t.name AS value FROM auto_tagged a JOIN tags t ON t.id = a.tag_id',
      )
      .all() as Grouped[]
    // a dismissed paper is not kept, whatever else the user did with it
    const keptRows = rows.filter((row) => row.kept > 0 && row.dismissed === 0)
    return {
      papers: rows.map((row) => ({
        id: row.id,
        title: row.title,
        abstract: row.abstract,
        organization: row.organization,
        authors: authors.get(row.id) ?? [],
        keywords: keywords.get(row.id) ?? [],
        tags: tags.get(row.id) ?? [],
      })),
      kept: keptRows.map((row) => row.id),
      keptWeights: keptRows.map((row) => row.kept),
      dismissed: rows.filter((row) => row.dismissed === 1).map((row) => row.id),
      autoTags,
      autoApplied: new Set(applied.map((row) => autoKey(row.paper_id, row.value))),
    }
  })
  return read.deferred()
}
