import { describe, expect, it } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { corpusAsCslJson, readTopicsCorpus } from '../../../../test/helpers/arxiv-corpus'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'

const corpus = readTopicsCorpus()
const categoryOf = new Map(corpus.map((paper) => [paper.arxivId, paper.categories[0] ?? '']))
/** Papers 0, 5, 10, … stay untagged (the inbox); the others carry their primary category as a tag. */
const untagged = (i: number) => i % 5 === 0

type Library = { api: LibraryApi; ids: PaperId[] }

/** The corpus imported and tagged; with `inbox`, it arrives in the inbox and the tagged papers are kept. */
async function tagLibrary(api: LibraryApi, inbox = false): Promise<Library> {
  const report = await api.importText({
    text: corpusAsCslJson(corpus),
    format: 'csl-json',
    sourceName: 'corpus.json',
    inbox,
  })
  const ids = [...report.paperIds]
  expect(ids).toHaveLength(corpus.length)
  const byTag = new Map<string, PaperId[]>()
  corpus.forEach((paper, i) => {
    const id = ids[i]
    if (untagged(i) || id === undefined) return
    const tag = `arxiv/${paper.categories[0]}`
    byTag.set(tag, [...(byTag.get(tag) ?? []), id])
  })
  for (const [tag, tagged] of byTag) await api.tagPapers({ ids: tagged, tags: [tag] })
  if (inbox) await api.triagePapers({ action: 'keep', ids: ids.filter((_, i) => !untagged(i)) })
  return { api, ids }
}

describe('topics service (real library, real topics thread)', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('suggests learned tags with confidence and reason for untagged papers', async () => {
    const { api, ids } = await tagLibrary(openCore(tempDir()).api)
    const inbox = await api.suggestTags({ scope: 'untagged', limit: 2 })
    expect(inbox).toHaveLength(corpus.filter((_, i) => untagged(i)).length)
    // the parent tag and the paper's field are the two surest
    const right = inbox.filter((paper) => {
      const two = paper.suggestions.map((x) => x.tag).sort()
      return two.join() === ['arxiv', `arxiv/${categoryOf.get(paper.arxivId ?? '')}`].join()
    }).length
    expect(right / inbox.length).toBeGreaterThan(0.85)
    const [one] = await api.suggestTags({ ids: [ids[0] as PaperId], limit: 3 })
    expect(one?.suggestions).toHaveLength(3)
    for (const s of one?.suggestions ?? []) {
      expect(s.score).toBeGreaterThan(0)
      expect(s.score).toBeLessThan(1)
    }
    expect(one?.suggestions[1]?.reason.length).toBeGreaterThan(0)
  })

  it('names related papers with the topics they share, and flags the inbox', async () => {
    const { api, ids } = await tagLibrary(openCore(tempDir()).api, true)
    let same = 0
    for (let i = 0; i < 20; i += 1) {
      const hits = await api.relatedPapers({ id: ids[i] as PaperId, limit: 10 })
      expect(hits).toHaveLength(10)
      expect(hits.map((r) => r.id)).not.toContain(ids[i])
      same += hits.filter(
        (r) => categoryOf.get(r.arxivId ?? '') === categoryOf.get(corpus[i]?.arxivId ?? ''),
      ).length
    }
    expect(same / 200).toBeGreaterThan(0.7)
    const id = ids[1] as PaperId
    const related = await api.relatedPapers({ id, limit: 10 })
    expect(related[0]?.sharedTopics.length).toBeGreaterThan(0)
    const inboxIds = new Set(ids.filter((_, i) => untagged(i)))
    for (const r of related) expect(r.inInbox).toBe(inboxIds.has(r.id))
    await expect(api.relatedPapers({ id: 999_999 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('orders by what the user kept, and puts "Not interested" last', async () => {
    const { api } = openCore(tempDir())
    const report = await api.importText({
      text: corpusAsCslJson(corpus),
      format: 'csl-json',
      sourceName: 'corpus.json',
    })
    const ids = [...report.paperIds]
    const ofField = (field: string) => ids.filter((_, i) => corpus[i]?.categories[0] === field)
    await api.setStarred({ ids: ofField('astro-ph.GA').slice(0, 8), starred: true })
    const first = await api.listPaperRows({ view: 'unread', sort: 'for-you', limit: 10 })
    expect(
      first.rows.filter((row) => categoryOf.get(row.arxivId ?? '') === 'astro-ph.GA').length,
    ).toBeGreaterThanOrEqual(9)
    const dismissed = first.rows[0]?.id as PaperId
    expect((await api.setNotInterested({ ids: [dismissed], notInterested: true })).changed).toBe(1)
    const all = await api.listPaperRows({ view: 'all', sort: 'for-you', limit: 2000 })
    expect(all.rows.at(-1)?.id).toBe(dismissed)
    const listed = await api.listPapers({ sort: 'for-you', limit: 3 })
    expect(listed.papers.map((p) => p.id)).not.toContain(dismissed)
    expect(categoryOf.get(listed.papers[0]?.arxivId ?? '')).toBe('astro-ph.GA')
  })

  it('previews a tag’s precision and applies it itself above the threshold, once', async () => {
    const { api, ids } = await tagLibrary(openCore(tempDir()).api)
    const preview = await api.autoTagPreview({ tag: 'arxiv/math.RT' })
    expect(preview.threshold).toBeNull()
    const suggested = preview.points.map((p) => p.suggested)
    expect(suggested).toEqual([...suggested].sort((a, b) => b - a))
    const strict = preview.points.find((p) => p.threshold === 0.7)
    expect(strict?.suggested).toBeGreaterThan(10)
    expect((strict?.right ?? 0) / (strict?.suggested ?? 1)).toBeGreaterThan(0.9)
    expect(await api.setAutoTag({ tag: 'arxiv/math.RT', threshold: 0.6 })).toEqual({
      tag: 'arxiv/math.RT',
      threshold: 0.6,
    })
    const mathUntagged = ids.filter((_, i) => untagged(i) && corpus[i]?.categories[0] === 'math.RT')
    const tagged = await api.listPaperIds({ tag: 'arxiv/math.RT' })
    const applied = mathUntagged.filter((id) => tagged.includes(id))
    expect(applied.length / mathUntagged.length).toBeGreaterThan(0.8)
    // a tag the user takes off stays off
    const removed = applied[0] as PaperId
    await api.untagPapers({ ids: [removed], tags: ['arxiv/math.RT'] })
    for (let i = 0; i < 4; i += 1) {
      await api.setStatus({ ids: [ids[2] as PaperId], status: i % 2 ? 'read' : 'reading' })
    }
    await api.suggestTags({ ids: [ids[0] as PaperId] })
    expect(await api.listPaperIds({ tag: 'arxiv/math.RT' })).not.toContain(removed)
    expect((await api.autoTagPreview({ tag: 'arxiv/math.RT' })).threshold).toBe(0.6)
  })

  it('refuses unknown papers and a call with neither ids nor scope', async () => {
    const { api } = openCore(tempDir())
    await expect(api.suggestTags({ ids: [4242] })).rejects.toMatchObject({ code: 'not-found' })
    await expect(api.suggestTags({})).rejects.toMatchObject({ code: 'invalid-input' })
    expect(await api.suggestTags({ scope: 'inbox' })).toEqual([])
  })
})
