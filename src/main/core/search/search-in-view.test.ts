import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { titleKey } from '@shared/model/title-key'
import { insertPapers } from '../../../../test/helpers/bulk-papers'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { DATABASE_FILE } from '../create-core'
import { openDatabase } from '../db/open-database'
import { RELEVANCE_POOL } from './search-papers'

const SIZE = 50_000
/** Papers of #mine (half under #mine/sub) that match only in their abstract. */
const MINE = { from: 49_700, count: 60 }
/** Papers of #many matching in their titles: more than the relevance order ranks. */
const MANY = { from: MINE.from + MINE.count, count: SIZE - MINE.from - MINE.count }
const QUERY = 'speculative decoding'

describe('core/search: a search is a view', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  /** 50k papers; nearly all match the query in their titles, better than the view's papers. */
  const open = () => {
    const dir = tempDir()
    const ids = insertPapers(dir, SIZE, (i) => {
      if (i >= MANY.from) return { title: `Speculative decoding survey ${i}`, tags: ['many'] }
      if (i >= MINE.from) {
        return {
          title: `Protein folding note ${(i * 7919) % 1000}`,
          abstract: 'We compare against speculative decoding baselines.',
          tags: [i % 2 === 0 ? 'mine' : 'mine/sub'],
          pdf: i === MINE.from + 3,
        }
      }
      return { title: `Speculative Decoding Study ${i}`, upvotes: 1000 }
    })
    const { api } = openCore(dir)
    const mine = ids.slice(MINE.from, MINE.from + MINE.count)
    const many = ids.slice(MANY.from)
    return { api, mine, many, withPdf: ids[MINE.from + 3] }
  }

  it('returns every match of a tag with its sub-tags, when thousands outside match better', async () => {
    const { api, mine, withPdf } = open()
    const page = await api.searchPaperRows({ tag: 'mine', query: QUERY, limit: 100 })
    expect(page.total).toBe(MINE.count)
    expect(page.rows.map((row) => row.id).sort()).toEqual([...mine].sort())
    const stored = page.rows.find((row) => row.id === withPdf)
    // the row is the browsing row: the badge says the PDF is stored, while searching too
    expect(stored?.pdf).toBe('local')
    expect(stored?.snippet?.field).toBe('abstract')
    expect(page.rows.filter((row) => row.pdf === 'local')).toHaveLength(1)
  }, 120_000)

  it('orders every match of the view by another sort, server-side, in windows', async () => {
    const { api, mine } = open()
    const byTitle: number[] = []
    for (let offset = 0; offset < MINE.count; offset += 25) {
      const page = await api.searchPaperRows({
        tag: 'mine',
        query: QUERY,
        sort: 'title',
        offset,
        limit: 25,
      })
      expect(page.total).toBe(MINE.count)
      byTitle.push(...page.rows.map((row) => row.id))
      const keys = page.rows.map((row) => titleKey(row.title) ?? '')
      expect(keys).toEqual([...keys].sort())
    }
    expect([...byTitle].sort()).toEqual([...mine].sort())
    const newest = await api.searchPaperRows({ tag: 'mine', query: QUERY, sort: 'added' })
    expect(newest.rows.map((row) => row.id)).toEqual([...mine].reverse())
  }, 120_000)

  it('counts the papers of a view whose PDF text alone matches', async () => {
    const dir = tempDir()
    const ids = insertPapers(dir, 40, (i) => ({
      title: i < 10 ? `Quantum annealing schedules ${i}` : `Protein folding ${i}`,
      tags: i % 2 === 0 ? ['mine'] : ['other'],
      pdf: i >= 30,
    }))
    const db = openDatabase(join(dir, DATABASE_FILE))
    const text = db.prepare('INSERT INTO pdf_pages_fts (text, sha256, page) VALUES (?, ?, 2)')
    // two papers of the view and one outside it hold the words in their PDF only
    for (const id of [ids[30], ids[32], ids[31]]) {
      text.run('We revisit quantum annealing on page two.', `sha-${id}`)
    }
    db.close()
    const { api } = openCore(dir)
    const page = await api.searchPaperRows({ tag: 'mine', query: 'quantum annealing', limit: 50 })
    const expected = [0, 2, 4, 6, 8, 30, 32].map((i) => ids[i])
    expect(page.total).toBe(expected.length)
    expect(page.rows.map((row) => row.id).sort()).toEqual([...expected].sort())
    const inPdf = page.rows.find((row) => row.id === ids[32])
    expect(inPdf?.snippet).toMatchObject({ field: 'pdf', page: 2 })
  })

  it("counts a tag's matches beyond what one index pass reads, PDF-only matches once", async () => {
    const dir = tempDir()
    const size = 3_000
    const ids = insertPapers(dir, size, (i) => ({
      title: i < 2_600 ? `Quantum annealing schedules ${i}` : `Protein folding ${i}`,
      tags: i % 4 === 3 ? ['other'] : ['mine'],
      status: i % 3 === 0 ? 'read' : 'unread',
      pdf: i >= 2_590 && i < 2_610,
    }))
    const db = openDatabase(join(dir, DATABASE_FILE))
    const text = db.prepare('INSERT INTO pdf_pages_fts (text, sha256, page) VALUES (?, ?, 1)')
    // PDFs of papers matching in their titles too, and of papers matching in their PDF alone
    for (const id of ids.slice(2_590, 2_610)) text.run('Quantum annealing, revisited.', `sha-${id}`)
    db.close()
    const { api } = openCore(dir)
    const matches = (i: number) => i < 2_610
    const inMine = [...Array(size).keys()].filter((i) => i % 4 !== 3 && matches(i))
    const unread = [...Array(size).keys()].filter((i) => i % 3 !== 0 && matches(i))
    expect(inMine.length).toBeGreaterThan(1_000)
    const tagged = await api.searchPaperRows({ tag: 'mine', query: 'quantum annealing' })
    expect(tagged.total).toBe(inMine.length)
    // sorted, the window is read from those matches: the PDF-only ones are the newest
    const newest = await api.searchPaperRows({
      tag: 'mine',
      query: 'quantum annealing',
      sort: 'added',
      limit: 100,
    })
    expect(newest.total).toBe(inMine.length)
    expect(newest.rows.map((row) => row.id)).toEqual(
      inMine
        .map((i) => ids[i])
        .reverse()
        .slice(0, 100),
    )
    const byStatus = await api.searchPaperRows({ view: 'unread', query: 'quantum annealing' })
    expect(byStatus.total).toBe(unread.length)
  }, 120_000)

  it('meets a long query no paper holds whole with the papers sharing its rarer words', async () => {
    const dir = tempDir()
    const ids = insertPapers(dir, 205, (i) => ({
      title: i < 5 ? `Federated privacy for hospitals ${i}` : `Learning models for vision ${i}`,
      tags: ['mine'],
    }))
    const { api } = openCore(dir)
    const query = 'federated privacy hospitals learning models vision'
    const page = await api.searchPaperRows({ tag: 'mine', query })
    // no paper holds every word, or all but one: the rarer half of the words find the five
    expect(page.total).toBe(5)
    expect(page.rows.map((row) => row.id).sort()).toEqual(ids.slice(0, 5).sort())
    // a query with no rarer words to lean on still finds papers holding any of its words
    const any = await api.searchPaperRows({ tag: 'mine', query: 'hospitals vision' })
    expect(any.total).toBe(205)
  })

  it('meets a query one word of which the paper lacks with the papers holding all the others', async () => {
    const dir = tempDir()
    const ids = insertPapers(dir, 40, (i) => ({
      title:
        ['State space models for audio', 'State of affairs', 'Space travel'][i] ??
        `Vision transformers ${i}`,
      tags: ['mine'],
    }))
    const { api } = openCore(dir)
    const page = await api.searchPaperRows({ tag: 'mine', query: 'state space models vision' })
    // not the papers holding one of the words: those are kept for when no paper holds all but one
    expect(page.total).toBe(1)
    expect(page.rows.map((row) => row.id)).toEqual([ids[0]])
  })

  it('windows the relevance order through matches beyond the ranked ones, each once', async () => {
    const { api, many } = open()
    expect(MANY.count).toBeGreaterThan(RELEVANCE_POOL)
    const seen: number[] = []
    for (let offset = 0; offset < MANY.count; offset += 100) {
      const page = await api.searchPaperRows({ tag: 'many', query: QUERY, offset, limit: 100 })
      expect(page.total).toBe(MANY.count)
      seen.push(...page.rows.map((row) => row.id))
    }
    expect(seen).toHaveLength(MANY.count)
    expect([...seen].sort()).toEqual([...many].sort())
  }, 120_000)
})
