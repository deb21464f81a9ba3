import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppEvents } from '@shared/api/events'
import { readFixture } from '../../../../test/helpers/fixtures'
import { snapshotLibrary } from '../../../../test/helpers/db-snapshot'
import { arxivIdList } from '../../../../test/helpers/library-builders'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW, useTestCore } from '../../../../test/helpers/test-core'
import { DATABASE_FILE } from '../create-core'
import { openDatabase } from '../db/open-database'
import { createEventHub } from '../event-hub'
import { createParseThread } from '../parse/parse-thread'
import { importFile } from './import-file'
import { parseBibtex } from '../sources/bibtex'
import { parseHfPageCopy } from '../sources/hf-page-copy'
import { parseImportText } from './parse-import'
import { thrownAppError } from '../../../../test/helpers/expect-helpers'
import { openRecordChunks, type StreamedFormat } from './record-chunks'

/** A BibTeX file of `count` entries whose titles use a macro defined at its top, and one refused. */
function bibtexFile(count: number): string {
  const entries = Array.from(
    { length: count },
    (_, i) => `@article{key${i},
  title = series # { number ${i}},
  author = {Writer${i}, Ada and M{\\"u}ller, J{\\"o}rg},
  eprint = {${arxivIdList(1, i)}}, archiveprefix = {arXiv},
}
`,
  )
  return `@string{series = {Papers {\\"u}ber streams}}\n\n${entries.join('\n')}\n@misc{empty, year = 2020}\n@comment{jabref-meta: databaseType:bibtex;}\n`
}

function chunksOf(path: string, format: StreamedFormat, size: number) {
  const reader = openRecordChunks(path, format, { chunkChars: size, readBytes: 256 })
  const chunks = []
  try {
    for (let chunk = reader.next(); chunk; chunk = reader.next()) chunks.push(chunk)
  } finally {
    reader.close()
  }
  return chunks
}

