/** Rows fetched per request while scrolling. */
export const PAGE_SIZE = 100

/** Pages kept in memory; farther ones are dropped so a long scroll keeps a small heap. */
export const MAX_CACHED_PAGES = 30

/** The pages that hold rows `start..end` (inclusive), with one page of margin either side. */
export function pagesFor(
  start: number,
  end: number,
  total: number,
  pageSize = PAGE_SIZE,
): number[] {
  if (total <= 0 || end < start) return []
  const last = Math.floor((total - 1) / pageSize)
  const first = Math.max(0, Math.floor(start / pageSize) - 1)
  const stop = Math.min(last, Math.floor(end / pageSize) + 1)
  const pages: number[] = []
  for (let page = first; page <= stop; page += 1) pages.push(page)
  return pages
}

/** Cached pages to drop: the farthest from the pages in view, beyond `keep`. */
export function pagesToEvict(
  cached: Iterable<number>,
  inView: ReadonlyArray<number>,
  keep = MAX_CACHED_PAGES,
): number[] {
  const all = [...cached]
  if (all.length <= keep) return []
  const centre = inView.length > 0 ? ((inView[0] ?? 0) + (inView.at(-1) ?? 0)) / 2 : 0
  return all
    .filter((page) => !inView.includes(page))
    .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    .slice(0, all.length - keep)
}
