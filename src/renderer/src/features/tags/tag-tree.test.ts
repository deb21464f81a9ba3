import { describe, expect, it } from 'vitest'
import type { TagId } from '@shared/model/ids'
import { buildTagTree, completeTag } from './tag-tree'

const tag = (id: number, name: string, paperCount = 1) => ({
  id: id as TagId,
  name,
  color: null,
  paperCount,
})

describe('tags/tag-tree', () => {
  it('nests tags by slash, with a bare level for a missing parent', () => {
    const tree = buildTagTree([
      tag(1, 'llm/decoding'),
      tag(2, 'vision'),
      tag(3, 'llm/agents/tools'),
      tag(4, 'llm/agents'),
    ])
    expect(tree.map((node) => [node.path, node.tag?.id ?? null])).toEqual([
      ['llm', null],
      ['vision', 2],
    ])
    const llm = tree[0]!
    expect(llm.children.map((node) => node.label)).toEqual(['agents', 'decoding'])
    expect(llm.children[0]!.children.map((node) => node.path)).toEqual(['llm/agents/tools'])
  })

  it('completes prefixes first, then words inside paths, most used first, leaving out taken tags', () => {
    const tags = [
      tag(1, 'llm/decoding', 3),
      tag(2, 'decoding-tricks', 9),
      tag(3, 'Diffusion', 2),
      tag(4, 'vision'),
    ]
    expect(completeTag(tags, 'dec', [])).toEqual(['decoding-tricks', 'llm/decoding'])
    expect(completeTag(tags, 'D', ['Decoding-Tricks'])).toEqual(['Diffusion', 'llm/decoding'])
    expect(completeTag(tags, '', [], 2)).toEqual(['decoding-tricks', 'llm/decoding'])
  })
})
