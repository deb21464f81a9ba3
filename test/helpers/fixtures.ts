import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FixtureRoutes } from './fixture-http-server'

/** Absolute path of a recorded sample in `test/fixtures`. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url))
}

/** The text of a shared fixture file. */
export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8')
}

/** The copied Hugging Face papers page: a header and 12 complete entries. */
export const HF_PAGE_COPY = 'hf-page-copy/papers-page-copy-excerpt.txt'

/**
 * The recorded Hugging Face daily page (3 papers) as a fixture-server route, answered after
 * `delayMs` when given (a sync that is still running).
 */
export function dailyPapersRoute(delayMs?: number): FixtureRoutes {
  return {
    'GET /api/daily_papers': {
      headers: { 'content-type': 'application/json' },
      body: readFixture('hf-daily-papers/daily_papers_2026-05-18_first3.json'),
      ...(delayMs === undefined ? {} : { delayMs }),
    },
  }
}
