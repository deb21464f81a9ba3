import { describe, expect, it } from 'vitest'
import type { PaperId } from '@shared/model/ids'
import { actionTargets, EMPTY_SELECTION, extendTo, selectOnly, toggleRow } from './selection'

const id = (n: number) => n as PaperId
const ids = [10, 11, 12, 13, 14, 15].map(id)
const idAt = (index: number) => ids[index]

describe('library/selection', () => {
  it('extends a shift-click from the anchor in either direction', () => {
    const anchored = selectOnly(1, id(11))
    expect([...extendTo(anchored, 3, idAt).ids]).toEqual([id(11), id(12), id(13)])
    expect([...extendTo(selectOnly(4, id(14)), 2, idAt).ids]).toEqual([id(12), id(13), id(14)])
  })

  it('replaces the selection on shift-click, and adds to it with shift+ctrl', () => {
    const first = toggleRow(EMPTY_SELECTION, 0, id(10))
    const toggled = toggleRow(first, 4, id(14))
    expect([...extendTo(toggled, 5, idAt).ids]).toEqual([id(14), id(15)])
    expect([...extendTo(toggled, 5, idAt, true).ids].sort()).toEqual([id(10), id(14), id(15)])
  })

  it('skips rows that are not loaded', () => {
    const sparse = (index: number) => (index === 2 ? undefined : ids[index])
    expect([...extendTo(selectOnly(0, id(10)), 3, sparse).ids]).toEqual([id(10), id(11), id(13)])
  })

  it('toggles one row in and out', () => {
    const once = toggleRow(EMPTY_SELECTION, 2, id(12))
    expect([...once.ids]).toEqual([id(12)])
    expect([...toggleRow(once, 2, id(12)).ids]).toEqual([])
  })

  it('acts on the selection, else on the focused paper', () => {
    expect(actionTargets(EMPTY_SELECTION, id(3))).toEqual([id(3)])
    expect(actionTargets(EMPTY_SELECTION, null)).toEqual([])
    expect(actionTargets(toggleRow(EMPTY_SELECTION, 0, id(7)), id(3))).toEqual([id(7)])
  })
})
