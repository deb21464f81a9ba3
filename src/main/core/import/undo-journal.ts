import type { WritableDb } from '../db/open-database'
import { jsonIds } from '../db/json-ids'
import { reindexPapers } from '../db/papers-index'
import { prepared } from '../db/prepared'
import type { SourceKey } from '../db/sources-repo'
import { restoreRemoteFields, type Provenance } from '../sync/apply-drafts'
import type { RemoteFields } from '../sync/merge-drafts'

/**
 * Where a write path notes what it is about to change, in the same transaction as the change, so
 * that a run committed in many batches can still be undone as a whole.
 */
export type WriteJournal = {
  /** Before `ensureSource`: notes the source's state (or its absence) once per run. */
  source(source: SourceKey): void
  /** Before `ensureTags`: notes which of the named tags do not exist yet (after: `createdTags`). */
  tagsBefore(names: ReadonlyArray<string>): ReadonlyArray<string>
  createdTags(names: ReadonlyArray<string>): void
  /**
   * Notes the papers a batch created, in one step. Their labels, provenance and tag links need
   * no steps of their own: undoing the insert deletes the paper, and they go with it.
   */
  inserted(paperIds: ReadonlyArray<number>): void
  updated(paperId: number, before: RemoteFields): void
  label(paperId: number, label: { label: string; origin: string }): void
  provenance(paperId: number, sourceId: number, before: Provenance | null): void
  tag(paperId: number, tagId: number): void
}

type SourceState = {
  id: number
  name: string
  last_synced_at: string | null
  last_error: string | null
}

/** The journal of one import run (rows of `import_undo`). */
export function createUndoJournal(db: WritableDb, runId: number): WriteJournal {
  const note = (kind: string, rowId: number, data: unknown) =>
    prepared(db, 'INSERT INTO import_undo (run_id, kind, row_id, data) VALUES (?, ?, ?, ?)').run(
      runId,
      kind,
      rowId,
      data === null ? null : JSON.stringify(data),
    )
  const tagId = (name: string) =>
    prepared(db, 'SELECT id FROM tags WHERE name = ?').pluck().get(name) as number | undefined
  let sourceNoted = false
  return {
    source: ({ kind, key }) => {
      if (sourceNoted) return
      sourceNoted = true
      const row = prepared(
        db,
        'SELECT id, name, last_synced_at, last_error FROM sources WHERE kind = ? AND key = ?',
      ).get(kind, key) as SourceState | undefined
      // A new source is found by its key when undone: its id is not known yet.
      note('source', row?.id ?? 0, row ?? { kind, key })
    },
    tagsBefore: (names) => names.filter((name) => tagId(name) === undefined),
    createdTags: (names) => {
      for (const name of names) {
        const id = tagId(name)
        if (id !== undefined) note('new-tag', id, null)
      }
    },
    inserted: (paperIds) => {
      const first = paperIds[0]
      if (first !== undefined) note('inserted', first, paperIds)
    },
    updated: (paperId, before) => {
      const modifiedAt = prepared(db, 'SELECT modified_at FROM papers WHERE id = ?')
        .pluck()
        .get(paperId) as string
      note('updated', paperId, { before, modifiedAt })
    },
    label: (paperId, { label, origin }) => note('label', paperId, [label, origin]),
    provenance: (paperId, sourceId, before) => note('provenance', paperId, { sourceId, before }),
    tag: (paperId, tagId) => note('tag', paperId, tagId),
  }
}

type Step = { step: number; kind: string; row_id: number; data: string | null }

/**
 * Undoes a run's newest journal steps in the caller's transaction, newest first, up to about
 * `maxRows` rows of the library (a step of inserted papers counts each paper; at least one step
 * is undone), and reindexes the papers that stay; returns how many steps remain.
 */
