import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { AppEventEnvelope } from '@shared/api/events'
import type { SearchHit } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW, useTestCore } from '../../../../test/helpers/test-core'
import { DATABASE_FILE } from '../create-core'
import { MIGRATIONS, migrate } from '../db/migrations'
import { openDatabase, type WritableDb } from '../db/open-database'
import type { PaperDraft } from '../sources/paper-draft'
import { applyDrafts } from '../sync/apply-drafts'

type Seed = Omit<PaperDraft, 'provenance' | 'authors'> & { authors?: string[] }

const PAPERS: Seed[] = [
  {
    arxivId: '2309.14509',
    title:
      'DeepSpeed Ulysses: System Optimizations for Enabling Training of Extreme Long Sequence Transformer Models',
    authors: ['Sam Ade Jacobs', 'Masahiro Tanaka', 'Samyam Rajbhandari'],
    organization: { handle: 'microsoft', name: 'Microsoft' },
    abstract: 'Sequence parallelism for training transformers on very long sequences.',
    publishedAt: '2023-09-25',
    upvotes: 10,
  },
  {
    arxivId: '2502.09992',
    title: 'Large Language Diffusion Models',
    authors: ['Shen Nie', 'Fengqi Zhu', 'Chongxuan Li'],
    abstract: 'We introduce LLaDA, a diffusion model trained from scratch.',
    publishedAt: '2025-02-14',
    upvotes: 150,
  },
  {
    arxivId: '2402.18567',
    title: 'Diffusion Language Models Are Versatile Protein Learners',
    authors: ['Xinyou Wang', 'Zaixiang Zheng', 'Quanquan Gu'],
    abstract: 'A protein language model based on discrete diffusion.',
    publishedAt: '2024-02-28',
    upvotes: 20,
  },
  {
    arxivId: '2211.17192',
    title: 'Fast Inference from Transformers via Speculative Decoding',
    authors: ['Yaniv Leviathan', 'Matan Kalman', 'Yossi Matias'],
    organization: { handle: 'google', name: 'Google' },
    abstract:
      'Sampling from large autoregressive models is slow; we compute several tokens in parallel.',
    publishedAt: '2022-11-30',
    upvotes: 30,
  },
  {
    arxivId: '2401.10774',
    title: 'Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads',
    authors: ['Tianle Cai', 'Yuhong Li', 'Tri Dao'],
    abstract:
      'Large language models use auto-regressive decoding. Unlike speculative decoding with a separate draft model, Medusa adds extra decoding heads to predict several tokens.',
    publishedAt: '2024-01-19',
    upvotes: 40,
  },
  {
    arxivId: '2405.00001',
    title: 'Efficient Video Generation with Token Merging',
    authors: ['Wei Zhang', 'Ana Müller'],
    organization: { handle: 'nvidia', name: 'NVIDIA' },
    abstract: 'Token merging makes video diffusion faster.',
    publishedAt: '2024-05-01',
    upvotes: 5,
  },
  {
    arxivId: '2406.00001',
    title: 'Tie Break Study One',
    authors: ['Ada Lovelace'],
    publishedAt: '2021-01-01',
    upvotes: 5,
  },
  {
    arxivId: '2406.00002',
    title: 'Tie Break Study Two',
    authors: ['Ada Lovelace'],
    publishedAt: '2021-01-01',
    upvotes: 50,
  },
  {
    arxivId: '2406.00003',
    title: 'Sparce Coding Revisited',
    authors: ['Bruno Olshausen'],
    publishedAt: '2020-01-01',
  },
  // A full name: one author holds it, the other paper spreads its words over two authors.
  {
    arxivId: '2408.00001',
    title: 'Spread Name Study',
    authors: ['Kenji Sato', 'Emi Watanabe', 'Ryo Ito', 'Aki Mori'],
    publishedAt: '2024-08-01',
    upvotes: 90,
  },
  {
    arxivId: '2408.00002',
    title: 'Whole Name Study',
    authors: ['Lin Wu', 'Mei Chen', 'Tom Ford', 'Kenji Watanabe'],
    publishedAt: '2024-08-01',
    upvotes: 1,
  },
  // Many papers hold `sparse`, so `sparce` is also read as it.
  ...Array.from({ length: 24 }, (_, i): Seed => ({
    arxivId: `2407.${String(i + 1).padStart(5, '0')}`,
    title: `Sparse Experts Number ${i + 1}`,
    authors: ['Noam Shazeer'],
    publishedAt: '2019-06-01',
  })),
]

