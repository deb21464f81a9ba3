import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/errors'
import { fixturePath } from '../../../../test/helpers/fixtures'
import { createImportParser, type ImportParser } from './import-parser'

const bib = readFileSync(fixturePath('zotero/stock-zotero-bibtex_ethankim00-blog.bib'), 'utf8')

describe('import/import-parser', () => {
  let parser: ImportParser | null = null
  afterEach(async () => {
    await parser?.close()
    parser = null
  })

  it('parses a big file in its own thread: the calling thread keeps running meanwhile', async () => {
    parser = createImportParser({ inlineBelowChars: 0 })
    // Warm the thread up, so the measured parse is parsing only.
    await parser.parse({
      text: '2401.00001',
      format: 'ids',
      sourceName: 'ids.txt',
      now: new Date(),
    })
    const big = Array.from({ length: 8 }, () => bib).join('\n')
    const started = performance.now()
    const parsing = parser.parse({
      text: big,
      format: 'auto',
      sourceName: 'big.bib',
      now: new Date(),
    })
    const gaps: number[] = []
    let last = performance.now()
    let done = false
    void parsing.finally(() => (done = true))
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      gaps.push(performance.now() - last)
      last = performance.now()
    }
    const { format, parsed } = await parsing
    const parseMs = performance.now() - started
    expect(format).toBe('bibtex')
    const single = await parser.parse({
      text: bib,
      format: 'bibtex',
      sourceName: 'a.bib',
      now: new Date(),
    })
    const entries = (list: typeof parsed) => list.drafts.length + list.skipped.length
    expect(entries(parsed)).toBe(8 * entries(single.parsed))
    // Inline, the timer could not fire until the whole parse was over.
    expect(gaps.length).toBeGreaterThan(3)
    expect(Math.max(...gaps)).toBeLessThan(parseMs / 2)
  })

  it('parses a small text at once, with the same result', async () => {
    parser = createImportParser()
    const request = { text: bib, format: 'bibtex' as const, sourceName: 'a.bib', now: new Date() }
    const inline = await parser.parse(request)
    const threaded = createImportParser({ inlineBelowChars: 0 })
    try {
      expect(await threaded.parse(request)).toEqual(inline)
    } finally {
      await threaded.close()
    }
    expect(inline.parsed.drafts.length).toBeGreaterThan(0)
  })

  it('brings parse errors back as the AppError the parser threw, naming the file and line', async () => {
    parser = createImportParser({ inlineBelowChars: 0 })
    const broken = '@article{ok, title = {Fine}}\n\n@article{bad, title = {Unclosed\n'
    const failure = await parser
      .parse({ text: broken, format: 'bibtex', sourceName: 'refs.bib', now: new Date() })
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'parse-error' })
    expect((failure as AppError).message).toMatch(/^refs\.bib, line 3: /)
  })
})
