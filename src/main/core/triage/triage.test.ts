import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { awesomeRoutes, hfWeek, hfWeekRoutes } from '../../../../test/helpers/hf-week'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { makeTestPdf } from '../../../../test/helpers/test-pdfs'
import { MIGRATIONS, migrate } from '../db/migrations'
import type { WritableDb } from '../db/open-database'

const WEEK = { kind: 'hf-daily', params: { from: '2026-05-18', to: '2026-05-24' } } as const

async function idOf(api: LibraryApi, arxivId: string): Promise<PaperId> {
  const paper = await api.findPaper({ ref: arxivId })
  if (!paper) throw new Error(`arXiv:${arxivId} is not in the library`)
  return paper.id
}

const triageOf = async (api: LibraryApi, arxivId: string) =>
  (await api.findPaper({ ref: arxivId }))?.triage

const viewIds = async (api: LibraryApi, view: 'inbox' | 'all' | 'dismissed' | 'trash') =>
  (await api.listPaperIds({ view })).slice().sort((a, b) => a - b)

describe('triage', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()

  it('puts the papers of an upgraded library in the library, not the inbox', () => {
    const db = new Database(join(tempDir(), 'library.sqlite')) as WritableDb
    migrate(db, MIGRATIONS.slice(0, 12))
    db.prepare(
      `INSERT INTO papers (arxiv_id, title, added_at, modified_at) VALUES ('2401.00001', 'Old', 'x', 'x')`,
    ).run()
    migrate(db)
    expect(db.prepare('SELECT triage FROM papers').pluck().all()).toEqual(['library'])
    db.close()
  })

  it('lands synced papers in the inbox and direct imports in the library unless asked', async () => {
    const week = hfWeek()
    const server = await serve(hfWeekRoutes(week, () => 1))
    const { api } = open(tempDir(), server.url)
    const run = await api.syncOnce(WEEK)
    expect(run).toMatchObject({ status: 'ok', added: week.length })
    expect(await viewIds(api, 'inbox')).toHaveLength(week.length)
    expect(await viewIds(api, 'all')).toEqual([])
    const direct = await api.importText({ text: '2401.00001', format: 'ids', sourceName: 'a.txt' })
    const asked = await api.importText({
      text: '2401.00002',
      format: 'ids',
      sourceName: 'b.txt',
      inbox: true,
    })
    expect(await viewIds(api, 'all')).toEqual(direct.paperIds)
    expect(await viewIds(api, 'inbox')).toContain(asked.paperIds[0])
    const counts = await api.libraryCounts({})
    expect(counts).toMatchObject({ inbox: week.length + 1, all: 1, unread: 1, trash: 0 })
  })

  it('keeps, dismisses and deletes; every view and count leaves out what was dismissed or deleted; undo puts it back', async () => {
    const week = hfWeek()
    const server = await serve(hfWeekRoutes(week, () => 1))
    const { api } = open(tempDir(), server.url)
    await api.syncOnce(WEEK)
    const [kept, dismissed, deleted] = await Promise.all(
      week.slice(0, 3).map((paper) => idOf(api, paper.arxivId)),
    )
    if (kept === undefined || dismissed === undefined || deleted === undefined) throw new Error()
    await api.triagePapers({ action: 'keep', ids: [kept, dismissed, deleted] })
    await api.tagPapers({ ids: [kept, dismissed, deleted], tags: ['llm'] })
    await api.setStarred({ ids: [kept, dismissed, deleted], starred: true })
    const list = await api.createList({ name: 'Reading group' })
    await api.addToList({ listId: list.id, ids: [kept, dismissed, deleted] })
    const dismissal = await api.triagePapers({ action: 'dismiss', ids: [dismissed] })
    expect(dismissal).toEqual({ changed: 1, undo: [{ ids: [dismissed], triage: 'library' }] })
    await api.triagePapers({ action: 'delete', ids: [deleted] })

    expect(await viewIds(api, 'all')).toEqual([kept])
    expect(await viewIds(api, 'dismissed')).toEqual([dismissed])
    expect(await viewIds(api, 'trash')).toEqual([deleted])
    expect((await api.listPaperRows({ view: 'starred', tag: 'llm' })).total).toBe(1)
    expect((await api.listPaperRows({ view: 'all', listId: list.id })).total).toBe(1)
    expect(await api.libraryCounts({})).toMatchObject({
      all: 1,
      starred: 1,
      unread: 1,
      inbox: week.length - 3,
      dismissed: 1,
      trash: 1,
    })
    expect((await api.listTags({})).find((tag) => tag.name === 'llm')?.paperCount).toBe(1)
    expect((await api.listLists({}))[0]?.paperCount).toBe(1)
    const search = async (includeDismissed?: boolean) =>
      (await api.searchLibrary({ query: 'tag:llm', includeDismissed })).hits.map((h) => h.id)
    expect(await search()).toEqual([kept])
    expect((await search(true)).sort()).toEqual([kept, dismissed].sort())
    const listed = await api.listPapers({ tag: 'llm', includeDismissed: true })
    expect(listed.papers.map((p) => p.id).sort()).toEqual([kept, dismissed].sort())
    expect((await api.listPapers({ tag: 'llm' })).total).toBe(1)
    const inView = await api.searchPaperRows({ view: 'all', query: 'scale' })
    expect(inView.rows.map((row) => row.id)).toEqual([kept])

    // the undo of a dismissal goes through the list's bulk edit, like any other undo
    for (const step of dismissal.undo) await api.updatePapers(step)
    expect(await triageOf(api, week[1]!.arxivId)).toBe('library')
    await api.triagePapers({ action: 'undelete', ids: [deleted] })
    expect(await viewIds(api, 'all')).toEqual([kept, dismissed, deleted].sort((a, b) => a - b))
  })

  it('never brings back what was dismissed or deleted: a re-sync and another source only add provenance', async () => {
    const week = hfWeek()
    let upvotes = 1
    const server = await serve({ ...hfWeekRoutes(week, () => upvotes), ...awesomeRoutes(week) })
    const { api } = open(tempDir(), server.url)
    await api.syncOnce(WEEK)
    const [a, b, c] = week
    if (!a || !b || !c) throw new Error()
    await api.triagePapers({ action: 'keep', ids: [await idOf(api, a.arxivId)] })
    await api.tagPapers({ ids: [await idOf(api, a.arxivId)], tags: ['keeper'] })
    await api.triagePapers({ action: 'dismiss', ids: [await idOf(api, b.arxivId)] })
    await api.triagePapers({ action: 'delete', ids: [await idOf(api, c.arxivId)] })
    const inboxBefore = await viewIds(api, 'inbox')

    upvotes = 7 // the same week, with changed counts: every paper is written again
    expect(await api.syncOnce(WEEK)).toMatchObject({ status: 'ok', added: 0 })
    const other = await api.syncOnce({
      kind: 'awesome',
      params: { url: `${server.url}/gh/owner/awesome-week` },
    })
    expect(other).toMatchObject({ status: 'ok', added: 0 })
    expect(await triageOf(api, a.arxivId)).toBe('library')
    expect(await triageOf(api, b.arxivId)).toBe('dismissed')
    expect(await triageOf(api, c.arxivId)).toBe('trash')
    expect((await api.findPaper({ ref: a.arxivId }))?.tags).toEqual(['keeper'])
    expect(await viewIds(api, 'inbox')).toEqual(inboxBefore)
    const seen = (await api.findPaper({ ref: b.arxivId }))?.provenance.map((p) => p.sourceKind)
    expect(seen).toEqual(['hf-daily', 'awesome'])
    expect((await api.findPaper({ ref: b.arxivId }))?.upvotes).toBe(7)
  })

  it('deletes with PDF, annotations and note; undelete restores them; emptying the trash frees unshared files and keeps the tombstone; forget removes it', async () => {
    const week = hfWeek(1)
    const server = await serve(hfWeekRoutes(week, () => 1))
    const dataDir = tempDir()
    const { api } = open(dataDir, server.url)
    await api.syncOnce(WEEK)
    const [first, second, third] = await Promise.all(
      week.slice(0, 3).map((paper) => idOf(api, paper.arxivId)),
    )
    if (first === undefined || second === undefined || third === undefined) throw new Error()
    const own = Buffer.from(await makeTestPdf({ pages: 1, title: 'own' })).toString('base64')
    const shared = Buffer.from(await makeTestPdf({ pages: 1, title: 'shared' })).toString('base64')
    await api.attachPdf({ id: first, data: own })
    await api.attachPdf({ id: second, data: shared })
    await api.attachPdf({ id: third, data: shared })
    await api.setNote({ id: first, note: 'compare with Dream' })
    await api.tagPapers({ ids: [first], tags: ['to-read'] })
    await api.addAnnotation({
      paperId: first,
      kind: 'note',
      page: 1,
      rects: [[10, 10, 30, 30]],
      comment: 'check',
    })
    await api.triagePapers({ action: 'delete', ids: [first, second] })
    await api.triagePapers({ action: 'undelete', ids: [first] })
    const back = await api.getPaper({ id: first })
    expect(back).toMatchObject({ triage: 'library', note: 'compare with Dream', tags: ['to-read'] })
    expect(await api.pdfUrl({ id: first })).not.toBeNull()
    expect((await api.annotationSummary({ paperId: first })).count).toBe(1)

    await api.triagePapers({ action: 'delete', ids: [first] })
    const pdfs = () => readdirSync(join(dataDir, 'pdfs')).filter((name) => name.endsWith('.pdf'))
    expect(pdfs()).toHaveLength(2)
    const emptied = await api.emptyTrash({})
    expect(emptied.changed).toBe(2)
    expect(emptied.freedBytes).toBeGreaterThan(0)
    // the shared file stays for the paper still using it
    expect(pdfs()).toHaveLength(1)
    expect(await api.pdfUrl({ id: third })).not.toBeNull()
    const tombstone = await api.getPaper({ id: first })
    expect(tombstone).toMatchObject({ triage: 'purged', note: null, tags: [] })
    expect((await api.libraryCounts({})).trash).toBe(0)
    expect(await api.syncOnce(WEEK)).toMatchObject({ added: 0 })
    expect(await triageOf(api, week[0]!.arxivId)).toBe('purged')

    await api.forgetPapers({ ids: [first] })
    expect(await api.findPaper({ ref: week[0]!.arxivId })).toBeNull()
    await expect(api.forgetPapers({ ids: [third] })).rejects.toThrow(/inbox or the library/)
    expect(existsSync(join(dataDir, 'pdfs'))).toBe(true)
  })

  it("applies arrival rules in the paper's own transaction, shows them on the paper, and previews what a sync does", async () => {
    const week = hfWeek()
    const server = await serve(hfWeekRoutes(week, () => 1))
    const { api } = open(tempDir(), server.url)
    const source = await api.addSource(WEEK)
    await api.addArrivalRule({ sourceId: source.id, query: 'diffusion', action: 'keep' })
    await api.addArrivalRule({ sourceId: source.id, query: 'diffusion', action: 'tag', tag: 'dlm' })
    await api.addArrivalRule({ sourceId: source.id, query: 'robot', action: 'dismiss' })
    await expect(
      api.addArrivalRule({ sourceId: source.id, query: 'venue:iclr', action: 'star' }),
    ).rejects.toThrow(/venue/)
    await api.syncSource({ id: source.id })
    const diffusion = week.filter((paper) => paper.title.startsWith('Diffusion'))
    const robots = week.filter((paper) => paper.title.startsWith('Robot'))
    for (const paper of diffusion) {
      const detail = await api.findPaper({ ref: paper.arxivId })
      expect(detail).toMatchObject({ triage: 'library', tags: ['dlm'] })
      expect(detail?.ruleNote).toBe(
        "kept by rule 'diffusion → keep'; tagged by rule 'diffusion → tag dlm'",
      )
    }
    for (const paper of robots) expect(await triageOf(api, paper.arxivId)).toBe('dismissed')
    expect(await viewIds(api, 'inbox')).toHaveLength(week.length - diffusion.length - robots.length)
    const preview = await api.previewArrivalRule({ sourceId: source.id, query: 'diffusion' })
    expect(preview.matched).toBe(diffusion.length)
    const rules = await api.listArrivalRules({ sourceId: source.id })
    expect(rules.map((rule) => rule.action)).toEqual(['keep', 'tag', 'dismiss'])
    await api.removeArrivalRule({ id: rules[0]!.id })
    expect(await api.listArrivalRules({})).toHaveLength(2)
  })

  it('groups the inbox by source and day, and dismisses the rest of one group', async () => {
    const week = hfWeek(2)
    const server = await serve(hfWeekRoutes(week, () => 1))
    let now = new Date('2026-05-18T09:00:00Z')
    const { api } = open(tempDir(), server.url, { now: () => now })
    await api.syncOnce({ kind: 'hf-daily', params: { date: '2026-05-18' } })
    now = new Date('2026-05-19T09:00:00Z')
    await api.syncOnce({ kind: 'hf-daily', params: { date: '2026-05-19' } })
    await api.importText({ text: '2401.00001', format: 'ids', sourceName: 'x', inbox: true })
    const groups = await api.inboxGroups({})
    expect(groups.map((g) => [g.day, g.count])).toEqual([
      ['2026-05-19', 2],
      ['2026-05-19', 1],
      ['2026-05-18', 2],
    ])
    expect(groups[1]?.sourceName).toBe('x')
    const daily = groups.find((g) => g.day === '2026-05-18')
    if (!daily?.sourceId) throw new Error('the first day came from a source')
    const rest = await api.triagePapers({
      action: 'dismiss',
      allInInbox: true,
      sourceId: daily.sourceId,
      day: daily.day,
    })
    expect(rest.changed).toBe(2)
    expect((await api.libraryCounts({})).inbox).toBe(3)
  })

  it("counts a source's papers as its view lists them: dismissed and deleted ones in neither count", async () => {
    const week = hfWeek()
    const server = await serve(hfWeekRoutes(week, () => 1))
    const { api } = open(tempDir(), server.url)
    const source = await api.addSource(WEEK)
    await api.syncSource({ id: source.id })
    const ids = await Promise.all(week.slice(0, 6).map((paper) => idOf(api, paper.arxivId)))
    await api.triagePapers({ action: 'keep', ids: ids.slice(0, 3) })
    await api.triagePapers({ action: 'dismiss', ids: ids.slice(3, 5) })
    await api.triagePapers({ action: 'delete', ids: ids.slice(5, 6) })
    // a paper added directly and tied to no source does not count for it
    await api.importText({ text: '2401.00001', format: 'ids', sourceName: 'a.txt' })

    const [summary] = await api.listSources({})
    expect(summary).toMatchObject({ id: source.id, paperCount: 3, inboxCount: week.length - 6 })
    expect(await api.listPaperIds({ view: 'all', sourceId: source.id })).toHaveLength(3)
    expect(await api.listPaperIds({ view: 'inbox', sourceId: source.id })).toHaveLength(
      week.length - 6,
    )
    expect(await api.libraryInfo({})).toMatchObject({ inboxCount: week.length - 6 })

    // undeleting and keeping move the counts; an emptied trash stays out of them
    await api.triagePapers({ action: 'undelete', ids: ids.slice(5, 6) })
    await api.triagePapers({ action: 'delete', ids: ids.slice(0, 1) })
    await api.emptyTrash({})
    expect((await api.listSources({}))[0]).toMatchObject({
      paperCount: 3,
      inboxCount: week.length - 6,
    })
  })

  it('deletes 10,000 papers in one call, and its undo restores them', async () => {
    const { api } = open(tempDir(), 'http://127.0.0.1:9')
    const ids = Array.from({ length: 10_000 }, (_, i) => `2402.${String(10000 + i)}`).join('\n')
    const report = await api.importText({ text: ids, format: 'ids', sourceName: 'many.txt' })
    const removal = await api.triagePapers({ action: 'delete', ids: [...report.paperIds] })
    expect(removal.changed).toBe(10_000)
    expect((await api.libraryCounts({})).trash).toBe(10_000)
    for (const step of removal.undo) await api.updatePapers(step)
    expect(await api.libraryCounts({})).toMatchObject({ all: 10_000, trash: 0 })
  })
})
