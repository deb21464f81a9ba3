import Fuse from 'fuse.js'

/** A command as the palette lists it. */
export type PaletteCommand = { id: string; title: string; keys: ReadonlyArray<string> }

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean)

/** How many typed words start a word of the title ("sort pub" → both in "Sort by date published"). */
function prefixHits(title: string, typed: ReadonlyArray<string>): number {
  const titleWords = words(title)
  return typed.filter((word) => titleWords.some((t) => t.startsWith(word))).length
}

/**
 * The commands matching what was typed, best first (all of them, in order, for an empty query):
 * commands whose words start with more of the typed words come first, then fuse.js's typo-tolerant
 * score decides (so "sort pub" finds "Sort by date published" before "Sort by title").
 */
export function searchCommands<T extends PaletteCommand>(
  commands: ReadonlyArray<T>,
  query: string,
): T[] {
  const text = query.trim()
  if (text === '') return [...commands]
  const typed = words(text)
  const fuse = new Fuse(commands, { keys: ['title'], threshold: 0.4, ignoreLocation: true })
  const fuzzy = fuse.search(text).map((result, rank) => ({ item: result.item, rank }))
  const found = new Set(fuzzy.map((hit) => hit.item))
  // A command every typed word prefixes is a match even when fuse.js scores the whole text low.
  for (const item of commands) {
    if (!found.has(item) && prefixHits(item.title, typed) === typed.length) {
      fuzzy.push({ item, rank: fuzzy.length })
    }
  }
  return fuzzy
    .map((hit) => ({ ...hit, hits: prefixHits(hit.item.title, typed) }))
    .sort((a, b) => b.hits - a.hits || a.rank - b.rank)
    .map((hit) => hit.item)
}
