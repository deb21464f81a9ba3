import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/errors'
import { fixturePath } from '../../../../test/helpers/fixtures'
import type { ParseArgs } from './parse-jobs'
import { createParseThread, type ParseThread } from './parse-thread'

const bib = readFileSync(fixturePath('zotero/stock-zotero-bibtex_ethankim00-blog.bib'), 'utf8')
const daily = readFileSync(fixturePath('hf-daily-papers/daily_papers_2026-05-18_first3.json'))

const importOf = (text: string, sourceName = 'refs.bib'): ParseArgs<'import'> => ({
  text,
  format: 'auto',
  sourceName,
  now: new Date().toISOString(),
})

describe('parse/parse-thread', () => {
  const threads: ParseThread[] = []
  const open = (options?: { inlineBelow?: number }) => {
    const thread = createParseThread(options)
    threads.push(thread)
    return thread
  }
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((thread) => thread.close()))
  })

  it('parses a big file in its own thread: the calling thread keeps running meanwhile', async () => {
    const thread = open({ inlineBelow: 0 })
    // Warm the thread up, so the measured parse is parsing only.
    const single = await thread.run('import', importOf(bib), 'refs.bib')
    // big enough that the parse lasts many timer ticks, even on a busy machine
    const big = Array.from({ length: 40 }, () => bib).join('\n')
    const started = performance.now()
    const parsing = thread.run('import', importOf(big, 'big.bib'), 'big.bib')
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
    const entries = (list: typeof parsed) => list.drafts.length + list.skipped.length
    expect(entries(parsed)).toBe(40 * entries(single.parsed))
    // Inline, the timer could not fire until the whole parse was over.
    expect(gaps.length).toBeGreaterThan(3)
    expect(Math.max(...gaps)).toBeLessThan(parseMs / 2)
  })

  it('gives the same result in the thread as inline, for files and fetched pages', async () => {
    const inline = open()
    const threaded = open({ inlineBelow: 0 })
    const file = importOf(bib)
    expect(await threaded.run('import', file, 'refs.bib')).toEqual(
      await inline.run('import', file, 'refs.bib'),
    )
    const page = { body: daily, url: 'http://127.0.0.1/api/daily_papers?p=0', rankOffset: 100 }
    const fromThread = await threaded.run('hf-daily', page, page.url)
    expect(fromThread).toEqual(await inline.run('hf-daily', page, page.url))
    expect(fromThread.drafts.map((d) => d.provenance.rank)).toEqual([101, 102, 103])
  })

  it('brings parse errors back as the AppError the parser threw, naming the file and line', async () => {
    const thread = open({ inlineBelow: 0 })
    const broken = '@article{ok, title = {Fine}}\n\n@article{bad, title = {Unclosed\n'
    const failure = await thread.run('import', importOf(broken), 'refs.bib').then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'parse-error' })
    expect((failure as AppError).message).toMatch(/^refs\.bib, line 3: /)

    const url = 'http://127.0.0.1/feed.xml'
    const notText = await thread
      .run('feed', { body: new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]), url }, url)
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(notText).toMatchObject({ code: 'parse-error' })
    expect((notText as AppError).message).toBe(`${url}: the response is not valid UTF-8 text`)
  })
})
