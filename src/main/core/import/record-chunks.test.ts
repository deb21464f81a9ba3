import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { thrownAppError } from '../../../../test/helpers/expect-helpers'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { TEST_NOW } from '../../../../test/helpers/test-core'
import { closeImportStream, nextImportPart } from './import-stream'
import { parseImportText } from './parse-import'
import type { StreamedFormat } from './record-boundaries'
import { openRecordChunks, type ChunkSizes, type RecordChunk } from './record-chunks'

let lastStream = 1_000

/** Every part of a file as the streamed import reads it (the parse thread's own code, here). */
function streamedParts(path: string, format: StreamedFormat, sizes: ChunkSizes) {
  const stream = (lastStream += 1)
  const request = { stream, path, format, now: TEST_NOW.toISOString(), sizes }
  const parts = [nextImportPart({ ...request, first: true })]
  try {
    while (!parts.at(-1)!.done) parts.push(nextImportPart({ ...request, first: false }))
  } finally {
    closeImportStream(stream)
  }
  return {
    drafts: parts.flatMap((p) => p.parsed.drafts),
    skipped: parts.flatMap((p) => p.parsed.skipped),
    parts: parts.length,
  }
}

/** The file parsed in one piece. */
function wholeParse(text: string, path: string, format: StreamedFormat) {
  return parseImportText(text, format, { now: TEST_NOW, sourceName: path }).parsed
}

function chunksOf(path: string, format: StreamedFormat, sizes: ChunkSizes): RecordChunk[] {
  const reader = openRecordChunks(path, format, sizes)
  const chunks: RecordChunk[] = []
  try {
    for (let chunk = reader.next(); chunk; chunk = reader.next()) chunks.push(chunk)
  } finally {
    reader.close()
  }
  return chunks
}

/** CSL items whose titles hold everything that could be mistaken for structure. */
const TRICKY_TITLES = [
  'Brackets ] and [ in a title',
  'Braces } { and a comma, here',
  'An escaped quote " and ], {',
  'A backslash at the end \\',
  'JSON inside: {"a": [1, 2], "b": "}"}',
  'Über Ärger — 日本語の論文 🙂 naïve façade',
]

function cslItems(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    type: 'article-journal',
    title: `${TRICKY_TITLES[i % TRICKY_TITLES.length]!} ${i}`,
    author: [{ family: 'Øster', given: `Åsa ${i}` }],
    DOI: `10.5555/chunks.${i}`,
    issued: { 'date-parts': [[2020 + (i % 5), 1 + (i % 12)]] },
  }))
}

