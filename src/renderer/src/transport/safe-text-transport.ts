import type { Transport } from '@shared/rpc/protocol'
import { displayText } from '@shared/util/display-text'

/** Fields the user wrote: shown as typed, whatever characters they hold. */
const USER_WRITTEN = new Set(['note'])
/** Answers that are data to save, not text to show. */
const DATA_METHODS = new Set(['exportLibrary'])

/**
 * The transport with every string of every answer and event cleaned for display (no control or
 * bidi-control characters), as the CLI prints them: titles, authors and abstracts come from
 * remote servers and files, and one place covers every view that shows them.
 */
export function safeTextTransport(inner: Transport): Transport {
  return {
    call: async (method, input) => {
      const result = await inner.call(method, input)
      return result.ok && !DATA_METHODS.has(method)
        ? { ok: true, value: clean(result.value) }
        : result
    },
    subscribe: (listener) => inner.subscribe((event) => listener(clean(event))),
  }
}

function clean<T>(value: T): T {
  if (typeof value === 'string') return displayText(value) as T
  if (Array.isArray(value)) return value.map(clean) as T
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(value)) {
    out[key] = USER_WRITTEN.has(key) ? entry : clean(entry)
  }
  return out as T
}
