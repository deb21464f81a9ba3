import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readTopicsCorpus } from '../helpers/arxiv-corpus'
import { useTempDir } from '../helpers/temp-dir'

const bin = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))

function papershelf(args: string[], library: string) {
  const result = spawnSync(process.execPath, [bin, ...args, '--library', library], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const FIELD: Record<string, string> = {
  'cs.CV': 'vision',
  'cs.CL': 'language',
  'math.RT': 'representation theory',
  'astro-ph.GA': 'galaxies',
  'cs.IT': 'information theory',
  'cs.GT': 'game theory',
}
const corpus = readTopicsCorpus().filter((_, i) => i % 2 === 0)
/** Every fourth paper comes without a keyword: the model suggests its tag. */
const withKeyword = (i: number) => i % 4 !== 0

type Suggested = Array<{
  id: number
  arxivId: string
  title: string
  suggestions: Array<{ tag: string; score: number; reason: string[] }>
}>

describe('learned topics from the built papershelf command', { timeout: 300_000 }, () => {
  const tempDir = useTempDir()

  it('brings keywords along as tags, suggests, relates and orders For you', () => {
    const library = tempDir()
    const file = join(tempDir(), 'zotero.json')
    writeFileSync(
      file,
      JSON.stringify(
        corpus.map((paper, i) => ({
          id: paper.arxivId,
          type: 'article',
          title: paper.title,
          abstract: paper.abstract,
          URL: `https://arxiv.org/abs/${paper.arxivId}`,
          author: paper.authors.map((name) => ({ literal: name })),
          ...(withKeyword(i) ? { keyword: FIELD[paper.categories[0] ?? ''] } : {}),
        })),
      ),
    )
    const imported = papershelf(['import', file, '--keywords-as-tags', '--json'], library)
    expect(imported.stderr).toBe('')
    const tags = JSON.parse(papershelf(['tags', '--json'], library).stdout) as Array<{
      name: string
      paperCount: number
    }>
    expect(tags.map((t) => t.name).sort()).toEqual(Object.values(FIELD).sort())
    expect(tags.reduce((sum, t) => sum + t.paperCount, 0)).toBe(
      corpus.filter((_, i) => withKeyword(i)).length,
    )

    const suggested = papershelf(['suggest', '--untagged', '--limit', '2', '--json'], library)
    expect(suggested.code).toBe(0)
    const papers = JSON.parse(suggested.stdout) as Suggested
    expect(papers).toHaveLength(corpus.filter((_, i) => !withKeyword(i)).length)
    const fieldOf = new Map(corpus.map((p) => [p.arxivId, FIELD[p.categories[0] ?? '']]))
    const right = papers.filter((p) => p.suggestions[0]?.tag === fieldOf.get(p.arxivId)).length
    expect(right / papers.length).toBeGreaterThan(0.8)
    expect(Object.keys(papers[0] ?? {}).sort()).toEqual(['arxivId', 'id', 'suggestions', 'title'])
    expect(Object.keys(papers[0]?.suggestions[0] ?? {}).sort()).toEqual(['reason', 'score', 'tag'])

    const one = papershelf(['suggest', corpus[0]?.arxivId ?? ''], library)
    expect(one.stdout).toMatch(
      new RegExp(`${FIELD[corpus[0]?.categories[0] ?? '']}\\s+\\d+%\\s+\\(`),
    )

    // --inbox is the triage inbox; the old "unread, untagged" reading is --unread-untagged
    const arrivals = readTopicsCorpus()
      .filter((_, i) => i % 2 === 1)
      .slice(0, 3)
    const inboxFile = join(tempDir(), 'arrivals.json')
    writeFileSync(
      inboxFile,
      JSON.stringify(
        arrivals.map((paper) => ({
          id: paper.arxivId,
          type: 'article',
          title: paper.title,
          abstract: paper.abstract,
          URL: `https://arxiv.org/abs/${paper.arxivId}`,
        })),
      ),
    )
    expect(papershelf(['import', inboxFile, '--inbox'], library).code).toBe(0)
    const scoped = (flag: string) => {
      const result = papershelf(['suggest', flag, '--limit', '1', '--json'], library)
      expect(result.stderr).toBe('')
      return (JSON.parse(result.stdout) as Suggested).map((p) => p.arxivId).sort()
    }
    const arrivalIds = arrivals.map((p) => p.arxivId).sort()
    expect(scoped('--inbox')).toEqual(arrivalIds)
    const untaggedIds = papers.map((p) => p.arxivId)
    expect(scoped('--unread-untagged')).toEqual([...untaggedIds, ...arrivalIds].sort())
    // a paper read leaves --unread-untagged, not --untagged; a dismissed one leaves every scope
    expect(papershelf(['status', untaggedIds[0] ?? '', 'read'], library).code).toBe(0)
    expect(papershelf(['dismiss', arrivalIds[0] ?? ''], library).code).toBe(0)
    expect(scoped('--inbox')).toEqual(arrivalIds.slice(1))
    expect(scoped('--unread-untagged')).toEqual(
      [...untaggedIds.slice(1), ...arrivalIds.slice(1)].sort(),
    )
    expect(scoped('--untagged')).toEqual([...untaggedIds, ...arrivalIds.slice(1)].sort())

    const related = JSON.parse(
      papershelf(['related', corpus[1]?.arxivId ?? '', '--limit', '5', '--json'], library).stdout,
    ) as Array<{ arxivId: string; sharedTopics: string[] }>
    expect(related).toHaveLength(5)
    expect(
      related.filter((r) => fieldOf.get(r.arxivId) === fieldOf.get(corpus[1]?.arxivId ?? ''))
        .length,
    ).toBeGreaterThanOrEqual(3)
    expect(related[0]?.sharedTopics.length).toBeGreaterThan(0)

    const preview = papershelf(['auto-tag', 'galaxies'], library)
    expect(preview.stdout).toMatch(/galaxies: auto-tagging off/)
    expect(preview.stdout).toMatch(/at +90%: (\d+ of \d+ suggestions were right|no suggestions)/)
    expect(papershelf(['auto-tag', 'galaxies', '--threshold', '0.6'], library).stdout).toMatch(
      /applies itself at 60%/,
    )
    const after = JSON.parse(
      papershelf(['list', '--tag', 'galaxies', '--limit', '500', '--json'], library).stdout,
    ) as unknown[]
    expect(after.length).toBeGreaterThan(tags.find((t) => t.name === 'galaxies')?.paperCount ?? 0)
  })

  it('orders For you by the papers starred, with "Not interested" last', () => {
    const library = tempDir()
    const file = join(tempDir(), 'papers.json')
    writeFileSync(
      file,
      JSON.stringify(
        corpus.map((paper) => ({
          id: paper.arxivId,
          type: 'article',
          title: paper.title,
          abstract: paper.abstract,
          URL: `https://arxiv.org/abs/${paper.arxivId}`,
        })),
      ),
    )
    expect(papershelf(['import', file], library).code).toBe(0)
    const fieldOf = new Map(corpus.map((p) => [p.arxivId, FIELD[p.categories[0] ?? '']]))
    const galaxies = corpus.filter((p) => p.categories[0] === 'astro-ph.GA').slice(0, 5)
    for (const paper of galaxies) expect(papershelf(['star', paper.arxivId], library).code).toBe(0)
    const dismissed =
      corpus.find((p, i) => p.categories[0] === 'astro-ph.GA' && i > 40)?.arxivId ?? ''
    expect(papershelf(['not-interested', dismissed], library).stdout).toMatch(
      /1 paper marked not interested/,
    )
    const listed = JSON.parse(
      papershelf(['list', '--sort', 'for-you', '--limit', '500', '--json'], library).stdout,
    ) as Array<{ arxivId: string }>
    expect(
      listed.slice(0, 10).filter((p) => fieldOf.get(p.arxivId) === 'galaxies').length,
    ).toBeGreaterThanOrEqual(8)
    expect(listed.at(-1)?.arxivId).toBe(dismissed)
  })

  it('says what is wrong with bad arguments, on stderr with a non-zero exit', () => {
    const library = tempDir()
    const none = papershelf(['suggest'], library)
    expect(none.code).not.toBe(0)
    expect(none.stderr).toMatch(
      /name papers, or give one of --inbox, --untagged or --unread-untagged/,
    )
    const both = papershelf(['suggest', '--inbox', '--unread-untagged'], library)
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/give one of --inbox/)
    const help = papershelf(['--help'], library)
    expect(help.stdout).toMatch(/suggest \[<paper>\.\.\.\|--inbox\|--untagged\|--unread-untagged\]/)
    const threshold = papershelf(['auto-tag', 'x', '--threshold', '1.5'], library)
    expect(threshold.code).not.toBe(0)
    expect(threshold.stderr).toMatch(/--threshold takes a confidence/)
    const missing = papershelf(['related', '2401.99999'], library)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/No paper matches/)
  })
})
