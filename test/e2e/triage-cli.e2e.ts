import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../helpers/fixture-http-server'
import { awesomeRoutes, hfWeek, hfWeekRoutes } from '../helpers/hf-week'
import { papershelf } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

type Row = { id: number; arxivId: string; tags: string[]; note?: string | null }

// Each run starts the built command afresh (a second or more on a busy machine).
describe(
  'the built papershelf command: inbox, keep/dismiss/delete, trash, rules',
  { timeout: 300_000 },
  () => {
    const serve = useFixtureServer()
    const tempDir = useTempDir()

    it('triages a synced week; a re-sync and another source bring back nothing dismissed or deleted', async () => {
      const week = hfWeek()
      let upvotes = 1
      const server = await serve({ ...hfWeekRoutes(week, () => upvotes), ...awesomeRoutes(week) })
      const library = tempDir()
      const env = {
        PAPERSHELF_HF_URL: server.url,
        PAPERSHELF_GITHUB_RAW_URL: server.url,
        PAPERSHELF_GITHUB_URL: `${server.url}/gh`,
      }
      const run = async (...args: string[]) => {
        const result = await papershelf([...args, '--library', library], env)
        return result
      }
      const json = async <T>(...args: string[]): Promise<T> => {
        const result = await run(...args, '--json')
        expect(result.code, result.stderr).toBe(0)
        return JSON.parse(result.stdout) as T
      }

      expect(
        (await run('sources', 'add', 'hf-daily', '--from', '2026-05-18', '--to', '2026-05-24'))
          .code,
      ).toBe(0)
      expect((await run('sync', '1')).stdout).toMatch(/28 added/)
      const inbox = await json<Row[]>('inbox')
      expect(inbox).toHaveLength(week.length)
      expect((await json<Row[]>('list')).length).toBe(week.length)

      const [a, b, c] = week.map((paper) => paper.arxivId)
      if (!a || !b || !c) throw new Error('the week has papers')
      expect((await run('keep', a)).stdout).toMatch(/Kept: 1 paper/)
      expect((await run('tag', a, 'keeper')).code).toBe(0)
      expect((await run('dismiss', b)).stdout).toMatch(/Dismissed: 1 paper/)
      expect((await run('note', c, 'compare with Dream')).code).toBe(0)
      expect((await run('tag', c, 'to-read')).code).toBe(0)
      expect((await run('delete', c)).stdout).toMatch(/Moved to the trash: 1 paper/)

      const added = await run('rules', 'add', '1', 'robot', '--dismiss')
      expect(added.stdout).toMatch(/It would match 7 papers/)
      expect((await run('rules', 'list')).stdout).toMatch(/'robot' → dismiss/)
      const usage = await run('rules', 'add', '1', 'robot', '--keep', '--star')
      expect(usage.code).toBe(2)

      upvotes = 9
      expect((await run('sync', '1')).stdout).toMatch(/0 added/)
      expect((await run('sync', 'awesome', `${server.url}/gh/owner/awesome-week`)).stdout).toMatch(
        /0 added/,
      )
      const after = await json<Row[]>('inbox')
      expect(after.map((row) => row.arxivId).sort()).toEqual(
        week
          .slice(3)
          .map((p) => p.arxivId)
          .sort(),
      )
      const listed = (await json<Row[]>('list')).map((row) => row.arxivId)
      expect(listed).toContain(a)
      expect(listed).not.toContain(b)
      expect(listed).not.toContain(c)
      expect(
        (await json<Row[]>('list', '--include-dismissed')).map((row) => row.arxivId),
      ).toContain(b)
      expect((await json<Row[]>('search', 'tag:keeper')).map((row) => row.arxivId)).toEqual([a])
      expect((await json<Row & { tags: string[] }>('show', a)).tags).toEqual(['keeper'])
      expect((await run('show', b)).stdout).toMatch(/Triage: +dismissed/)

      expect((await json<Row[]>('trash')).map((row) => row.arxivId)).toEqual([c])
      expect((await run('undelete', c)).stdout).toMatch(/Restored: 1 paper/)
      expect(await json<Row>('show', c)).toMatchObject({
        note: 'compare with Dream',
        tags: ['to-read'],
      })
      expect((await run('delete', c)).code).toBe(0)
      expect((await run('trash', '--empty')).stdout).toMatch(/Emptied the trash: 1 paper/)
      expect(await json<Row[]>('trash')).toEqual([])
      expect((await run('sync', '1')).stdout).toMatch(/0 added/)
      expect((await run('show', c)).stdout).toMatch(/Triage: +purged/)

      expect((await run('keep', '--all-in-inbox', '--source', '1')).stdout).toMatch(
        /Kept: 25 papers/,
      )
      expect((await run('inbox')).stdout).toMatch(/The inbox is empty/)
      expect((await run('keep')).code).toBe(2)
    })
  },
)
