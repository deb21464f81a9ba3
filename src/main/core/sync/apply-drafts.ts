import type { Statement } from 'better-sqlite3'
import type { ImportRefusal } from '@shared/api/library-api'
import type { PaperId, SourceId } from '@shared/model/ids'
import { jsonIds } from '../db/json-ids'
import type { WritableDb } from '../db/open-database'
import { queueForSearchIndex, reindexPapers } from '../db/papers-index'
import { ensureSource, markSourceSynced, type SourceKey } from '../db/sources-repo'
import { addTags, ensureTags } from '../db/tags-repo'
import type { WriteJournal } from '../import/undo-journal'
import type { PaperDraft } from '../sources/paper-draft'
import { createPaperFinder, type PaperFinder } from './find-existing-paper'
import { mergeDraft, REMOTE_COLUMNS, sameRemote, type RemoteFields } from './merge-drafts'
import { prepared } from '../db/prepared'
import { keepSourceValues, readEdits, withEdits, type FieldEdit } from '../db/paper-edits-repo'

/** How a batch of drafts is written. */
export type ApplyOptions = {
  source: SourceKey
  /** Trust of this source for descriptive metadata (see METADATA_RANK). */
  metadataRank: number
  /** User tags to put on every paper of the batch. */
  tags: ReadonlyArray<string>
  now: string
  /**
   * Queue the changed papers for the search index instead of indexing them now; the caller then
   * runs `catchUpSearchIndex` (a multi-page sync does, every thousand papers and at its end).
   */
  deferIndex?: boolean | undefined
  /**
   * Drafts already matched to a paper by the caller (index in `drafts` → paper id), e.g. a title
   * resolved to its arXiv record; these skip the identity lookup.
   */
  targets?: ReadonlyMap<number, PaperId> | undefined
  /** Notes every change so the whole run can be undone (an import written in many batches). */
  journal?: WriteJournal | undefined
  /**
   * The line each paper was first listed on, shared by the batches of one input so that a paper
   * listed again in a later batch is still a repeat.
   */
  firstLines?: Map<number, number | null> | undefined
  /**
   * Where papers new to the library go: the inbox for a sync (or an import asked to), else the
   * library. A paper already known keeps its triage state, whatever it is: what was dismissed or
   * deleted never comes back by itself.
   */
  arrival?: 'inbox' | 'library' | undefined
}

/** What a batch did to the library. */
export type ApplyResult = {
  sourceId: SourceId
  added: number
  updated: number
  unchanged: number
  refused: ImportRefusal[]
  paperIds: PaperId[]
  /** The papers this batch created (arrival rules act on these). */
  addedIds: PaperId[]
}

/** Where in a source a paper stood, as the writer keeps it. */
export type Provenance = {
  rank: number | null
  section: string | null
  raw: string | null
  upvotes: number | null
}

/**
 * Writes drafts into the library: one paper per identity, remote fields merged, the user's fields
 * untouched, provenance recorded. Papers whose data did not change are not written at all, so a
 * re-sync of an unchanged list costs reads only. Call inside a transaction; it does not open one.
 */
