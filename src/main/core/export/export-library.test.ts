import { describe, expect, it } from 'vitest'
import type { LibraryApi } from '@shared/api/library-api'
import { snapshotLibrary, withLibraryDb } from '../../../../test/helpers/db-snapshot'
import { fixturePath, HF_PAGE_COPY, readFixture } from '../../../../test/helpers/fixtures'
import { seedLibrary } from '../../../../test/helpers/library-builders'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { LATEST_VERSION } from '../db/migrations'

/** A library with every kind of data a user and the sources put into one. */
async function richLibrary(api: LibraryApi, dir: string): Promise<void> {
  await seedLibrary(api, 30)
  await api.importText({
    text: readFixture(HF_PAGE_COPY),
    sourceName: fixturePath(HF_PAGE_COPY),
    tags: ['hf'],
  })
  const tags = await api.listTags({})
  const toRead = tags.find((t) => t.name === 'to-read')
  if (toRead) await api.setTagColor({ id: toRead.id, color: '#aa3300' })
  await api.createTag({ name: 'empty-tag', color: '#00ff00' })
  const list = await api.createList({ name: 'Reading group' })
  const ids = (await api.listPapers({ limit: 5, sort: 'added' })).papers.map((p) => p.id)
  await api.addToList({ listId: list.id, ids: [...ids].reverse() })
  withLibraryDb(dir, (db) => {
    db.prepare(
      `INSERT INTO paper_files (paper_id, sha256, size, origin, added_at) VALUES (?, ?, 1234, 'download', '2026-01-01T00:00:00Z')`,
    ).run(ids[0], 'ab'.repeat(32))
    db.prepare(
      `INSERT INTO paper_categories (paper_id, label, origin) VALUES (?, 'cs.CL', 'arxiv')`,
    ).run(ids[1])
    db.prepare(`UPDATE papers SET view_state = '{"page":3}', last_read_page = 3 WHERE id = ?`).run(
      ids[2],
    )
  })
}

