import { describe, expect, it } from 'vitest'
import { createToastStore } from './toast-store'

describe('components/toast-store', () => {
  it('turns a failure into an error toast with its message', () => {
    const toasts = createToastStore()
    toasts.fail(new Error('The server is gone.'))
    expect(toasts.getState()).toMatchObject([{ kind: 'error', message: 'The server is gone.' }])
  })

  it('keeps at most four toasts and dismisses by id', () => {
    const toasts = createToastStore()
    const ids = ['a', 'b', 'c', 'd', 'e'].map((message) =>
      toasts.notify({ kind: 'error', message }),
    )
    expect(toasts.getState().map((toast) => toast.message)).toEqual(['b', 'c', 'd', 'e'])
    toasts.dismiss(ids[4]!)
    expect(toasts.getState().map((toast) => toast.message)).toEqual(['b', 'c', 'd'])
  })

  it('coalesces notices: a new one replaces the last, errors stay', () => {
    const toasts = createToastStore()
    toasts.notify({ kind: 'error', message: 'failed' })
    toasts.notify({ kind: 'info', message: 'Starred' })
    toasts.notify({ kind: 'info', message: 'Marked as reading' })
    expect(toasts.getState().map((toast) => toast.message)).toEqual(['failed', 'Marked as reading'])
  })

  it('keeps a sticky notice until it is dismissed', () => {
    const toasts = createToastStore(0)
    toasts.notify({ kind: 'info', message: 'Type ABC234', sticky: true })
    toasts.notify({ kind: 'info', message: 'Starred' })
    expect(toasts.getState().map((toast) => toast.message)).toEqual(['Type ABC234', 'Starred'])
  })
})
