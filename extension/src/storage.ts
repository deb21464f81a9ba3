import { DEFAULT_EXTENSION_PORT } from '@shared/api/browser-api'
import type { SaveRequest } from './messages'

/** What the extension keeps between runs (the service worker may stop at any time). */
export type Settings = { address: string; key: string | null; requestId: string | null }

/** A save kept while the app was down; sent when it is back. */
export type QueuedSave = SaveRequest & { queuedAt: string }

export const DEFAULT_ADDRESS = `http://127.0.0.1:${DEFAULT_EXTENSION_PORT}`

export async function loadSettings(): Promise<Settings> {
  const { settings } = await chrome.storage.local.get('settings')
  const stored = (settings ?? {}) as Partial<Settings>
  return {
    address: stored.address ?? DEFAULT_ADDRESS,
    key: stored.key ?? null,
    requestId: stored.requestId ?? null,
  }
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change }
  await chrome.storage.local.set({ settings: next })
  return next
}

export async function loadQueue(): Promise<QueuedSave[]> {
  const { queue } = await chrome.storage.local.get('queue')
  return Array.isArray(queue) ? (queue as QueuedSave[]) : []
}

export async function storeQueue(queue: ReadonlyArray<QueuedSave>): Promise<void> {
  await chrome.storage.local.set({ queue })
  await chrome.action.setBadgeText({ text: queue.length > 0 ? String(queue.length) : '' })
}

/** A loopback http address only: the extension never sends the key anywhere else. */
export function loopbackAddress(text: string): string | null {
  try {
    const url = new URL(text.trim())
    if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      return null
    }
    return url.origin
  } catch {
    return null
  }
}