const OLD = new Date('2026-01-01T00:00:00Z')

/** Writes the seed papers the way an import does, added long before the test clock. */
function seed(dataDir: string): PaperId[] {
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  try {
    const drafts: PaperDraft[] = PAPERS.map((paper, i) => ({
      ...paper,
      authors: (paper.authors ?? []).map((name) => ({ name })),
      provenance: { line: i + 1, rank: i + 1, section: null, raw: null },
    }))
    return db
      .transaction(() =>
        applyDrafts(db, drafts, {
          source: { kind: 'file:test', key: 'seed-list', name: 'seed-list' },
          metadataRank: 5,
          tags: [],
          now: OLD.toISOString(),
        }),
      )
      .immediate().paperIds
  } finally {
    db.close()
  }
}

const titles = (hits: ReadonlyArray<SearchHit>) => hits.map((hit) => hit.title)
const byTitle = (start: string) => PAPERS.findIndex((p) => p.title?.startsWith(start))

describe('core/search/search-service', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  const open = () => {
    const dir = tempDir()
    const ids = seed(dir)
    const { api, core } = openCore(dir)
    const id = (start: string) => ids[byTitle(start)] as PaperId
    const find = async (query: string, limit = 50) => titles(await api.search({ query, limit }))
    return { api, core, dir, ids, id, find }
  }

  it('ranks title hits above abstract hits, and a closer title first', async () => {
    const { find } = open()
    const found = await find('speculative decoding')
    expect(found[0]).toBe('Fast Inference from Transformers via Speculative Decoding')
    expect(found[1]).toMatch(/^Medusa/)
    expect((await find('large language diffusion models'))[0]).toBe(
      'Large Language Diffusion Models',
    )
  })

  it('ranks an exact word above a typo-corrected one', async () => {
    const { api } = open()
    const result = await api.searchLibrary({ query: 'sparce', limit: 50 })
    expect(result.hits[0]?.title).toBe('Sparce Coding Revisited')
    expect(result.hits.length).toBeGreaterThan(1)
    expect(result.hits[1]?.title).toMatch(/^Sparse Experts/)
    expect(result.hits[0]!.score).toBeGreaterThan(result.hits[1]!.score)
  })

  it('breaks ties by upvotes, then recency', async () => {
    const { api } = open()
    const hits = await api.search({ query: 'tie break study', limit: 5 })
    expect(hits.map((h) => h.title)).toEqual(['Tie Break Study Two', 'Tie Break Study One'])
    expect(hits[0]?.score).toBe(hits[1]?.score)
  })

  it('ranks a full name held by one author above its words spread over several, naming that author', async () => {
    const { api } = open()
    const hits = await api.search({ query: 'kenji watanabe', limit: 5 })
    expect(hits.map((h) => h.title)).toEqual(['Whole Name Study', 'Spread Name Study'])
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score)
    const page = await api.searchPaperRows({ query: 'kenji watanabe', limit: 5 })
    expect(page.rows.map((row) => [row.title, row.matchedAuthor])).toEqual([
      ['Whole Name Study', 'Kenji Watanabe'],
      ['Spread Name Study', 'Kenji Sato'],
    ])
  })

  it('finds papers through one or two typos per word and reports the corrections', async () => {
    const { api, find } = open()
    const diffusion = await api.searchLibrary({ query: 'difusion langauge modle', limit: 10 })
    expect(titles(diffusion.hits).slice(0, 2).sort()).toEqual([
      'Diffusion Language Models Are Versatile Protein Learners',
      'Large Language Diffusion Models',
    ])
    expect(diffusion.corrections).toEqual(
      expect.arrayContaining([
        { word: 'difusion', to: expect.arrayContaining(['diffusion']) as string[] },
        { word: 'langauge', to: expect.arrayContaining(['language']) as string[] },
      ]),
    )
    expect((await find('ulyses deepsped'))[0]).toMatch(/^DeepSpeed Ulysses/)
    expect((await find('trnasformer inferecne'))[0]).toMatch(/^Fast Inference/)
  })

  it('finds words from their first letters while typing', async () => {
    const { find } = open()
    expect((await find('spec dec'))[0]).toBe(
      'Fast Inference from Transformers via Speculative Decoding',
    )
    // The index stems `inference` to `infer`: the typed `inferen` must still reach it.
    expect(await find('inferen')).toEqual(
      expect.arrayContaining([
        'Fast Inference from Transformers via Speculative Decoding',
        expect.stringMatching(/^Medusa/) as string,
      ]),
    )
  })

  it('filters by tag (with sub-tags), excluded tag, author, organization and year', async () => {
    const { api, id, find } = open()
    await api.tagPapers({ ids: [id('Fast Inference')], tags: ['llm/decoding'] })
    await api.tagPapers({ ids: [id('Medusa')], tags: ['llm', 'read-later'] })
    expect(await find('tag:llm')).toEqual([
      expect.stringMatching(/^Medusa/) as string,
      'Fast Inference from Transformers via Speculative Decoding',
    ])
    expect(await find('decoding tag:llm -tag:read-later')).toEqual([
      'Fast Inference from Transformers via Speculative Decoding',
    ])
    expect(await find('author:zhang')).toEqual(['Efficient Video Generation with Token Merging'])
    expect(await find('author:muller')).toEqual(['Efficient Video Generation with Token Merging'])
    expect(await find('author:"tri dao" decoding')).toEqual([
      expect.stringMatching(/^Medusa/) as string,
    ])
    expect(await find('org:nvidia')).toEqual(['Efficient Video Generation with Token Merging'])
    expect(await find('org:google decoding')).toEqual([
      'Fast Inference from Transformers via Speculative Decoding',
    ])
    expect((await find('diffusion year:2025')).sort()).toEqual(['Large Language Diffusion Models'])
    expect((await find('diffusion year:2023..2024')).sort()).toEqual([
      'Diffusion Language Models Are Versatile Protein Learners',
      'Efficient Video Generation with Token Merging',
    ])
    expect(await find('diffusion -year:2024')).toEqual(['Large Language Diffusion Models'])
  })

  it('filters by reading state, star, stored PDF, newness and source', async () => {
    const { api, id, find, dir } = open()
    await api.setStatus({ ids: [id('Medusa')], status: 'reading' })
    await api.setStatus({ ids: [id('Fast Inference')], status: 'read' })
    await api.setStarred({ ids: [id('Large Language')], starred: true })
    withLibraryDb(dir, (db) =>
      db
        .prepare(
          "INSERT INTO paper_files (paper_id, sha256, size, origin, added_at) VALUES (?, 'ab', 1, 'download', ?)",
        )
        .run(id('DeepSpeed'), OLD.toISOString()),
    )
    const imported = await api.importText({
      text: JSON.stringify([
        { title: 'Zebrafish Morphogenesis Atlas', URL: 'https://arxiv.org/abs/2411.00001' },
      ]),
      format: 'csl-json',
      sourceName: 'my-export.json',
    })
    expect(imported.added).toBe(1)
    expect(await find('decoding is:reading')).toEqual([expect.stringMatching(/^Medusa/) as string])
    expect(await find('decoding is:read')).toEqual([
      'Fast Inference from Transformers via Speculative Decoding',
    ])
    expect(await find('decoding is:unread')).toEqual([])
    expect(await find('is:starred')).toEqual(['Large Language Diffusion Models'])
    expect(await find('is:pdf')).toEqual([expect.stringMatching(/^DeepSpeed Ulysses/) as string])
    expect(await find('is:new')).toEqual(['Zebrafish Morphogenesis Atlas'])
    expect(await find('source:my-export')).toEqual(['Zebrafish Morphogenesis Atlas'])
    expect(await find('decoding source:seed-list')).toHaveLength(2)
    expect(await find('diffusion -is:starred')).not.toContain('Large Language Diffusion Models')
  })

  it('matches a quoted phrase only as consecutive words', async () => {
    const { find } = open()
    expect(await find('"language diffusion"')).toEqual(['Large Language Diffusion Models'])
    expect(await find('"diffusion language"')).toEqual([
      'Diffusion Language Models Are Versatile Protein Learners',
    ])
    expect(await find('diffusion -protein')).not.toContain(
      'Diffusion Language Models Are Versatile Protein Learners',
    )
  })

  it('reports an unknown operator and still searches its text', async () => {
    const { api } = open()
    const result = await api.searchLibrary({ query: 'venue:neurips diffusion', limit: 10 })
    expect(result.warnings).toEqual([expect.objectContaining({ start: 0, end: 13 })])
    expect(result.warnings[0]?.message).toMatch(/^Unknown operator "venue:"/)
    // No paper holds `venue` or `neurips`: the words the library knows still find papers.
    expect(titles(result.hits)).toContain('Large Language Diffusion Models')
    const ok = await api.searchLibrary({ query: 'diffusion is:unknown', limit: 10 })
    expect(ok.warnings[0]?.message).toMatch(/is:unknown/)
    expect(ok.hits.length).toBeGreaterThan(0)
  })

  it('returns highlight ranges into title, authors and organization', async () => {
    const { api } = open()
    const [hit] = await api.search({ query: 'speculative leviathan google', limit: 1 })
    expect(hit?.title).toBe('Fast Inference from Transformers via Speculative Decoding')
    const cut = (text: string, ranges: ReadonlyArray<readonly [number, number]> | undefined) =>
      (ranges ?? []).map(([s, e]) => text.slice(s, e))
    expect(cut(hit!.title!, hit!.highlights.title)).toEqual(['Speculative'])
    expect(cut(hit!.authors.join(', '), hit!.highlights.authors)).toEqual(['Leviathan'])
    expect(cut(hit!.organization!, hit!.highlights.organization)).toEqual(['Google'])
    expect(hit!.snippet).toBeNull()
  })

  it('quotes the abstract or note around a match found only there', async () => {
    const { api, id } = open()
    const [medusa] = await api.search({ query: 'draft model', limit: 1 })
    expect(medusa?.title).toMatch(/^Medusa/)
    expect(medusa?.snippet?.field).toBe('abstract')
    const snippet = medusa!.snippet!
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(
      expect.arrayContaining(['draft', 'model']),
    )
    await api.setNote({
      id: id('Tie Break Study One'),
      note: 'Compare with the walrus operator paper.',
    })
    const [noted] = await api.search({ query: 'walrus', limit: 1 })
    expect(noted?.title).toBe('Tie Break Study One')
    expect(noted?.snippet).toEqual({
      field: 'note',
      text: 'Compare with the walrus operator paper.',
      highlights: [[17, 23]],
      page: null,
    })
  })

  it('follows every write: tags, notes and imports, typo correction included', async () => {
    const { api, id, find } = open()
    expect(await find('hummingbird')).toEqual([])
    await api.tagPapers({ ids: [id('Tie Break Study One')], tags: ['hummingbird'] })
    expect(await find('hummingbird')).toEqual(['Tie Break Study One'])
    expect(await find('humingbird')).toEqual(['Tie Break Study One'])
    await api.untagPapers({ ids: [id('Tie Break Study One')], tags: ['hummingbird'] })
    expect(await find('tag:hummingbird')).toEqual([])
    await api.setNote({ id: id('Tie Break Study Two'), note: 'quokka' })
    expect(await find('quokka')).toEqual(['Tie Break Study Two'])
    await api.setNote({ id: id('Tie Break Study Two'), note: null })
    expect(await find('quokka')).toEqual([])
    await api.importText({
      text: JSON.stringify([
        { title: 'Axolotl Regeneration Genomics', URL: 'https://arxiv.org/abs/2411.00002' },
      ]),
      format: 'csl-json',
      sourceName: 'more.json',
    })
    expect(await find('axolotl')).toEqual(['Axolotl Regeneration Genomics'])
    expect(await find('axolotll regeneraton')).toEqual(['Axolotl Regeneration Genomics'])
  })

  it('queues a large tagging, indexes it in background steps; an import is indexed when it returns', async () => {
    const { api, dir, ids } = open()
    const many = await api.importText({
      text: JSON.stringify(
        Array.from({ length: 1_100 }, (_, i) => ({
          title: `Capybara Behaviour Report ${i + 1}`,
          URL: `https://arxiv.org/abs/2412.${String(i + 1).padStart(5, '0')}`,
        })),
      ),
      format: 'csl-json',
      sourceName: 'capybaras.json',
    })
    expect(many.added).toBe(1_100)
    const queued = () =>
      withLibraryDb(dir, (db) => db.prepare('SELECT count(*) FROM search_pending').pluck().get())
    // An import indexes batch by batch: searchable when it returns, nothing queued.
    expect(queued()).toBe(0)
    expect(await api.search({ query: 'capybara', limit: 1000 })).toHaveLength(1_000)
    await api.tagPapers({ ids: [...many.paperIds, ...ids], tags: ['rodents'] })
    expect(queued()).toBe(1_100 + ids.length)
    // The background steps run between calls, without a search.
    for (let i = 0; i < 50 && queued() !== 0; i += 1) await new Promise((r) => setImmediate(r))
    expect(queued()).toBe(0)
    expect(await api.search({ query: 'rodents capybara 1100', limit: 5 })).toEqual([
      expect.objectContaining({ title: 'Capybara Behaviour Report 1100' }),
    ])
  })

  it('indexes the papers of a library written before search had its own schema', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    const old = new Database(file) as WritableDb
    migrate(old, MIGRATIONS.slice(0, 3))
    old
      .prepare(
        `INSERT INTO papers (id, title, organization, added_at, modified_at)
         VALUES (1, 'Mixture of Depths Revisited', 'Google', ?, ?)`,
      )
      .run(OLD.toISOString(), OLD.toISOString())
    old
      .prepare("INSERT INTO paper_authors (paper_id, position, name) VALUES (1, 0, 'Ana Müller')")
      .run()
    old.close()
    const { api } = openCore(dir)
    expect(
      titles(await api.search({ query: 'mixtre of dephts author:muller org:google', limit: 5 })),
    ).toEqual(['Mixture of Depths Revisited'])
  })

  it('saves, lists, replaces and deletes saved searches, announcing each change', async () => {
    const { api, core } = open()
    const events: AppEventEnvelope[] = []
    core.events.subscribe((event) => events.push(event))
    const first = await api.saveSearch({ name: 'To read', query: 'is:unread tag:llm' })
    await api.saveSearch({ name: 'Diffusion', query: 'diffusion year:2024..2025' })
    const replaced = await api.saveSearch({ name: 'to read', query: 'is:unread' })
    expect(replaced.id).toBe(first.id)
    expect(await api.listSavedSearches({})).toEqual([
      { id: first.id, name: 'to read', query: 'is:unread', createdAt: TEST_NOW.toISOString() },
      expect.objectContaining({ name: 'Diffusion', query: 'diffusion year:2024..2025' }),
    ])
    expect(await api.deleteSavedSearch({ id: first.id })).toEqual({ changed: 1 })
    expect((await api.listSavedSearches({})).map((s) => s.name)).toEqual(['Diffusion'])
    expect(events.filter((e) => e.type === 'searches.changed')).toHaveLength(4)
    await expect(api.deleteSavedSearch({ id: first.id })).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(api.saveSearch({ name: 'Bad', query: 'venue:icml' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/Unknown operator "venue:"/) as string,
    })
  })
})
