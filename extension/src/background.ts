import type { PaperPlace, PairingGrant, PairingRequest, SavedPaper } from '@shared/api/browser-api'
import { extractPage } from '@shared/pages/extract-page'
import type { PageSnapshot } from '@shared/pages/page-snapshot'
import { pageSnapshotSchema } from '@shared/pages/page-snapshot-schema'
import { AppDownError, AppRefusedError, callApp } from './app-client'
import {
  READ_PAGE,
  type ExtensionState,
  type PopupRequest,
  type SaveOutcome,
  type SaveRequest,
  type TabFindings,
} from './messages'
import { loadQueue, loadSettings, loopbackAddress, saveSettings, storeQueue } from './storage'

// The service worker: the only part of the extension that talks to the app on 127.0.0.1.

const DRAIN_ALARM = 'papershelf-drain'
let draining: Promise<number> | null = null

/** Sends queued saves, oldest first, until the app stops answering; returns how many went. */
function drainQueue(): Promise<number> {
  draining ??= (async () => {
    const { address, key } = await loadSettings()
    if (!key) return 0
    let sent = 0
    for (;;) {
      const [next, ...rest] = await loadQueue()
      if (!next) return sent
      try {
        await callApp<SavedPaper[]>(address, 'rpc/savePapers', saveInput(next), key)
      } catch (error) {
        // Down or unpaired: keep the save for later. A save the app refuses as invalid would
        // never go: it is dropped rather than block the ones behind it.
        if (error instanceof AppDownError) return sent
        if (error instanceof AppRefusedError && error.status === 401) return sent
      }
      await storeQueue(rest)
      sent += 1
    }
  })().finally(() => (draining = null))
  return draining
}

function saveInput(request: SaveRequest) {
  return {
    papers: request.papers,
    tags: request.tags,
    ...(request.listId === undefined ? {} : { listId: request.listId }),
  }
}

async function appState(): Promise<ExtensionState> {
  const { address, key, requestId } = await loadSettings()
  let app: ExtensionState['app']
  try {
    const ping = await callApp<{ paired: boolean }>(address, 'ping', {}, key, 5_000)
    app = ping.paired ? 'up' : 'unpaired'
  } catch {
    app = 'down'
  }
  const drained = app === 'up' ? await drainQueue() : 0
  return {
    address,
    app,
    awaitingCode: requestId !== null,
    queued: (await loadQueue()).length,
    drained,
  }
}

async function readTab(tabId: number): Promise<TabFindings> {
  let snapshot: PageSnapshot
  try {
    snapshot = pageSnapshotSchema.parse(await chrome.tabs.sendMessage(tabId, { type: READ_PAGE }))
  } catch {
    throw new Error('This page cannot be read (reload it, or it is not a web page).')
  }
  const findings = extractPage(snapshot)
  const { address, key } = await loadSettings()
  if (!key || findings.papers.length === 0) return { findings, places: null, tags: [], lists: [] }
  try {
    const [places, tags, lists] = await Promise.all([
      callApp<Array<PaperPlace | null>>(
        address,
        'rpc/lookupPapers',
        { papers: findings.papers },
        key,
      ),
      callApp<Array<{ name: string }>>(address, 'rpc/listTags', {}, key),
      callApp<Array<{ id: number; name: string }>>(address, 'rpc/listLists', {}, key),
    ])
    return {
      findings,
      places,
      tags: tags.map((t) => t.name),
      lists: lists.map((l) => ({ id: l.id, name: l.name })),
    }
  } catch {
    return { findings, places: null, tags: [], lists: [] }
  }
}

async function save(request: SaveRequest): Promise<SaveOutcome> {
  const { address, key } = await loadSettings()
  try {
    const saved = await callApp<SavedPaper[]>(address, 'rpc/savePapers', saveInput(request), key)
    return { status: 'saved', saved }
  } catch (error) {
    if (error instanceof AppDownError) return { status: 'down' }
    return { status: 'error', message: (error as Error).message }
  }
}

async function answer(request: PopupRequest): Promise<unknown> {
  switch (request.type) {
    case 'state':
      return appState()
    case 'set-address': {
      const address = loopbackAddress(request.address)
      if (!address) {
        throw new Error('Give the address Papershelf prints, such as http://127.0.0.1:27182.')
      }
      await saveSettings({ address })
      return appState()
    }
    case 'pair': {
      const { address } = await loadSettings()
      const client = navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium'
      const asked = await callApp<PairingRequest>(address, 'pair', { client }, null)
      await saveSettings({ requestId: asked.requestId })
      return appState()
    }
    case 'confirm': {
      const { address, requestId } = await loadSettings()
      if (!requestId) throw new Error('Ask to pair first.')
      try {
        const grant = await callApp<PairingGrant>(
          address,
          'pair/confirm',
          { requestId, code: request.code },
          null,
        )
        await saveSettings({ key: grant.key, requestId: null })
      } catch (error) {
        if (error instanceof AppRefusedError && error.code === 'not-found') {
          await saveSettings({ requestId: null })
        }
        throw error
      }
      return appState()
    }
    case 'read-tab':
      return readTab(request.tabId)
    case 'save':
      return save(request)
    case 'queue': {
      const queue = await loadQueue()
      await storeQueue([...queue, { ...saveInput(request), queuedAt: new Date().toISOString() }])
      return { queued: queue.length + 1 }
    }
    case 'suggest': {
      const { address, key } = await loadSettings()
      return callApp(address, 'rpc/suggestTags', { ids: request.paperIds, limit: 3 }, key)
    }
    case 'tag': {
      const { address, key } = await loadSettings()
      return callApp(address, 'rpc/tagPapers', { ids: request.paperIds, tags: request.tags }, key)
    }
    case 'reveal': {
      const { address, key } = await loadSettings()
      return callApp(address, 'rpc/revealPaper', { id: request.paperId }, key)
    }
  }
}

// Only the extension's own pages are answered (not its content scripts, which run in pages).
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!sender.url?.startsWith(`${location.origin}/`)) return undefined
  answer(message as PopupRequest).then(
    (value) => sendResponse({ ok: true, value }),
    (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  )
  return true
})

// The queue drains when the browser starts, every minute while it waits, and whenever the popup
// opens and finds the app up.
void chrome.alarms.create(DRAIN_ALARM, { periodInMinutes: 1 })
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DRAIN_ALARM) void drainQueue().catch(() => undefined)
})
chrome.runtime.onStartup.addListener(() => void drainQueue().catch(() => undefined))
