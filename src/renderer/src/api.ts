import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import { createClient } from '@shared/rpc/create-client'
import { pickTransport } from './transport/pick-transport'
import { safeTextTransport } from './transport/safe-text-transport'

const transport = safeTextTransport(pickTransport())

/** The library, whichever door this page was opened through. */
export const api: LibraryApi = createClient(transport)

/** Listens to core events (`library.changed`, …); returns the unsubscribe function. */
export function subscribeToEvents(listener: (event: AppEventEnvelope) => void): () => void {
  return transport.subscribe(listener)
}
