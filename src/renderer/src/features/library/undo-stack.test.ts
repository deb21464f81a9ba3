import { describe, expect, it } from 'vitest'
import { popUndo, pushUndo, type UndoStack } from './undo-stack'

const entry = (label: string) => ({ label, undo: () => Promise.resolve() })

describe('library/undo-stack', () => {
  it('undoes the newest change first', () => {
    const stack = pushUndo(pushUndo([], entry('a')), entry('b'))
    const { entry: top, rest } = popUndo(stack)
    expect(top?.label).toBe('b')
    expect(popUndo(rest).entry?.label).toBe('a')
  })

  it('has nothing to undo when empty', () => {
    expect(popUndo([])).toEqual({ entry: null, rest: [] })
  })

  it('forgets the oldest change past the limit', () => {
    let stack: UndoStack = []
    for (const label of ['a', 'b', 'c', 'd']) stack = pushUndo(stack, entry(label), 3)
    expect(stack.map((e) => e.label)).toEqual(['b', 'c', 'd'])
  })
})
