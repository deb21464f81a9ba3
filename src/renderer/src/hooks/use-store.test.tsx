import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { createListeners } from './create-listeners'
import { shallowEqual, useStoreSlice, type ReadableStore } from './use-store'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

type State = { focus: number; title: string; tags: string[] }

function testStore(
  initial: State,
): ReadableStore<State> & { set: (patch: Partial<State>) => void } {
  const listeners = createListeners()
  let state = initial
  return {
    getState: () => state,
    subscribe: listeners.subscribe,
    set: (patch) => {
      state = { ...state, ...patch }
      listeners.notify()
    },
  }
}

describe('hooks/use-store', () => {
  it('a slice re-renders only when its part of the state changes', () => {
    const store = testStore({ focus: 0, title: 'A', tags: [] })
    const renders: string[] = []
    const pick = (state: State) => ({ title: state.title, tags: state.tags })
    function Title() {
      const { title, tags } = useStoreSlice(store, pick, shallowEqual)
      renders.push(`${title}:${tags.length}`)
      return <h1>{title}</h1>
    }
    const host = document.createElement('div')
    act(() => createRoot(host).render(<Title />))
    expect(renders).toEqual(['A:0'])
    // the keyboard moves: not this component's part
    act(() => store.set({ focus: 1 }))
    act(() => store.set({ focus: 2 }))
    expect(renders).toEqual(['A:0'])
    act(() => store.set({ title: 'B' }))
    expect(renders).toEqual(['A:0', 'B:0'])
    expect(host.textContent).toBe('B')
    act(() => store.set({ tags: ['x'] }))
    expect(renders).toEqual(['A:0', 'B:0', 'B:1'])
  })

  it('shallowEqual compares keys and values, not identity', () => {
    const tags: string[] = []
    expect(shallowEqual({ a: 1, tags }, { a: 1, tags })).toBe(true)
    expect(shallowEqual({ a: 1, tags }, { a: 1, tags: [] })).toBe(false)
    expect(shallowEqual<Record<string, number>>({ a: 1 }, { a: 1, b: 2 })).toBe(false)
  })
})
