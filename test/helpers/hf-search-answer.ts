import { readFixture } from './fixtures'

type SearchItem = { paper: { id: string; title: string }; title: string }
const [TEMPLATE, UNRELATED] = JSON.parse(
  readFixture('hf-paper-search/search_q-kazakh.json'),
) as SearchItem[]

/**
 * A Hugging Face paper-search answer in the recorded shape holding the given papers, and, with
 * `unrelated`, the recorded sample's second paper after them (a search also returns near misses).
 */
export function hfSearchAnswer(
  results: ReadonlyArray<{ id: string; title: string }>,
  options: { unrelated?: boolean } = {},
): string {
  const items = results.map(({ id, title }) => ({
    ...TEMPLATE!,
    title,
    paper: { ...TEMPLATE!.paper, id, title },
  }))
  return JSON.stringify(options.unrelated ? [...items, UNRELATED] : items)
}