describe('import/import-file', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('streams a BibTeX file in chunks with the same papers, lines and macros as one read', async () => {
    const dir = tempDir()
    const path = join(dir, 'refs.bib')
    writeFileSync(path, bibtexFile(60))
    const chunks = chunksOf(path, 'bibtex', 2_000)
    expect(chunks.length).toBeGreaterThan(3)
    for (const chunk of chunks.slice(1)) expect(chunk.text).toMatch(/^@string\{series = /)

    const { api } = openCore(dir)
    const db = openDatabase(join(dir, DATABASE_FILE))
    const parse = createParseThread()
    const context = { sourceName: path, tags: [], now: () => TEST_NOW, events: createEventHub() }
    try {
      const streamed = await importFile(
        { db, parse, streams: parse, sizes: { chunkChars: 2_000 } },
        path,
        'auto',
        context,
      )
      expect(streamed).toMatchObject({ format: 'bibtex', added: 60 })
      const read = parseBibtex(bibtexFile(60), { sourceUrl: path })
      expect(streamed.refused).toEqual(read.skipped)
      expect(streamed.refused[0]?.line).toBe(
        bibtexFile(60).split('\n').indexOf('@misc{empty, year = 2020}') + 1,
      )
    } finally {
      await parse.close()
      db.close()
    }
    expect((await api.findPaper({ ref: arxivIdList(1, 59) }))?.title).toBe(
      'Papers über streams number 59',
    )
    const [hit] = await api.search({ query: 'Writer42', limit: 1 })
    expect(hit?.title).toBe('Papers über streams number 42')
  })

  it('keeps the line of every record across chunk boundaries (ids, RIS, CSL-JSON)', () => {
    const dir = tempDir()
    const ids = join(dir, 'ids.txt')
    writeFileSync(ids, `${arxivIdList(500)}\n`)
    const idChunks = chunksOf(ids, 'ids', 1_000)
    expect(idChunks.length).toBeGreaterThan(4)
    expect(idChunks.map((c) => c.text).join('')).toBe(`${arxivIdList(500)}\n`)
    expect(idChunks[1]?.lineOffset).toBe((idChunks[0]?.text.match(/\n/g) ?? []).length)

    const csl = join(dir, 'refs.json')
    const items = Array.from({ length: 50 }, (_, i) => ({
      id: `i${i}`,
      type: 'article',
      title: `Item ${i}, "quoted" [x] {y}`,
    }))
    writeFileSync(csl, JSON.stringify(items, null, 1))
    const cslChunks = chunksOf(csl, 'csl-json', 500)
    expect(cslChunks.length).toBeGreaterThan(3)
    const parsed = cslChunks.flatMap((c) => JSON.parse(c.text) as unknown[])
    expect(parsed).toEqual(items)

    const ris = join(dir, 'refs.ris')
    const record = readFixture('zotero/zotero-translators_RIS-testcase-scopus-crlf.ris').replace(
      /\r\n/g,
      '\n',
    )
    writeFileSync(ris, Array.from({ length: 20 }, () => record).join('\n'))
    const risChunks = chunksOf(ris, 'ris', 3_000)
    expect(risChunks.length).toBeGreaterThan(2)
    for (const chunk of risChunks) expect(chunk.text.trimEnd()).toMatch(/ER {2}-[^\n]*$/)
  })

  it('streams a copied Hugging Face page in parts that read as the whole page', async () => {
    const dir = tempDir()
    const path = join(dir, 'page.txt')
    // Dates without a year resolve against the page's date (Dec 17), never against today.
    const entries = Array.from({ length: 40 }, (_, i) => {
      const title = `Streaming entry ${i}: long pages in parts`
      const abstract = `Entry ${i} studies how a copied page is read. `.repeat(8).trim()
      return i % 7 === 3
        ? `${title}\n\n${abstract}\n\nnvidia NVIDIA · Nov ${1 + (i % 28)} ${i}\n`
        : `${title}\n\n${abstract}\n\n  • ${1 + (i % 9)} authors\n·\nDec ${1 + (i % 28)}\n`
    })
    const cut = 'An entry cut short\n\nIts abstract, and no date line.\n'
    const page = `Daily Papers\n\nDec 17\n\n${entries.join('\n')}\n${cut}`
    writeFileSync(path, page)
    const chunks = chunksOf(path, 'hf-page', 2_000)
    expect(chunks.length).toBeGreaterThan(5)
    const whole = parseHfPageCopy(page, { now: TEST_NOW })
    let rankOffset = 0
    const parts = chunks.map((chunk) => {
      const { lineOffset, continues } = chunk
      const { parsed } = parseImportText(
        chunk.text,
        'hf-page',
        { now: TEST_NOW, sourceName: path },
        { lineOffset, rankOffset, continues },
      )
      rankOffset += parsed.drafts.length
      return parsed
    })
    expect(parts.flatMap((p) => p.drafts)).toEqual(whole.drafts)
    expect(parts.flatMap((p) => p.skipped)).toEqual(whole.skipped)
    // the last part's entry: Nov 11 of the page's year (against today it would be 2026)
    expect(whole.drafts[38]?.publishedAt).toBe('2025-11-11')

    const { api } = openCore(dir)
    const db = openDatabase(join(dir, DATABASE_FILE))
    const parse = createParseThread()
    const context = { sourceName: path, tags: [], now: () => TEST_NOW, events: createEventHub() }
    try {
      const report = await importFile(
        { db, parse, streams: parse, sizes: { chunkChars: 2_000 } },
        path,
        'auto',
        context,
      )
      expect(report).toMatchObject({ format: 'hf-page', added: 40, refused: whole.skipped })
    } finally {
      await parse.close()
      db.close()
    }
    const [hit] = await api.search({ query: 'streaming entry 39', limit: 1 })
    expect(hit).toMatchObject({ title: 'Streaming entry 39: long pages in parts' })
  })

  it('writes whole batches across the parts of a streamed file', async () => {
    const dir = tempDir()
    const path = join(dir, 'ids.txt')
    writeFileSync(path, `${arxivIdList(40)}\n`)
    expect(chunksOf(path, 'ids', 100).length).toBeGreaterThan(3)
    const db = openDatabase(join(dir, DATABASE_FILE))
    const parse = createParseThread()
    const events = createEventHub()
    const batches: number[] = []
    events.subscribe((e) => {
      if (e.type === 'import.progress') batches.push(e.payload.done)
    })
    const tuning = { targetMs: 10_000, firstBatch: 7, maxBatch: 7 }
    const context = { sourceName: path, tags: [], now: () => TEST_NOW, events, tuning }
    try {
      const report = await importFile(
        { db, parse, streams: parse, sizes: { chunkChars: 100, readBytes: 64 } },
        path,
        'ids',
        context,
      )
      expect(report).toMatchObject({ added: 40 })
    } finally {
      await parse.close()
      db.close()
    }
    // 40 papers in batches of 7, wherever the parts end
    expect(batches).toHaveLength(6)
  })

  it('imports a file through the API with progress in bytes', async () => {
    const dir = tempDir()
    const path = join(dir, 'ids.txt')
    writeFileSync(path, `${arxivIdList(3_000)}\n`)
    const { core, api } = openCore(dir)
    const progress: Array<AppEvents['import.progress']> = []
    core.events.subscribe((e) => {
      if (e.type === 'import.progress') progress.push(e.payload)
    })
    const report = await api.importFile({ path, format: 'auto', tags: [] })
    expect(report).toMatchObject({ format: 'ids', added: 3_000, sourceName: path })
    expect(progress.at(-1)).toEqual({ source: path, done: 33_000, total: 33_000 })
  }, 60_000)

  // Issue 12: one long field cost quadratic time (1 MB: minutes; 5 MB: out of memory). Read by
  // the linear readers in the parse thread, a 5 MB abstract takes seconds; the timeout catches
  // a return of the quadratic path.
  it('imports a BibTeX file whose abstract is 5 MB, TeX decoded, through the API', async () => {
    const dir = tempDir()
    const path = join(dir, 'long.bib')
    const line = 'We measure the {\\"o}scillation of $\\alpha$ across many runs, again and again.\n'
    const abstract = line.repeat(Math.ceil((5 * 2 ** 20) / line.length))
    writeFileSync(
      path,
      `@article{long, title = {A Long Abstract}, eprint = {2401.00001},\n  abstract = {${abstract}}}\n`,
    )
    const { api } = openCore(dir)
    const report = await api.importFile({ path, format: 'auto', tags: [] })
    expect(report).toMatchObject({ format: 'bibtex', added: 1 })
    const paper = await api.getPaper({ id: report.paperIds[0]! })
    expect(paper.abstract?.length).toBeGreaterThan(4_000_000)
    expect(paper.abstract?.startsWith('We measure the öscillation of α across many runs')).toBe(
      true,
    )
  }, 120_000)

  it('undoes the chunks already written when a later chunk is malformed, naming its line', async () => {
    const dir = tempDir()
    const path = join(dir, 'ids.txt')
    writeFileSync(path, `${arxivIdList(2_000)}\nnot an identifier\n`)
    const { api } = openCore(dir)
    await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'one.txt' })
    const before = snapshotLibrary(dir)
    const db = openDatabase(join(dir, DATABASE_FILE))
    const parse = createParseThread()
    const events = createEventHub()
    const written: number[] = []
    events.subscribe((e) => {
      if (e.type === 'import.progress') written.push(e.payload.done)
    })
    try {
      const context = { sourceName: path, tags: ['x'], now: () => TEST_NOW, events }
      const failure = importFile(
        { db, parse, streams: parse, sizes: { chunkChars: 4_000, readBytes: 1_024 } },
        path,
        'ids',
        context,
      )
      const error = await thrownAppErrorAsync(() => failure)
      expect(error.message).toBe(
        `${path}, line 2001: not an arXiv id, arXiv or Hugging Face paper URL, or DOI: 'not an identifier'`,
      )
    } finally {
      await parse.close()
      db.close()
    }
    expect(written.length, 'batches written before the failure').toBeGreaterThan(1)
    expect(snapshotLibrary(dir)).toEqual(before)
  })

  it('changes nothing when a CSL-JSON file ends inside an item, and names its line', async () => {
    const dir = tempDir()
    const path = join(dir, 'cut.json')
    const items = Array.from({ length: 600 }, (_, i) => ({
      id: `i${i}`,
      type: 'article',
      title: `Cut short ${i}, {"x": [1]}`,
      DOI: `10.5555/cut.${i}`,
    }))
    const text = JSON.stringify(items, null, 1)
    const cut = text.slice(0, text.indexOf('"i599"') + 3)
    writeFileSync(path, cut)
    const { api } = openCore(dir)
    await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'one.txt' })
    const before = snapshotLibrary(dir)
    const db = openDatabase(join(dir, DATABASE_FILE))
    const parse = createParseThread()
    const events = createEventHub()
    const written: number[] = []
    events.subscribe((e) => {
      if (e.type === 'import.progress') written.push(e.payload.done)
    })
    try {
      const context = { sourceName: path, tags: [], now: () => TEST_NOW, events }
      const sizes = { chunkChars: 8_000, readBytes: 4_096 }
      const failure = importFile({ db, parse, streams: parse, sizes }, path, 'auto', context)
      const error = await thrownAppErrorAsync(() => failure)
      expect(error.message).toBe(
        `${path}, line ${cut.split('\n').length - 1}: the file ends inside the item that starts here; it looks cut short`,
      )
    } finally {
      await parse.close()
      db.close()
    }
    expect(written.length, 'batches written before the failure').toBeGreaterThan(1)
    expect(snapshotLibrary(dir)).toEqual(before)
  })

  it('stops a streamed file that outgrows the thread’s heap cap, as too-large, changing nothing', async () => {
    const dir = tempDir()
    const path = join(dir, 'huge-item.json')
    const item = (i: number, title: string) =>
      JSON.stringify({ id: `i${i}`, type: 'article', title, DOI: `10.5555/heap.${i}` })
    // after 200 plain items, one holding two million small objects: 14 MB of text, far more parsed
    const items = Array.from({ length: 200 }, (_, i) => item(i, `Plain ${i}`))
    const objects = Array.from({ length: 2_000_000 }, () => '{"a":1}').join(',')
    const huge = `{"id":"huge","type":"article","title":"Huge","note-data":[${objects}]}`
    writeFileSync(path, `[${items.join(',\n')},\n${huge}]`)
    const { api } = openCore(dir)
    const before = snapshotLibrary(dir)
    const db = openDatabase(join(dir, DATABASE_FILE))
    const parse = createParseThread()
    const streams = createParseThread({
      limits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    })
    try {
      const context = { sourceName: path, tags: [], now: () => TEST_NOW, events: createEventHub() }
      const sizes = { chunkChars: 4_000 }
      const error = await thrownAppErrorAsync(() =>
        importFile({ db, parse, streams, sizes }, path, 'csl-json', context),
      )
      expect(error.code).toBe('too-large')
      expect(error.message).toMatch(/needs more memory than the parse thread may use \(64 MB\)/)
    } finally {
      await Promise.all([parse.close(), streams.close()])
      db.close()
    }
    expect(snapshotLibrary(dir)).toEqual(before)
    expect((await api.libraryInfo({})).paperCount).toBe(0)
  }, 120_000)

  it('refuses a file that is not UTF-8 and a missing one, by name', async () => {
    const dir = tempDir()
    const path = join(dir, 'bad.txt')
    writeFileSync(
      path,
      Buffer.concat([Buffer.from('2401.00001\n'), Buffer.from([0xff, 0xfe, 0x00])]),
    )
    const { api } = openCore(dir)
    expect(
      (await thrownAppErrorAsync(() => api.importFile({ path, format: 'ids', tags: [] }))).message,
    ).toMatch(/not valid UTF-8/)
    expect(
      (await thrownAppErrorAsync(() => api.importFile({ path: join(dir, 'nope'), tags: [] })))
        .message,
    ).toMatch(/nope: no such file/)
  })
})

async function thrownAppErrorAsync(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    return thrownAppError(() => {
      throw error
    })
  }
  throw new Error('expected the call to fail')
}