describe('import/record-chunks', () => {
  const tempDir = useTempDir()

  it('cuts a CSL-JSON array between elements, whatever its strings hold', () => {
    const path = join(tempDir(), 'refs.json')
    const items = cslItems(40)
    const text = JSON.stringify(items, null, 2)
    writeFileSync(path, text)
    const chunks = chunksOf(path, 'csl-json', { readBytes: 97, chunkChars: 600 })
    expect(chunks.length).toBeGreaterThan(8)
    expect(chunks.flatMap((c) => JSON.parse(c.text) as unknown[])).toEqual(items)

    const streamed = streamedParts(path, 'csl-json', { readBytes: 97, chunkChars: 600 })
    const whole = wholeParse(text, path, 'csl-json')
    expect(streamed.parts).toBe(chunks.length)
    // the same drafts, lines and ranks as one read of the whole file
    expect(streamed.drafts).toEqual(whole.drafts)
    expect(streamed.drafts[39]?.provenance).toMatchObject({ rank: 40 })
  })

  it('numbers CSL-JSON items and names their lines as the whole file does', () => {
    const path = join(tempDir(), 'numbered.json')
    const items: Array<Record<string, unknown>> = cslItems(40)
    items[12] = { id: 'no-title', type: 'article' }
    const text = JSON.stringify(items, null, 2)
    writeFileSync(path, text)
    const sizes = { readBytes: 128, chunkChars: 500 }
    const streamed = streamedParts(path, 'csl-json', sizes)
    expect(streamed.skipped).toEqual(wholeParse(text, path, 'csl-json').skipped)
    expect(streamed.skipped[0]?.entry).toBe('item 13 (no-title)')

    items[31] = { id: 'bad', type: 'article', title: 'Bad', author: 'Jane Doe' }
    const bad = JSON.stringify(items, null, 2)
    writeFileSync(path, bad)
    const error = thrownAppError(() => streamedParts(path, 'csl-json', sizes))
    const line = bad.slice(0, bad.indexOf('"bad"')).split('\n').length - 1
    expect(error.message).toMatch(
      new RegExp(`^${path}, line ${line}: CSL-JSON item 32 at 'author': `),
    )
  })

  it('keeps a character whole when a read ends inside its bytes', () => {
    const path = join(tempDir(), 'unicode.json')
    const text = JSON.stringify(cslItems(12))
    writeFileSync(path, text)
    // one byte a read: every multi-byte character is split between two reads
    const streamed = streamedParts(path, 'csl-json', { readBytes: 1, chunkChars: 300 })
    expect(streamed.parts).toBeGreaterThan(4)
    expect(streamed.drafts).toEqual(wholeParse(text, path, 'csl-json').drafts)
    expect(streamed.drafts[5]?.title).toBe('Über Ärger — 日本語の論文 🙂 naïve façade 5')
  })

  it('reads a CSL-JSON file of one item (no array) whole', () => {
    const path = join(tempDir(), 'one.json')
    const text = JSON.stringify(cslItems(1)[0])
    writeFileSync(path, text)
    const chunks = chunksOf(path, 'csl-json', { readBytes: 16, chunkChars: 32 })
    expect(chunks.map((c) => c.text)).toEqual([text])
  })

  it('cuts BibTeX between entries, never at an @ or a brace inside a field', () => {
    const path = join(tempDir(), 'refs.bib')
    const entry = (i: number) => `@article{key${i},
  title = {Entry {${i}} of {\\"U}ber {nested {braces}}},
  author = {M{\\"u}ller, J{\\"o}rg and Writer${i}, Ada},
  note = {Write to author${i}@example.org},
  abstract = {A first line.
@inproceedings{not-an-entry, title = {a line of the abstract}}
And {braces} inside stay {balanced}.},
  doi = {10.5555/bib.${i}},
}
`
    const text = `% exported for a test\n@string{jr = {Journal of Tests}}\n@preamble{"x"}\n\n${Array.from({ length: 25 }, (_, i) => entry(i)).join('\n')}\n@comment{jabref-meta: databaseType:bibtex;}\n`
    writeFileSync(path, text)
    const sizes = { readBytes: 61, chunkChars: 700 }
    const chunks = chunksOf(path, 'bibtex', sizes)
    expect(chunks.length).toBeGreaterThan(8)
    for (const chunk of chunks) expect(chunk.text).toMatch(/@article\{key\d+,/)
    expect(chunks.at(-1)?.text).toMatch(/@comment\{jabref-meta/)
    for (const chunk of chunks.slice(1)) expect(chunk.text).toMatch(/^@string\{jr = /)

    const streamed = streamedParts(path, 'bibtex', sizes)
    const whole = wholeParse(text, path, 'bibtex')
    expect(whole.drafts).toHaveLength(25)
    expect(streamed.drafts).toEqual(whole.drafts)
  })

  it('cuts RIS after a record’s ER line, with the lines of the whole file', () => {
    const path = join(tempDir(), 'refs.ris')
    const record = (i: number) =>
      `TY  - JOUR\nTI  - Record ${i}: Ångström über alles\nAU  - Writer${i}, Ada\nPY  - 2021\nDO  - 10.5555/ris.${i}\nER  - \n\n`
    const text = Array.from({ length: 30 }, (_, i) => record(i)).join('')
    writeFileSync(path, text)
    const streamed = streamedParts(path, 'ris', { readBytes: 33, chunkChars: 400 })
    expect(streamed.parts).toBeGreaterThan(5)
    expect(streamed.drafts).toEqual(wholeParse(text, path, 'ris').drafts)
    expect(streamed.drafts[29]?.provenance.line).toBe(29 * 7 + 1)
  })

  it('fails on a CSL-JSON file cut short, naming the line of the open item', () => {
    const path = join(tempDir(), 'cut.json')
    const text = JSON.stringify(cslItems(30), null, 1)
    const cut = text.slice(0, text.indexOf('"item-27"') + 5)
    writeFileSync(path, cut)
    const itemLine = cut.slice(0, cut.lastIndexOf('{')).split('\n').length
    const error = thrownAppError(() =>
      chunksOf(path, 'csl-json', { readBytes: 128, chunkChars: 500 }),
    )
    expect(error.message).toBe(
      `${path}, line ${itemLine}: the file ends inside the item that starts here; it looks cut short`,
    )
  })

  it('fails on a BibTeX file cut short, naming the line of the open entry', () => {
    const path = join(tempDir(), 'cut.bib')
    const entries = Array.from(
      { length: 10 },
      (_, i) => `@article{key${i},\n  title = {Entry ${i}},\n  doi = {10.5555/cut.${i}},\n}\n`,
    )
    writeFileSync(path, `${entries.join('\n')}\n@article{key10,\n  title = {Cut sh`)
    const error = thrownAppError(() => chunksOf(path, 'bibtex', { readBytes: 50, chunkChars: 120 }))
    expect(error.message).toBe(
      `${path}, line 51: the file ends inside the entry that starts here; it looks cut short`,
    )
  })

  it('refuses a record longer than the limit, naming its line', () => {
    const path = join(tempDir(), 'long.json')
    const items = cslItems(6)
    items[4]!.title = 'x'.repeat(5_000)
    const text = JSON.stringify(items, null, 1)
    writeFileSync(path, text)
    const itemLine = text.slice(0, text.indexOf('"item-4"')).split('\n').length - 1
    const error = thrownAppError(() =>
      chunksOf(path, 'csl-json', { readBytes: 256, chunkChars: 256, maxRecordChars: 2_048 }),
    )
    expect(error.message).toMatch(
      new RegExp(
        `^${path}, line ${itemLine}: an item longer than 2 KB starts here; no item is read past`,
      ),
    )
  })
})
