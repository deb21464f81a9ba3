import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PAPER_SORTS } from '@shared/model/paper'
import { insertPapers } from '../../../../test/helpers/bulk-papers'
import { queriesOf, type RanQuery } from '../../../../test/helpers/query-plans'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { DATABASE_FILE } from '../create-core'
import { searchPaperRows } from '../search/search-papers'
import { createPaperFinder } from '../sync/find-existing-paper'
import { openDatabase, type WritableDb } from './open-database'
import { countPapersWhere, listPaperRows, windowIds } from './paper-rows-repo'
import { findPaperIdBy } from './papers-repo'
import { viewConditions, whereOf, type ViewFilter } from './view-filter'
import { orderByOf } from './view-sort'

const SIZE = 100_000
const cutoff = { previousVisit: '2025-03-01T00:00:00.000Z', now: new Date('2026-01-01') }

/** A plan reads the whole papers table and then sorts it: the slow shape every guard forbids. */
const scansAndSorts = (q: RanQuery) =>
  q.plan.some((step) => /^SCAN p\b/.test(step) && !step.includes('COVERING INDEX')) &&
  q.plan.some((step) => step.includes('TEMP B-TREE'))
const sorts = (q: RanQuery) => q.plan.some((step) => step.includes('TEMP B-TREE FOR ORDER BY'))
const describePlans = (queries: RanQuery[]) =>
  queries.map((q) => `${q.sql}\n  ${q.plan.join(' | ')}`).join('\n')

