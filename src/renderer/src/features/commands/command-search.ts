import Fuse from 'fuse.js'

/** A command as the palette lists it. */
export type PaletteCommand = { id: string; title: string; keys: ReadonlyArray<string> }

/** The commands matching what was typed, best first (all of them, in order, for an empty query). */
export function searchCommands<T extends PaletteCommand>(
  commands: ReadonlyArray<T>,
  query: string,
): T[] {
  const text = query.trim()
  if (text === '') return [...commands]
  const fuse = new Fuse(commands, { keys: ['title'], threshold: 0.4, ignoreLocation: true })
  return fuse.search(text).map((result) => result.item)
}
