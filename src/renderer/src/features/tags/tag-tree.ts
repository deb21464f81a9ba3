import type { Tag } from '@shared/model/tag'

/** A tag in the sidebar tree; a level that is only a prefix (`llm` of `llm/decoding`) has no tag. */
export type TagNode = {
  /** The full name (`llm/decoding`). */
  path: string
  /** The last level (`decoding`). */
  label: string
  tag: Tag | null
  children: TagNode[]
}

/** Builds the `/`-separated hierarchy of tags, each level sorted by name. */
export function buildTagTree(tags: ReadonlyArray<Tag>): TagNode[] {
  const roots: TagNode[] = []
  const byPath = new Map<string, TagNode>()
  const nodeFor = (path: string): TagNode => {
    const found = byPath.get(path)
    if (found) return found
    const cut = path.lastIndexOf('/')
    const node: TagNode = {
      path,
      label: cut < 0 ? path : path.slice(cut + 1),
      tag: null,
      children: [],
    }
    byPath.set(path, node)
    if (cut < 0) roots.push(node)
    else nodeFor(path.slice(0, cut)).children.push(node)
    return node
  }
  for (const tag of tags) nodeFor(tag.name).tag = tag
  const sort = (nodes: TagNode[]): TagNode[] => {
    nodes.sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }))
    for (const node of nodes) sort(node.children)
    return nodes
  }
  return sort(roots)
}

/** Tag names that start with what was typed (then those containing it), for autocomplete. */
export function completeTag(
  tags: ReadonlyArray<Pick<Tag, 'name' | 'paperCount'>>,
  typed: string,
  exclude: ReadonlyArray<string>,
  limit = 8,
): string[] {
  const text = typed.trim().toLowerCase()
  const taken = new Set(exclude.map((name) => name.toLowerCase()))
  const open = tags.filter((tag) => !taken.has(tag.name.toLowerCase()))
  const rank = (name: string): number => {
    const lower = name.toLowerCase()
    if (lower.startsWith(text)) return 0
    if (lower.split('/').some((part) => part.startsWith(text))) return 1
    return lower.includes(text) ? 2 : 3
  }
  return open
    .map((tag) => ({ tag, rank: rank(tag.name) }))
    .filter((entry) => text === '' || entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || b.tag.paperCount - a.tag.paperCount)
    .slice(0, limit)
    .map((entry) => entry.tag.name)
}

/** A stable default color for a tag without one, from its name. */
export function tagHue(name: string): number {
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash % 360
}
