/** The author whose name holds the most query words, and how many of them. */
export type AuthorMatch = { name: string; words: number }

/**
 * Which one author the query words found in `authors` (names joined with `, `, as scoring reads
 * them) belong to: `hits[i]` are the offsets where word `i` matched. A full name ("kenji tanaka")
 * counts two words for one author only when both are in that author's name, not spread over two.
 */
export function bestAuthorMatch(
  authors: string,
  hits: ReadonlyArray<ReadonlyArray<number>>,
): AuthorMatch | null {
  let best: AuthorMatch | null = null
  let start = 0
  for (const name of authors.split(', ')) {
    const end = start + name.length
    const words = hits.filter((offsets) => offsets.some((at) => at >= start && at < end)).length
    if (words > 0 && (best === null || words > best.words)) best = { name, words }
    start = end + 2
  }
  return best
}