export function applyDrafts(
  db: WritableDb,
  drafts: ReadonlyArray<PaperDraft>,
  options: ApplyOptions,
): ApplyResult {
  options.journal?.source(options.source)
  const sourceId = ensureSource(db, options.source, options.now)
  const finder = createPaperFinder(db, drafts)
  const matched = drafts.map((draft, index) => options.targets?.get(index) ?? finder.find(draft))
  const store = createBatchStore(
    db,
    sourceId,
    options.now,
    matched,
    options.journal,
    options.arrival ?? 'library',
  )
  const result: ApplyResult = {
    sourceId,
    added: 0,
    updated: 0,
    unchanged: 0,
    refused: [],
    paperIds: [],
    addedIds: [],
  }
  const changed: number[] = []
  const firstLine = options.firstLines ?? new Map<number, number | null>()

  drafts.forEach((draft, index) => {
    // An earlier draft of this batch may have created the paper this one is.
    const existingId = matched[index] ?? finder.find(draft)
    const before = existingId === null ? null : store.read(existingId)
    // A repeat inside one input only fills blanks: the first listing wins, so re-applying the
    // same input gives the same paper instead of flipping between the two versions.
    const repeat = existingId !== null && firstLine.has(existingId)
    const rank = repeat ? options.metadataRank - 1 : options.metadataRank
    const merged = withoutTakenIds(finder, mergeDraft(before, draft, rank), existingId)
    const paperId = existingId ?? store.insert(merged)
    const remoteChanged = before !== null && !sameRemote(before, merged)
    if (remoteChanged) store.update(paperId, before, merged)
    finder.remember({
      id: paperId,
      arxiv_id: merged.arxiv_id,
      doi: merged.doi,
      title_key: merged.title_key,
    })
    const newLabels = store.addSuggestedTags(paperId, draft.suggestedTags ?? [])
    if (before === null || remoteChanged || newLabels > 0) changed.push(paperId)
    if (firstLine.has(paperId)) {
      // Listed twice in one input: what the repeat adds is merged, but it is one paper.
      result.refused.push({
        line: draft.provenance.line,
        entry: describeDraft(draft),
        reason: `the same paper as the entry ${describeLine(firstLine.get(paperId))}`,
      })
      return
    }
    if (before === null) {
      result.added += 1
      result.addedIds.push(paperId)
    } else if (remoteChanged || newLabels > 0) result.updated += 1
    else result.unchanged += 1
    store.recordProvenance(paperId, { ...draft.provenance, upvotes: draft.upvotes ?? null })
    firstLine.set(paperId, draft.provenance.line)
    result.paperIds.push(paperId)
  })
  options.journal?.inserted(store.created)
  if (options.tags.length > 0) {
    const untagged = papersMissingTags(db, result.paperIds, options.tags)
    if (untagged.length > 0) {
      if (options.journal) {
        const known = untagged.filter((id) => !store.isCreated(id))
        journalNewTags(db, options.journal, known, options.tags, options.now)
      }
      addTags(db, untagged, options.tags, options.now)
      changed.push(...untagged)
    }
  }
  const toIndex = [...new Set(changed)]
  if (options.deferIndex) queueForSearchIndex(db, toIndex)
  else reindexPapers(db, toIndex)
  markSourceSynced(db, sourceId, options.now)
  return result
}

/** Drops an arXiv id or DOI another paper already holds, so two papers never share one. */
function withoutTakenIds(
  finder: PaperFinder,
  fields: RemoteFields,
  selfId: number | null,
): RemoteFields {
  const taken = (column: 'arxiv_id' | 'doi', value: string | null): boolean => {
    if (value === null) return false
    const holder = finder.holder(column, value)
    return holder !== null && holder !== selfId
  }
  const arxivTaken = taken('arxiv_id', fields.arxiv_id)
  const doiTaken = taken('doi', fields.doi)
  if (!arxivTaken && !doiTaken) return fields
  return {
    ...fields,
    arxiv_id: arxivTaken ? null : fields.arxiv_id,
    doi: doiTaken ? null : fields.doi,
  }
}

/**
 * Notes the paper–tag links `addTags` is about to create on papers that were in the library
 * before the batch (creating the tags first).
 */
function journalNewTags(
  db: WritableDb,
  journal: WriteJournal,
  ids: ReadonlyArray<number>,
  tags: ReadonlyArray<string>,
  now: string,
): void {
  const created = journal.tagsBefore(tags)
  const tagIds = ensureTags(db, tags, now)
  journal.createdTags(created)
  const missing = prepared(
    db,
    `SELECT p.value AS paperId, t.value AS tagId FROM json_each(?) p, json_each(?) t
       WHERE NOT EXISTS (SELECT 1 FROM paper_tags WHERE paper_id = p.value AND tag_id = t.value)`,
  ).all(jsonIds(ids), jsonIds(tagIds)) as Array<{ paperId: number; tagId: number }>
  for (const { paperId, tagId } of missing) journal.tag(paperId, tagId)
}

function papersMissingTags(
  db: WritableDb,
  ids: ReadonlyArray<number>,
  tags: ReadonlyArray<string>,
): number[] {
  const names = [...new Set(tags.map((t) => t.toLowerCase()))]
  return prepared(
    db,
    `SELECT p.value FROM json_each(?) p
       WHERE (SELECT count(*) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
              WHERE pt.paper_id = p.value AND lower(t.name) IN (SELECT value FROM json_each(?))) < ?`,
  )
    .pluck()
    .all(jsonIds(ids), JSON.stringify(names), names.length) as number[]
}

function describeLine(line: number | null | undefined): string {
  return line === null || line === undefined ? 'before it' : `on line ${line}`
}

