import type { AppEventEnvelope } from '@shared/api/events'
import type { PaperDetail } from '@shared/model/paper'
import type { PaperId } from '@shared/model/ids'
import { describe, expect, it, vi } from 'vitest'
import { createToastStore } from '../../components/toast-store'
import { followBrowserEvents } from './browser-events'

function setup() {
  let emit: (event: AppEventEnvelope) => void = () => {}
  const toasts = createToastStore(0)
  const library = { setScope: vi.fn(), setQuery: vi.fn() }
  const getPaper = vi.fn((input: { id: number }) =>
    Promise.resolve({
      id: input.id,
      title: 'Heat-bath random walks',
      arxivId: '1605.08386',
      doi: null,
    } as PaperDetail),
  )
  const stop = followBrowserEvents({
    api: { getPaper },
    subscribeToEvents: (listener) => {
      emit = listener
      return () => (emit = () => {})
    },
    toasts,
    library,
  })
  return { emit: (event: AppEventEnvelope) => emit(event), toasts, library, stop }
}

describe('features/browser/browser-events', () => {
  it('shows a pairing code until it is dismissed', () => {
    const { emit, toasts } = setup()
    emit({
      type: 'pairing.requested',
      payload: {
        requestId: 'r',
        client: 'Firefox',
        code: 'K7PQ3X',
        expiresAt: '2026-01-01T00:05:00Z',
      },
    })
    emit({ type: 'library.changed', payload: { reason: 'tags', paperIds: [] } })
    expect(toasts.getState()).toMatchObject([
      {
        sticky: true,
        message: 'The Firefox extension asks to pair with Papershelf: type K7PQ3X into it.',
      },
    ])
  })

  it('"Open in Papershelf" shows the paper in the whole library', async () => {
    const { emit, library } = setup()
    emit({ type: 'paper.reveal', payload: { paperId: 7 as PaperId } })
    await vi.waitFor(() => expect(library.setQuery).toHaveBeenCalledWith('Heat-bath random walks'))
    expect(library.setScope).toHaveBeenCalledWith({ kind: 'view', view: 'all' })
  })
})
