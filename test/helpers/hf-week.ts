import type { IncomingMessage } from 'node:http'
import type { FixtureRoutes } from './fixture-http-server'
import { readFixture } from './fixtures'

/** One generated Hugging Face daily paper: its arXiv id, title and day. */
export type WeekPaper = { arxivId: string; title: string; date: string }

const TOPICS = [
  'Diffusion language models',
  'Speculative decoding',
  'Vision agents',
  'Robot policies',
]

/**
 * A week of Hugging Face daily papers (2026-05-18 to 2026-05-24), `perDay` a day, shaped like the
 * recorded answer; every fourth paper is about diffusion (for arrival rules).
 */
export function hfWeek(perDay = 4): WeekPaper[] {
  const papers: WeekPaper[] = []
  for (let day = 0; day < 7; day += 1) {
    const date = `2026-05-${String(18 + day)}`
    for (let i = 0; i < perDay; i += 1) {
      const n = day * perDay + i
      papers.push({
        arxivId: `2605.${String(30000 + n)}`,
        title: `${TOPICS[n % TOPICS.length] ?? ''} at scale, part ${n}`,
        date,
      })
    }
  }
  return papers
}

/**
 * The Hugging Face stand-in's routes for a week: `/api/daily_papers?date=D&p=0` answers the day's
 * papers. `upvotes()` is read on every request, so a later sync can see changed counts (a body
 * that differs from the last one is written again).
 */
export function hfWeekRoutes(
  papers: ReadonlyArray<WeekPaper>,
  upvotes: () => number,
): FixtureRoutes {
  const [template] = JSON.parse(
    readFixture('hf-daily-papers/daily_papers_2026-05-18_first3.json'),
  ) as Array<{ paper: Record<string, unknown> }>
  return {
    'GET /api/daily_papers': (req: IncomingMessage) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams
      const day =
        query.get('p') === '0' ? papers.filter((paper) => paper.date === query.get('date')) : []
      const items = day.map((paper) => ({
        ...template,
        paper: {
          ...template?.paper,
          id: paper.arxivId,
          title: paper.title,
          summary: `${paper.title}: what it finds.`,
          upvotes: upvotes(),
          submittedOnDailyAt: `${paper.date}T00:00:00.000Z`,
        },
        title: paper.title,
      }))
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(items) }
    },
  }
}

/** An awesome list (`/owner/repo/HEAD/README.md` on the raw host) linking the given papers. */
export function awesomeRoutes(papers: ReadonlyArray<WeekPaper>): FixtureRoutes {
  const lines = papers.map((paper) => `- [${paper.title}](https://arxiv.org/abs/${paper.arxivId})`)
  return {
    'GET /owner/awesome-week/HEAD/README.md': {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: `# Awesome week\n\n## Papers\n\n${lines.join('\n')}\n`,
    },
  }
}
