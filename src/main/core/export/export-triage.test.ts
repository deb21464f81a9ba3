import { describe, expect, it } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import type { LibraryDocument } from '@shared/api/library-document'
import { snapshotLibrary } from '../../../../test/helpers/db-snapshot'
import { useFixtureServer } from '../../../../test/helpers/fixture-http-server'
import { hfWeek, hfWeekRoutes } from '../../../../test/helpers/hf-week'
import { useSyncTestCore } from '../../../../test/helpers/sync-test-core'
import { useTempDir } from '../../../../test/helpers/temp-dir'

const WEEK = { kind: 'hf-daily', params: { from: '2026-05-18', to: '2026-05-24' } } as const

const triageOf = async (api: LibraryApi, arxivId: string) =>
  (await api.findPaper({ ref: arxivId }))?.triage

async function idOf(api: LibraryApi, arxivId: string) {
  const paper = await api.findPaper({ ref: arxivId })
  if (!paper) throw new Error(`arXiv:${arxivId} is not in the library`)
  return paper.id
}

describe('export/export-library: triage state', () => {
  const serve = useFixtureServer()
  const tempDir = useTempDir()
  const open = useSyncTestCore()
  const week = hfWeek()
  const arxiv = (index: number) => week[index]?.arxivId ?? ''

  /** A synced week with a keep rule, one paper dismissed, two purged (emptied trash), one in the trash. */
  async function triagedLibrary(api: LibraryApi) {
    const source = await api.addSource({ ...WEEK, name: 'HF week' })
    await api.addArrivalRule({ sourceId: source.id, query: 'diffusion', action: 'keep' })
    await api.syncSource({ id: source.id })
    await api.triagePapers({ action: 'dismiss', ids: [await idOf(api, arxiv(1))] })
    await api.triagePapers({
      action: 'delete',
      ids: [await idOf(api, arxiv(2)), await idOf(api, arxiv(5))],
    })
    await api.emptyTrash({})
    await api.triagePapers({ action: 'delete', ids: [await idOf(api, arxiv(6))] })
    return source
  }

  it('carries inbox, dismissed, trash, tombstones, rule notes and rules: a sync after import brings nothing back', async () => {
    const server = await serve(hfWeekRoutes(week, () => 1))
    const a = tempDir()
    const b = tempDir()
    const first = open(a, server.url)
    const source = await triagedLibrary(first.api)
    const doc = await first.api.exportLibrary({})
    const byArxiv = (id: string) => doc.papers.find((paper) => paper['arxiv_id'] === id)
    expect(byArxiv(arxiv(0))).toMatchObject({
      triage: 'library',
      rule_note: "kept by rule 'diffusion → keep'",
    })
    expect(byArxiv(arxiv(1))).toMatchObject({ triage: 'dismissed' })
    expect(byArxiv(arxiv(2))).toMatchObject({ triage: 'purged', note: null, tags: [] })
    expect(byArxiv(arxiv(6))).toMatchObject({ triage: 'trash' })
    expect(byArxiv(arxiv(3))).toMatchObject({ triage: 'inbox', rule_note: null })
    expect(doc.tables['arrival_rules']).toMatchObject([{ query: 'diffusion', action: 'keep' }])

    const second = open(b, server.url)
    await second.api.importLibrary({ text: JSON.stringify(doc), sourceName: 'library.json' })
    expect({ ...(await second.api.exportLibrary({})), exportedAt: doc.exportedAt }).toEqual(doc)
    expect(snapshotLibrary(b)).toEqual(snapshotLibrary(a))
    const counts = await first.api.libraryCounts({})
    expect(await second.api.libraryCounts({})).toEqual(counts)
    expect((await second.api.findPaper({ ref: arxiv(0) }))?.ruleNote).toBe(
      "kept by rule 'diffusion → keep'",
    )
    expect(await second.api.listArrivalRules({ sourceId: source.id })).toHaveLength(1)

    // the same week synced into the imported library: what was dismissed or deleted stays so
    expect(await second.api.syncSource({ id: source.id })).toMatchObject({
      status: 'ok',
      added: 0,
    })
    expect(await triageOf(second.api, arxiv(1))).toBe('dismissed')
    expect(await triageOf(second.api, arxiv(2))).toBe('purged')
    expect(await triageOf(second.api, arxiv(5))).toBe('purged')
    expect(await triageOf(second.api, arxiv(6))).toBe('trash')
    expect(await second.api.libraryCounts({})).toEqual(counts)
  })

  it('puts the papers of a document from before triage in the library', async () => {
    const server = await serve(hfWeekRoutes(week, () => 1))
    const first = open(tempDir(), server.url)
    await triagedLibrary(first.api)
    const doc = await first.api.exportLibrary({})
    const older: LibraryDocument = {
      ...doc,
      papers: doc.papers.map((paper) => {
        const { triage: _triage, triaged_at: _at, rule_note: _note, ...rest } = paper
        return rest
      }),
      tables: Object.fromEntries(
        Object.entries(doc.tables).filter(([table]) => table !== 'arrival_rules'),
      ),
    }
    const second = open(tempDir(), server.url)
    await second.api.importLibrary({ text: JSON.stringify(older), sourceName: 'old.json' })
    expect(await second.api.libraryCounts({})).toMatchObject({
      all: doc.papers.length,
      inbox: 0,
      dismissed: 0,
      trash: 0,
    })
  })

  it('refuses a triage state, triage time or rule it does not know, naming it, changing nothing', async () => {
    const server = await serve(hfWeekRoutes(week, () => 1))
    const first = open(tempDir(), server.url)
    await triagedLibrary(first.api)
    const doc = await first.api.exportLibrary({})
    const b = tempDir()
    const second = open(b, server.url)
    const before = snapshotLibrary(b)
    const paper = doc.papers[0]
    const rules = doc.tables['arrival_rules'] ?? []
    const cases: Array<[unknown, RegExp]> = [
      [{ ...doc, papers: [{ ...paper, triage: 'archived' }] }, /papers\.0\.triage/],
      [
        { ...doc, papers: [{ ...paper, triaged_at: 'yesterday' }] },
        /papers\.triaged_at "yesterday" is not valid/,
      ],
      [
        { ...doc, tables: { ...doc.tables, arrival_rules: [{ ...rules[0], action: 'explode' }] } },
        /row 1 of arrival_rules: arrival_rules\.action "explode"/,
      ],
    ]
    for (const [bad, message] of cases) {
      await expect(
        second.api.importLibrary({ text: JSON.stringify(bad), sourceName: 'bad.json' }),
      ).rejects.toMatchObject({ code: 'parse-error', message })
      expect(snapshotLibrary(b)).toEqual(before)
    }
  })
})
