import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW } from '../../../../test/helpers/test-core'
import { openDatabase, type WritableDb } from '../db/open-database'
import { createEventHub } from '../event-hub'
import type { PaperDraft } from '../sources/paper-draft'
import { rollBackImportRun } from './import-runs'
import { undoSteps } from './undo-journal'
import { startImportWriter, type BatchTuning } from './write-import'

/** Three drafts per transaction. */
const BATCHES_OF_THREE: BatchTuning = { targetMs: 10_000, firstBatch: 3, maxBatch: 3 }

function draft(n: number, extra: Partial<PaperDraft> = {}): PaperDraft {
  return {
    doi: `10.5555/journal.${n}`,
    title: `Journal test paper ${n}`,
    authors: [{ name: `Ada Writer${n}` }],
    suggestedTags: [{ label: `topic-${n}`, origin: 'keyword' }],
    provenance: { line: n + 1, rank: n + 1, section: null, raw: `entry ${n}` },
    ...extra,
  }
}

/** An import run on `db` whose parts are written but not ended. */
function startRun(db: WritableDb, tags: string[] = []) {
  const now = TEST_NOW.toISOString()
  return startImportWriter(
    db,
    {
      source: { kind: 'file:csl-json', key: 'refs.json', name: 'refs.json' },
      metadataRank: 1,
      tags,
      now,
      sourceName: 'refs.json',
      events: createEventHub(),
      clock: () => TEST_NOW,
      tuning: BATCHES_OF_THREE,
    },
    (done) => ({ done, total: 0 }),
  )
}

const count = (db: WritableDb, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

const steps = (db: WritableDb) =>
  db.prepare('SELECT kind, row_id, data FROM import_undo ORDER BY step').all() as Array<{
    kind: string
    row_id: number
    data: string | null
  }>

const runId = (db: WritableDb) => db.prepare('SELECT id FROM import_runs').pluck().get() as number

describe('import/undo-journal', () => {
  const tempDir = useTempDir()
  const openDb = () => openDatabase(join(tempDir(), 'library.sqlite'))

  it('notes the papers a batch creates in one step, and not their labels, provenance or tags', async () => {
    const db = openDb()
    const writer = startRun(db, ['to-read'])
    await writer.write([draft(1), draft(2), draft(3)], false)
    const ids = db.prepare('SELECT id FROM papers ORDER BY id').pluck().all()
    expect(ids).toHaveLength(3)
    expect(count(db, 'paper_categories')).toBe(3)
    expect(count(db, 'paper_tags')).toBe(3)
    expect(steps(db).map((s) => s.kind)).toEqual(['source', 'inserted', 'new-tag'])
    expect(steps(db).find((s) => s.kind === 'inserted')?.data).toBe(JSON.stringify(ids))
    writer.abandon()
    for (const table of ['papers', 'paper_sources', 'paper_tags', 'tags', 'sources']) {
      expect(count(db, table), table).toBe(0)
    }
    db.close()
  })

  it('notes what a batch changes on papers the library had before it', async () => {
    const db = openDb()
    const earlier = startRun(db)
    await earlier.write([draft(1)], true)
    const writer = startRun(db, ['to-read'])
    const moved = draft(1, { abstract: 'Now with an abstract.', provenance: draft(7).provenance })
    await writer.write([moved, draft(2), draft(3)], false)
    expect(steps(db).map((s) => s.kind)).toEqual([
      'source',
      'updated',
      'provenance',
      'inserted',
      'new-tag',
      'tag',
    ])
    writer.abandon()
    expect(db.prepare('SELECT title, abstract FROM papers').all()).toEqual([
      { title: 'Journal test paper 1', abstract: null },
    ])
    expect(count(db, 'paper_tags')).toBe(0)
    db.close()
  })

  it('notes nothing for a repeat that updates a paper created in the same batch', async () => {
    const db = openDb()
    const writer = startRun(db)
    const repeat = draft(1, {
      abstract: 'The repeat adds an abstract.',
      provenance: draft(4).provenance,
    })
    await writer.write([draft(1), repeat, draft(2)], false)
    expect(steps(db).map((s) => s.kind)).toEqual(['source', 'inserted'])
    // one step a transaction, newest first: the papers go before the source
    while (db.transaction(() => undoSteps(db, runId(db), 1)).immediate() > 0);
    expect(count(db, 'papers')).toBe(0)
    expect(count(db, 'sources')).toBe(0)
    db.close()
  })

  it('undoes about as many rows a transaction as asked, counting each paper of a step', async () => {
    const db = openDb()
    const writer = startRun(db)
    await writer.write(
      [1, 2, 3, 4, 5, 6].map((n) => draft(n)),
      false,
    )
    const run = runId(db)
    // steps: source, inserted ×3, inserted ×3; four rows take the newest step only
    expect(db.transaction(() => undoSteps(db, run, 4)).immediate()).toBe(2)
    expect(count(db, 'papers')).toBe(3)
    // at least one step, even one larger than asked
    expect(db.transaction(() => undoSteps(db, run, 1)).immediate()).toBe(1)
    expect(count(db, 'papers')).toBe(0)
    db.close()
  })

  it('undoes a journal an earlier version wrote, one step per inserted paper', async () => {
    const db = openDb()
    const writer = startRun(db)
    await writer.write([draft(1), draft(2), draft(3)], false)
    const run = runId(db)
    db.transaction(() => {
      const ids = db.prepare('SELECT id FROM papers').pluck().all() as number[]
      db.prepare("DELETE FROM import_undo WHERE kind = 'inserted'").run()
      const note = db.prepare(
        "INSERT INTO import_undo (run_id, kind, row_id, data) VALUES (?, 'inserted', ?, NULL)",
      )
      for (const id of ids) note.run(run, id)
    })()
    rollBackImportRun(db, run)
    expect(count(db, 'papers')).toBe(0)
    expect(count(db, 'import_runs')).toBe(0)
    db.close()
  })
})