describe('export/export-library', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('exports a library that, imported into an empty one, recreates it exactly', async () => {
    const a = tempDir()
    const b = tempDir()
    const source = openCore(a)
    await richLibrary(source.api, a)
    const doc = await source.api.exportLibrary({})
    expect(doc).toMatchObject({
      format: 'papershelf-library',
      formatVersion: 1,
      schemaVersion: LATEST_VERSION,
    })
    expect(doc.papers.length).toBeGreaterThan(30)
    const target = openCore(b)
    const report = await target.api.importLibrary({
      text: JSON.stringify(doc),
      sourceName: 'library.json',
    })
    expect(report).toEqual({
      papers: doc.papers.length,
      tags: doc.tags.length,
      sources: doc.sources.length,
      lists: 1,
    })
    expect({ ...(await target.api.exportLibrary({})), exportedAt: doc.exportedAt }).toEqual(doc)
    expect(snapshotLibrary(b)).toEqual(snapshotLibrary(a))
    const hits = await target.api.search({ query: 'twice', limit: 5 })
    expect(hits).toHaveLength(1)
  })

  it('carries tags with colors, user fields, provenance and lists in readable form', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    await richLibrary(api, dir)
    const doc = await api.exportLibrary({})
    expect(doc.tags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'to-read', color: '#aa3300' }) as unknown,
      ]),
    )
    const noted = doc.papers.find((p) => p['note'] === 'read section 3 <b>twice</b>')
    expect(noted?.tags.map((t) => t.name).sort()).toEqual(['llm/decoding', 'seed', 'to-read'])
    expect(noted?.sources[0]).toMatchObject({
      source_id: expect.any(Number) as unknown,
      first_seen_at: expect.any(String) as unknown,
    })
    expect(doc.papers.some((p) => p['status'] === 'reading')).toBe(true)
    expect(doc.papers.some((p) => p['starred'] === 1)).toBe(true)
    expect(doc.papers.some((p) => Number(p['author_count']) > 0)).toBe(true)
    expect(doc.lists[0]?.papers).toHaveLength(5)
  })

  it('imports a library document only into an empty library', async () => {
    const a = tempDir()
    const { api } = openCore(a)
    await seedLibrary(api, 5)
    const text = JSON.stringify(await api.exportLibrary({}))
    const before = snapshotLibrary(a)
    await expect(api.importLibrary({ text, sourceName: 'lib.json' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^lib\.json: .*empty library/) as unknown,
    })
    expect(snapshotLibrary(a)).toEqual(before)
  })

  it('refuses a malformed or foreign document with its location, changing nothing', async () => {
    const a = tempDir()
    const source = openCore(a)
    await seedLibrary(source.api, 5)
    const doc = await source.api.exportLibrary({})
    const b = tempDir()
    const { api } = openCore(b)
    const before = snapshotLibrary(b)
    const cases: Array<[string, RegExp]> = [
      ['{"format": "papershelf-library", "papers": [', /not valid JSON/],
      [
        JSON.stringify({ ...doc, papers: [{ ...doc.papers[0], authors: 'Ann' }] }),
        /papers\.0\.authors/,
      ],
      [JSON.stringify({ ...doc, format: 'zotero' }), /format/],
      [
        JSON.stringify({ ...doc, tables: { evil_table: [{ x: 1 }] } }),
        /unknown table "evil_table"/,
      ],
      [
        JSON.stringify({
          ...doc,
          papers: [{ ...doc.papers[0], tags: [{ name: 'nope', added_at: 'x' }] }],
        }),
        /tag "nope"/,
      ],
      [JSON.stringify({ ...doc, papers: [doc.papers[0], doc.papers[0]] }), /cannot be stored/],
      // Field by field, before any write: a digest is later a file name, a URL is fetched.
      [
        JSON.stringify({
          ...doc,
          papers: [
            {
              ...doc.papers[0],
              files: [
                {
                  sha256: '../../../../etc/passwd',
                  size: 1,
                  origin: 'download',
                  added_at: '2026-01-01T00:00:00Z',
                },
              ],
            },
          ],
        }),
        /paper_files\.sha256 "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is not valid \(a SHA-256 digest/,
      ],
      [
        JSON.stringify({ ...doc, papers: [{ ...doc.papers[0], status: 'finished' }] }),
        /papers\.status "finished"/,
      ],
      [
        JSON.stringify({ ...doc, papers: [{ ...doc.papers[0], pdf_url: 'file:///etc/passwd' }] }),
        /papers\.pdf_url .* \(an http\(s\) address\)/,
      ],
      [
        JSON.stringify({
          ...doc,
          tables: { ...doc.tables, pdf_texts: [{ sha256: 'x/../y', state: 'done' }] },
        }),
        /row 1 of pdf_texts: pdf_texts\.sha256/,
      ],
    ]
    for (const [text, message] of cases) {
      await expect(api.importLibrary({ text, sourceName: 'bad.json' })).rejects.toMatchObject({
        code: 'parse-error',
        message,
      })
      expect(snapshotLibrary(b)).toEqual(before)
    }
    await expect(
      api.importLibrary({
        text: JSON.stringify({ ...doc, schemaVersion: LATEST_VERSION + 1 }),
        sourceName: 'new.json',
      }),
    ).rejects.toMatchObject({ code: 'db-from-future' })
    expect(snapshotLibrary(b)).toEqual(before)
  })

  it('ignores keys that are not columns, including __proto__', async () => {
    const a = tempDir()
    const source = openCore(a)
    await seedLibrary(source.api, 3)
    const doc = await source.api.exportLibrary({})
    const text = JSON.stringify(doc).replace(
      '"authors":',
      '"__proto__":{"polluted":1},"evil; DROP TABLE papers":1,"authors":',
    )
    const b = tempDir()
    const { api } = openCore(b)
    await api.importLibrary({ text, sourceName: 'odd.json' })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(snapshotLibrary(b)['papers']).toEqual(snapshotLibrary(a)['papers'])
  })
})