function describeDraft(draft: PaperDraft): string {
  return (
    draft.title ??
    (draft.arxivId ? `arXiv:${draft.arxivId}` : draft.doi ? `doi:${draft.doi}` : '(untitled)')
  )
}

const columns = REMOTE_COLUMNS.join(', ')

/** The writer's SQL. */
const WRITER_SQL = {
  readRows: `SELECT id, ${columns} FROM papers WHERE id IN (SELECT value FROM json_each(?))`,
  readAuthors: `SELECT paper_id, name, affiliation FROM paper_authors
       WHERE paper_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id, position`,
  readLabels:
    'SELECT paper_id, label, origin FROM paper_categories WHERE paper_id IN (SELECT value FROM json_each(?))',
  readProvenance: `SELECT paper_id, rank, section, raw, upvotes FROM paper_sources
       WHERE source_id = ? AND paper_id IN (SELECT value FROM json_each(?))`,
  // positional: binding 22 values by name costs a lookup each, on the hottest statement
  insertRow: `INSERT INTO papers (${columns}, added_at, modified_at, triage)
       VALUES (${REMOTE_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
  updateRow: `UPDATE papers SET ${REMOTE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, modified_at = @now
       WHERE id = @id`,
  deleteAuthors: 'DELETE FROM paper_authors WHERE paper_id = ?',
  // one statement for all authors of a paper: a paper has several, a sync thousands of papers
  insertAuthors: `INSERT INTO paper_authors (paper_id, position, name, affiliation)
       SELECT ?, key, value ->> 0, value ->> 1 FROM json_each(?)`,
  insertLabel: 'INSERT OR IGNORE INTO paper_categories (paper_id, label, origin) VALUES (?, ?, ?)',
  upsertProvenance: `INSERT INTO paper_sources (paper_id, source_id, first_seen_at, last_seen_at, rank, section, raw, upvotes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (paper_id, source_id) DO UPDATE SET
         last_seen_at = excluded.last_seen_at, rank = excluded.rank, section = excluded.section,
         raw = excluded.raw, upvotes = excluded.upvotes`,
}

/** The writer's statements (prepared once per connection by `prepared`). */
function statementsFor(db: WritableDb): { [K in keyof typeof WRITER_SQL]: Statement } {
  const entries = Object.entries(WRITER_SQL).map(([name, sql]) => [name, prepared(db, sql)])
  return Object.fromEntries(entries) as { [K in keyof typeof WRITER_SQL]: Statement }
}

type Label = { label: string; origin: string }

/**
 * The remote half of the batch's papers, read in four queries up front, and the writes. Papers
 * created during the batch are known from what was written; the journal notes them all in one
 * step at the end, and nothing else about them (undoing their insert takes the rest along).
 */
function createBatchStore(
  db: WritableDb,
  sourceId: number,
  now: string,
  ids: ReadonlyArray<number | null>,
  journal: WriteJournal | undefined,
  arrival: 'inbox' | 'library',
) {
  const s = statementsFor(db)
  const created: PaperId[] = []
  const isCreated = new Set<number>()
  const rows = new Map<number, RemoteFields>()
  const labels = new Map<number, Set<string>>()
  const provenance = new Map<number, Provenance>()
  // Fields the user corrected: the batch merges against what the sources said and writes the user's.
  const edits = new Map<number, FieldEdit[]>()
  const load = (paperIds: ReadonlyArray<number>) => {
    if (paperIds.length === 0) return
    const json = jsonIds(paperIds)
    for (const [id, list] of readEdits(db, paperIds)) edits.set(id, list)
    const authors = new Map<number, Array<{ name: string; affiliation: string | null }>>()
    for (const row of s.readAuthors.iterate(json) as Iterable<{
      paper_id: number
      name: string
      affiliation: string | null
    }>) {
      const list = authors.get(row.paper_id)
      const author = { name: row.name, affiliation: row.affiliation }
      if (list) list.push(author)
      else authors.set(row.paper_id, [author])
    }
    for (const row of s.readRows.iterate(json) as Iterable<
      Omit<RemoteFields, 'authors'> & { id: number }
    >) {
      const { id, ...fields } = row
      const remote = { ...fields, authors: authors.get(id) ?? [] }
      const edited = edits.get(id)
      rows.set(id, edited ? withEdits(remote, edited, 'sourceValue') : remote)
      labels.set(id, new Set())
    }
    for (const row of s.readLabels.iterate(json) as Iterable<Label & { paper_id: number }>) {
      labels.get(row.paper_id)?.add(labelKey(row))
    }
    for (const row of s.readProvenance.iterate(sourceId, json) as Iterable<
      Provenance & { paper_id: number }
    >) {
      const { paper_id, ...entry } = row
      provenance.set(paper_id, entry)
    }
  }
  load([...new Set(ids.filter((id): id is number => id !== null))])
  const writeAuthors = (id: number, fields: RemoteFields, replace: boolean) => {
    if (replace) s.deleteAuthors.run(id)
    if (fields.authors.length === 0) return
    s.insertAuthors.run(id, authorsJson(fields))
  }
  return {
    /** The papers this batch inserted, in order. */
    created,
    isCreated: (id: number): boolean => isCreated.has(id),
    read(id: number): RemoteFields {
      if (!rows.has(id)) load([id])
      const row = rows.get(id)
      if (!row) throw new Error(`paper ${id} vanished during an import`)
      return row
    },
    insert(fields: RemoteFields): PaperId {
      // the row id SQLite gives the new paper: where a paper id is first made
      const id = Number(
        s.insertRow.run(...REMOTE_COLUMNS.map((c) => fields[c]), now, now, arrival).lastInsertRowid,
      ) as PaperId
      writeAuthors(id, fields, false)
      created.push(id)
      isCreated.add(id)
      rows.set(id, fields)
      labels.set(id, new Set())
      return id
    },
    update(id: number, before: RemoteFields, fields: RemoteFields): void {
      if (!isCreated.has(id)) journal?.updated(id, before)
      const edited = edits.get(id)
      const shown = edited ? withEdits(fields, edited, 'value') : fields
      s.updateRow.run({ ...remoteValues(shown), now, id })
      if (!sameAuthors(before.authors, fields.authors)) writeAuthors(id, shown, true)
      if (edited) keepSourceValues(db, id, fields, edited)
      rows.set(id, fields)
    },
    addSuggestedTags(id: number, suggested: ReadonlyArray<Label>): number {
      const known = labels.get(id) ?? new Set<string>()
      labels.set(id, known)
      let added = 0
      for (const label of suggested) {
        const key = labelKey(label)
        if (known.has(key)) continue
        known.add(key)
        const inserted = s.insertLabel.run(id, label.label, label.origin).changes
        if (inserted > 0 && !isCreated.has(id)) journal?.label(id, label)
        added += inserted
      }
      return added
    },
    /** Links the paper to the source; rewrites the link only when what the source says changed. */
    recordProvenance(id: number, entry: Provenance): void {
      const current = provenance.get(id)
      const same =
        current !== undefined &&
        current.rank === entry.rank &&
        current.section === entry.section &&
        current.raw === entry.raw &&
        current.upvotes === entry.upvotes
      if (same) return
      if (!isCreated.has(id)) journal?.provenance(id, sourceId, current ?? null)
      s.upsertProvenance.run(
        id,
        sourceId,
        now,
        now,
        entry.rank,
        entry.section,
        entry.raw,
        entry.upvotes,
      )
      provenance.set(id, entry)
    },
  }
}

/** Puts back the remote fields a paper had (undoing an import's update). */
export function restoreRemoteFields(
  db: WritableDb,
  id: number,
  fields: RemoteFields,
  modifiedAt: string,
): void {
  const s = statementsFor(db)
  const edited = readEdits(db, [id]).get(id)
  const shown = edited ? withEdits(fields, edited, 'value') : fields
  s.updateRow.run({ ...remoteValues(shown), now: modifiedAt, id })
  s.deleteAuthors.run(id)
  if (shown.authors.length > 0) s.insertAuthors.run(id, authorsJson(shown))
  if (edited) keepSourceValues(db, id, fields, edited)
}

function remoteValues(fields: RemoteFields): Record<string, unknown> {
  return Object.fromEntries(REMOTE_COLUMNS.map((c) => [c, fields[c]]))
}

function authorsJson(fields: RemoteFields): string {
  return JSON.stringify(fields.authors.map((a) => [a.name, a.affiliation]))
}

function labelKey(label: Label): string {
  return `${label.origin}\u0000${label.label}`
}

function sameAuthors(
  a: ReadonlyArray<{ name: string; affiliation: string | null }>,
  b: ReadonlyArray<{ name: string; affiliation: string | null }>,
): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.name === b[i]?.name && x.affiliation === b[i]?.affiliation)
  )
}