export function undoSteps(db: WritableDb, runId: number, maxRows: number): number {
  const newest = prepared(
    db,
    'SELECT step, kind, row_id, data FROM import_undo WHERE run_id = ? ORDER BY step DESC LIMIT ?',
  ).all(runId, maxRows) as Step[]
  const steps = withinRows(newest, maxRows)
  const deleted = new Set<number>()
  const touched = new Set<number>()
  for (const { kind, row_id: id, data } of steps) {
    const value: unknown = data === null ? null : JSON.parse(data)
    if (kind === 'inserted') {
      // Deleted after the loop, once, with their full-text rows. A step without data was
      // written by an earlier version, one paper a step.
      for (const paperId of value === null ? [id] : (value as number[])) deleted.add(paperId)
      continue
    }
    if (kind === 'source') {
      restoreSource(db, value as SourceState | { kind: string; key: string })
      continue
    }
    if (kind === 'new-tag') {
      prepared(db, 'DELETE FROM tags WHERE id = ?').run(id)
      continue
    }
    if (kind === 'updated') {
      const { before, modifiedAt } = value as { before: RemoteFields; modifiedAt: string }
      restoreRemoteFields(db, id, before, modifiedAt)
    } else if (kind === 'label') {
      const [label, origin] = value as [string, string]
      prepared(
        db,
        'DELETE FROM paper_categories WHERE paper_id = ? AND label = ? AND origin = ?',
      ).run(id, label, origin)
    } else if (kind === 'provenance') {
      restoreProvenance(db, id, value as { sourceId: number; before: Provenance | null })
    } else if (kind === 'tag') {
      prepared(db, 'DELETE FROM paper_tags WHERE paper_id = ? AND tag_id = ?').run(id, value)
    }
    touched.add(id)
  }
  if (deleted.size > 0) deletePapers(db, [...deleted])
  reindexPapers(
    db,
    [...touched].filter((id) => !deleted.has(id)),
  )
  const oldest = steps.at(-1)
  if (oldest) {
    prepared(db, 'DELETE FROM import_undo WHERE run_id = ? AND step >= ?').run(runId, oldest.step)
  }
  return prepared(db, 'SELECT count(*) FROM import_undo WHERE run_id = ?')
    .pluck()
    .get(runId) as number
}

/** The newest steps whose rows add up to `maxRows` (always the newest step). */
function withinRows(steps: ReadonlyArray<Step>, maxRows: number): ReadonlyArray<Step> {
  let rows = 0
  const taken: Step[] = []
  for (const step of steps) {
    rows += step.kind === 'inserted' && step.data !== null ? idCount(step.data) : 1
    if (taken.length > 0 && rows > maxRows) break
    taken.push(step)
  }
  return taken
}

/** How many ids a JSON array of ids holds (counted without parsing it). */
function idCount(json: string): number {
  let commas = 0
  for (let at = json.indexOf(','); at !== -1; at = json.indexOf(',', at + 1)) commas += 1
  return commas + 1
}

function restoreSource(db: WritableDb, state: SourceState | { kind: string; key: string }): void {
  if ('id' in state) {
    prepared(
      db,
      'UPDATE sources SET name = @name, last_synced_at = @last_synced_at, last_error = @last_error WHERE id = @id',
    ).run(state)
    return
  }
  prepared(db, 'DELETE FROM sources WHERE kind = ? AND key = ?').run(state.kind, state.key)
}

function restoreProvenance(
  db: WritableDb,
  paperId: number,
  { sourceId, before }: { sourceId: number; before: Provenance | null },
): void {
  if (before === null) {
    prepared(db, 'DELETE FROM paper_sources WHERE paper_id = ? AND source_id = ?').run(
      paperId,
      sourceId,
    )
    return
  }
  prepared(
    db,
    `UPDATE paper_sources SET rank = @rank, section = @section, raw = @raw, upvotes = @upvotes
     WHERE paper_id = @paperId AND source_id = @sourceId`,
  ).run({ ...before, paperId, sourceId })
}

/** Removes papers an import created, with their full-text rows (the index is contentless). */
function deletePapers(db: WritableDb, ids: ReadonlyArray<number>): void {
  const json = jsonIds(ids)
  const inList = 'IN (SELECT value FROM json_each(?))'
  prepared(db, `DELETE FROM papers_fts WHERE rowid ${inList}`).run(json)
  prepared(db, `DELETE FROM papers_fts_terms WHERE rowid ${inList}`).run(json)
  prepared(db, `DELETE FROM search_pending WHERE paper_id ${inList}`).run(json)
  prepared(db, `DELETE FROM papers WHERE id ${inList}`).run(json)
}