describe('core/db: the hot queries use their indexes (100k papers)', () => {
  const tempDir = useTempDir()
  let db: WritableDb

  beforeAll(() => {
    const dir = tempDir()
    insertPapers(
      dir,
      SIZE,
      (i) => ({
        title: `Paper ${(i * 7919) % SIZE} on speculative decoding ${i % 97}`,
        status: i % 10 < 7 ? 'unread' : i % 10 < 9 ? 'reading' : 'read',
        starred: i % 33 === 0,
        publishedAt: i % 10 === 0 ? null : `2024-0${1 + (i % 9)}-01`,
        upvotes: i % 5 < 2 ? null : i % 700,
        tags: i % 20 === 0 ? ['llm'] : i % 20 === 1 ? ['llm/decoding'] : [],
        source: i % 4 === 0 ? 'hf-daily' : 'zotero',
        ...(i % 50 === 0 ? { list: 'reading group' } : {}),
      }),
      { searchIndex: SIZE <= 5_000 },
    )
    db = openDatabase(join(dir, DATABASE_FILE))
    db.exec(
      'INSERT INTO paper_scores (paper_id, for_you) SELECT id, id % 1000 FROM papers WHERE id % 5 <> 0',
    )
  }, 120_000)
  afterAll(() => db.close())

  const views: Array<[string, ViewFilter]> = [
    ['all', { view: 'all' }],
    ['new', { view: 'new' }],
    ['unread', { view: 'unread' }],
    ['starred', { view: 'starred' }],
    ['tag', { view: 'all', tag: 'llm' }],
    ['list', { view: 'all', listId: 1 }],
    ['source', { view: 'all', sourceId: 1 }],
  ]

  it.each(views)(
    'the list window of %s, every sort, first rows and a deep page',
    (name, filter) => {
      for (const sort of PAPER_SORTS) {
        for (const offset of [0, 30_000]) {
          // the queries that pick the window (its rows are then read by id)
          const queries = queriesOf(db, () => {
            listPaperRows(db, { ...filter, sort, limit: 200, offset }, cutoff)
          }).filter((q) =>
            /^SELECT (p\.id|count\(\*\) AS n) FROM (papers p|list_papers sorted)/.test(q.sql),
          )
          const plans = describePlans(queries)
          expect(queries.filter(scansAndSorts), plans).toEqual([])
          // the library reads its windows in order from the sort's index; "new" (the papers of
          // one visit) reads them that way or sorts only its own range of papers_added
          if (name === 'all') expect(queries.filter(sorts), plans).toEqual([])
          // so do the reading-status views for every sort kept on the paper row (migration 11)
          // (and "For you" through its own index: the view is large)
          if (name === 'unread') {
            expect(queries.filter(sorts), plans).toEqual([])
          }
          // a list in its own order is read in order from list_papers_position
          if (name === 'list' && sort === 'list') {
            expect(queries.filter(sorts), plans).toEqual([])
            expect(plans).toMatch(/SEARCH sorted USING (COVERING )?INDEX list_papers_position/)
          }
          if (name === 'new') {
            const sortsMore = (q: RanQuery) =>
              sorts(q) && !q.plan.some((step) => step.includes('papers_added (added_at>?)'))
            expect(queries.filter(sortsMore), plans).toEqual([])
          }
          // a narrowed view is read from its own index, not by scanning the library
          const narrowedBy: Record<string, RegExp> = {
            unread: /papers_status/,
            starred: /papers_starred/,
            tag: /paper_tags_tag/,
            list: /SEARCH lp USING (PRIMARY KEY|COVERING INDEX list_papers_position) \(list_id=\?\)/,
            source: /paper_sources_source/,
          }
          const index = narrowedBy[name]
          if (index) {
            const count = queries[0]
            expect(count?.sql, plans).toMatch(/^SELECT count\(\*\)/)
            expect(count?.plan.join(' | '), plans).toMatch(index)
          }
        }
      }
    },
    60_000,
  )

  it('windows read through an index hold the rows of the plain ORDER BY, across the unknown edge', () => {
    for (const [, filter] of views) {
      for (const sort of PAPER_SORTS) {
        const conditions = viewConditions(filter, cutoff)
        const { sql, params } = whereOf(conditions)
        const total = countPapersWhere(db, conditions)
        for (const offset of [
          0,
          Math.max(0, Math.floor(total * 0.8) - 100),
          Math.max(0, total - 150),
        ]) {
          const expected = db
            .prepare(
              `SELECT p.id FROM papers p ${sql} ${orderByOf(sort, undefined, filter.listId)} LIMIT 200 OFFSET ?`,
            )
            .pluck()
            .all(...params, offset)
          const got = windowIds(db, conditions, {
            sort,
            limit: 200,
            offset,
            total,
            listId: filter.listId,
          })
          expect(got, `${JSON.stringify(filter)} ${sort} @${offset}`).toEqual(expected)
        }
      }
    }
  }, 120_000)

  it('identity lookups (arXiv id, DOI, title) search their indexes', () => {
    const queries = queriesOf(db, () => {
      findPaperIdBy(db, 'arxiv_id', '2401.00001')
      findPaperIdBy(db, 'doi', '10.1/x')
      createPaperFinder(db, [
        {
          arxivId: '2402.00001',
          doi: '10.2/y',
          title: 'Paper 5 on speculative decoding 5',
          provenance: { line: 1, rank: 1, section: null, raw: null },
        },
      ])
    })
    expect(queries.length).toBeGreaterThanOrEqual(5)
    for (const query of queries) {
      expect(query.plan.join(' | '), query.sql).toMatch(/SEARCH papers USING (COVERING )?INDEX/)
    }
  })

  it('search candidates inside a tag: the index, then each candidate by its id', () => {
    const queries = queriesOf(db, () => {
      searchPaperRows(
        db,
        {
          view: 'all',
          tag: 'llm',
          query: 'speculative decoding',
          sort: 'relevance',
          offset: 0,
          limit: 100,
        },
        { newCutoff: () => cutoff },
      )
    })
    const candidates = queries.filter((q) => q.sql.includes('papers_fts MATCH'))
    expect(candidates.length, describePlans(queries)).toBeGreaterThan(0)
    for (const query of candidates) {
      const plan = query.plan.join(' | ')
      expect(plan, query.sql).toMatch(/VIRTUAL TABLE INDEX|paper_tags_tag/)
      expect(plan, query.sql).not.toMatch(/^SCAN p( |$)|\| SCAN p( |$)/)
    }
    const tagFilter = queries.find((q) => q.sql.includes('paper_tags'))
    expect(tagFilter?.plan.join(' | ')).toMatch(/SEARCH pt USING COVERING INDEX paper_tags_tag/)
  })
  it('a search inside a list in its own order reads the list in order, never the library', () => {
    for (const order of ['asc', 'desc'] as const) {
      const queries = queriesOf(db, () => {
        const page = searchPaperRows(
          db,
          {
            view: 'all',
            listId: 1,
            query: 'is:unread',
            sort: 'list',
            order,
            offset: 0,
            limit: 100,
          },
          { newCutoff: () => cutoff },
        )
        expect(page.rows.length).toBe(100)
      })
      const window = queries.filter((q) => q.sql.startsWith('SELECT p.id FROM list_papers sorted'))
      const plans = describePlans(queries)
      expect(window.length, plans).toBe(1)
      expect(window.filter(sorts), plans).toEqual([])
      expect(queries.filter(scansAndSorts), plans).toEqual([])
    }
  })
})
