import type { ImportRefusal } from '@shared/api/library-api'
import type { PaperId, SourceId } from '@shared/model/ids'
import type { WritableDb } from '../db/open-database'
import { reindexPapers } from '../db/papers-index'
import { ensureSource, markSourceSynced, recordProvenance, type SourceKey } from '../db/sources-repo'
import { addTags } from '../db/tags-repo'
import type { PaperDraft } from '../sources/paper-draft'
import { findExistingPaper } from './find-existing-paper'
import { mergeDraft, REMOTE_COLUMNS, sameRemote, type RemoteFields } from './merge-drafts'

/** How a batch of drafts is written. */
export type ApplyOptions = {
  source: SourceKey
  /** Trust of this source for descriptive metadata (see METADATA_RANK). */
  metadataRank: number
  /** User tags to put on every paper of the batch. */
  tags: ReadonlyArray<string>
  now: string
}

/** What a batch did to the library. */
export type ApplyResult = {
  sourceId: SourceId
  added: number
  updated: number
  unchanged: number
  refused: ImportRefusal[]
  paperIds: PaperId[]
}

/**
 * Writes drafts into the library: one paper per identity, remote fields merged, the user's fields
 * untouched, provenance recorded. Call inside a transaction; it does not open one.
 */
export function applyDrafts(
  db: WritableDb,
  drafts: ReadonlyArray<PaperDraft>,
  options: ApplyOptions,
): ApplyResult {
  const writer = createRemoteWriter(db, options.now)
  const sourceId = ensureSource(db, options.source, options.now)
  const result: ApplyResult = { sourceId, added: 0, updated: 0, unchanged: 0, refused: [], paperIds: [] }
  const firstLine = new Map<number, number | null>()

  for (const draft of drafts) {
    const existingId = findExistingPaper(db, draft)
    const before = existingId === null ? null : writer.read(existingId)
    const merged = withoutTakenIds(db, mergeDraft(before, draft, options.metadataRank), existingId)
    const paperId = existingId ?? writer.insert(merged)
    const remoteChanged = before !== null && !sameRemote(before, merged)
    if (remoteChanged) writer.update(paperId, merged)
    const newLabels = writer.addSuggestedTags(paperId, draft.suggestedTags ?? [])
    if (firstLine.has(paperId)) {
      // Listed twice in one input: what the repeat adds is merged, but it is one paper.
      result.refused.push({
        line: draft.provenance.line,
        entry: describeDraft(draft),
        reason: `the same paper as the entry ${describeLine(firstLine.get(paperId))}`,
      })
      continue
    }
    if (before === null) result.added += 1
    else if (remoteChanged || newLabels > 0) result.updated += 1
    else result.unchanged += 1
    recordProvenance(db, paperId, sourceId, draft.provenance, options.now)
    firstLine.set(paperId, draft.provenance.line)
    result.paperIds.push(paperId as PaperId)
  }
  if (options.tags.length > 0) addTags(db, result.paperIds, options.tags, options.now)
  reindexPapers(db, result.paperIds)
  markSourceSynced(db, sourceId, options.now)
  return result
}

/** Drops an arXiv id or DOI another paper already holds, so two papers never share one. */
function withoutTakenIds(db: WritableDb, fields: RemoteFields, selfId: number | null): RemoteFields {
  const taken = (column: 'arxiv_id' | 'doi', value: string | null): boolean => {
    if (value === null) return false
    const row = db.prepare(`SELECT id FROM papers WHERE ${column} = ?`).get(value) as { id: number } | undefined
    return row !== undefined && row.id !== selfId
  }
  return {
    ...fields,
    arxiv_id: taken('arxiv_id', fields.arxiv_id) ? null : fields.arxiv_id,
    doi: taken('doi', fields.doi) ? null : fields.doi,
  }
}

function describeLine(line: number | null | undefined): string {
  return line === null || line === undefined ? 'before it' : `on line ${line}`
}

function describeDraft(draft: PaperDraft): string {
  return draft.title ?? (draft.arxivId ? `arXiv:${draft.arxivId}` : draft.doi ? `doi:${draft.doi}` : '(untitled)')
}

/** Prepared statements for the remote half of papers. */
function createRemoteWriter(db: WritableDb, now: string) {
  const columns = REMOTE_COLUMNS.join(', ')
  const readRow = db.prepare(`SELECT ${columns} FROM papers WHERE id = ?`)
  const readAuthors = db.prepare(
    'SELECT name, affiliation FROM paper_authors WHERE paper_id = ? ORDER BY position',
  )
  const insertRow = db.prepare(
    `INSERT INTO papers (${columns}, added_at, modified_at)
     VALUES (${REMOTE_COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`,
  )
  const updateRow = db.prepare(
    `UPDATE papers SET ${REMOTE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, modified_at = @now
     WHERE id = @id`,
  )
  const deleteAuthors = db.prepare('DELETE FROM paper_authors WHERE paper_id = ?')
  const insertAuthor = db.prepare(
    'INSERT INTO paper_authors (paper_id, position, name, affiliation) VALUES (?, ?, ?, ?)',
  )
  const insertLabel = db.prepare(
    'INSERT OR IGNORE INTO paper_categories (paper_id, label, origin) VALUES (?, ?, ?)',
  )
  const columnValues = (fields: RemoteFields) =>
    Object.fromEntries(REMOTE_COLUMNS.map((c) => [c, fields[c]]))
  const writeAuthors = (id: number, fields: RemoteFields) => {
    deleteAuthors.run(id)
    fields.authors.forEach((author, position) => insertAuthor.run(id, position, author.name, author.affiliation))
  }
  return {
    read(id: number): RemoteFields {
      const row = readRow.get(id) as Omit<RemoteFields, 'authors'>
      return { ...row, authors: readAuthors.all(id) as RemoteFields['authors'] }
    },
    insert(fields: RemoteFields): number {
      const id = Number(insertRow.run({ ...columnValues(fields), now }).lastInsertRowid)
      writeAuthors(id, fields)
      return id
    },
    update(id: number, fields: RemoteFields): void {
      updateRow.run({ ...columnValues(fields), now, id })
      writeAuthors(id, fields)
    },
    addSuggestedTags(id: number, labels: ReadonlyArray<{ label: string; origin: string }>): number {
      return labels.reduce((sum, { label, origin }) => sum + insertLabel.run(id, label, origin).changes, 0)
    },
  }
}
