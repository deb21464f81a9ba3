import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { openDatabase, type WritableDb } from '../db/open-database'
import type { PaperDraft } from '../sources/paper-draft'
import { applyDrafts } from './apply-drafts'

const NOW = '2026-11-26T12:00:00.000Z'
let line = 0
const draft = (fields: Omit<PaperDraft, 'provenance'>): PaperDraft => ({
  ...fields,
  provenance: { line: (line += 1), rank: null, section: null, raw: null },
})
const apply = (db: WritableDb, drafts: PaperDraft[], rank = 1) =>
  db.transaction(() =>
    applyDrafts(db, drafts, {
      source: { kind: 'test', key: 'k', name: 'test' },
      metadataRank: rank,
      tags: [],
      now: NOW,
    }),
  )()
const count = (db: WritableDb) => db.prepare('SELECT count(*) FROM papers').pluck().get()

describe('sync/apply-drafts', () => {
  const tempDir = useTempDir()
  const open = () => openDatabase(join(tempDir(), 'library.sqlite'))

  it('recognises a paper by arXiv id before DOI before title', () => {
    const db = open()
    apply(db, [draft({ arxivId: '2401.00001', title: 'One' })])
    const second = apply(db, [
      draft({ arxivId: '2401.00001', doi: '10.1/a', title: 'One, revised' }),
    ])
    expect(second).toMatchObject({ added: 0, updated: 1 })
    const third = apply(db, [draft({ doi: '10.1/a', title: 'Another wording' })])
    expect(third).toMatchObject({ added: 0 })
    expect(count(db)).toBe(1)
    db.close()
  })

  it('upgrades a title-only paper when its arXiv record arrives with the same normalised title', () => {
    const db = open()
    apply(db, [draft({ title: 'TiDAR: Think in Diffusion, Talk in Autoregression' })])
    const report = apply(
      db,
      [
        draft({
          arxivId: '2511.08923',
          title: 'TiDAR: Think in Diffusion, Talk in Autoregression.',
        }),
      ],
      5,
    )
    expect(report).toMatchObject({ added: 0, updated: 1 })
    expect(db.prepare('SELECT arxiv_id FROM papers').pluck().all()).toEqual(['2511.08923'])
    db.close()
  })

  it('never merges on a title two papers share', () => {
    const db = open()
    apply(db, [
      draft({ arxivId: '2401.00001', title: 'Technical Report' }),
      draft({ arxivId: '2402.00002', title: 'Technical Report' }),
    ])
    const report = apply(db, [draft({ title: 'Technical Report' })])
    expect(report.added).toBe(1)
    expect(count(db)).toBe(3)
    db.close()
  })

  it('recognises within one batch a paper an earlier entry created or renamed', () => {
    const db = open()
    apply(db, [draft({ arxivId: '2401.00009', title: 'Old Name' })])
    const report = apply(
      db,
      [
        draft({ arxivId: '2401.00001', title: 'Sparse Mixtures' }),
        draft({ title: 'Sparse mixtures' }),
        // a trusted source renames 2401.00009: a later entry under either name is that paper
        draft({ arxivId: '2401.00009', title: 'New Name' }),
        draft({ title: 'new name' }),
        draft({ title: 'Old Name' }),
      ],
      5,
    )
    expect(report).toMatchObject({ added: 1, updated: 1 })
    expect(report.refused.map((r) => r.entry)).toEqual(['Sparse mixtures', 'new name', 'Old Name'])
    expect(count(db)).toBe(2)
    expect(db.prepare('SELECT title FROM papers ORDER BY id').pluck().all()).toEqual([
      'New Name',
      'Sparse Mixtures',
    ])
    db.close()
  })

  it('does not merge two different arXiv papers that happen to share a title', () => {
    const db = open()
    apply(db, [draft({ arxivId: '2401.00001', title: 'Scaling Laws' })])
    const report = apply(db, [draft({ arxivId: '2402.00002', title: 'Scaling Laws' })])
    expect(report.added).toBe(1)
    db.close()
  })

  it('reports a paper listed twice in one input instead of importing it twice', () => {
    const db = open()
    const report = apply(db, [draft({ arxivId: '2401.00001' }), draft({ arxivId: '2401.00001' })])
    expect(report.added).toBe(1)
    expect(report.refused).toHaveLength(1)
    expect(report.refused[0]?.reason).toMatch(/same paper as the entry on line/)
    db.close()
  })

  it('keeps two papers from sharing a DOI', () => {
    const db = open()
    apply(db, [draft({ arxivId: '2401.00001', doi: '10.1/a' })])
    apply(db, [draft({ arxivId: '2402.00002', doi: '10.1/a' })])
    expect(db.prepare('SELECT arxiv_id, doi FROM papers ORDER BY id').all()).toEqual([
      { arxiv_id: '2401.00001', doi: '10.1/a' },
      { arxiv_id: '2402.00002', doi: null },
    ])
    db.close()
  })
})
