import type { LibraryApi, LibraryInfo } from '@shared/api/library-api'
import { describe, expect, it } from 'vitest'
import { createToastStore } from '../../components/toast-store'
import { createLibraryStore } from './library-store'

const INFO: LibraryInfo = {
  dataDir: '/home/ann/Dropbox/Papershelf',
  databasePath: '/home/ann/Dropbox/Papershelf/library.sqlite',
  schemaVersion: 1,
  paperCount: 0,
  inboxCount: 0,
}

/** A library that answers `libraryInfo` and leaves every other request pending. */
function fakeApi(info: LibraryInfo): LibraryApi {
  const pending = () => new Promise<never>(() => undefined)
  return new Proxy({} as LibraryApi, {
    get: (_target, method) => (method === 'libraryInfo' ? () => Promise.resolve(info) : pending),
  })
}

/** Starts a library screen on `info` and returns the toasts it showed. */
async function toastsAtStart(info: LibraryInfo) {
  const toasts = createToastStore()
  const store = createLibraryStore({
    api: fakeApi(info),
    subscribeToEvents: () => () => undefined,
    toasts,
  })
  const stop = store.start()
  await new Promise((resolve) => setTimeout(resolve, 0))
  stop()
  return toasts.getState()
}

describe('renderer/features/library/library-store (library warning)', () => {
  it('shows the library folder warning once, as a toast that stays', async () => {
    const warning =
      'The library folder /home/ann/Dropbox/Papershelf is inside a folder synced by Dropbox.'
    const toasts = await toastsAtStart({ ...INFO, warning })
    expect(toasts.map(({ kind, message }) => ({ kind, message }))).toEqual([
      { kind: 'error', message: warning },
    ])
  })

  it('shows damage the owner already knows of to a tab that opens later', async () => {
    const damage =
      'The library database /x/library.sqlite is damaged (quick_check: …). papershelf restore "…"'
    const toasts = await toastsAtStart({ ...INFO, damage })
    expect(toasts.map(({ kind, message }) => ({ kind, message }))).toEqual([
      { kind: 'error', message: damage },
    ])
  })

  it('shows nothing for a library without a warning', async () => {
    expect(await toastsAtStart(INFO)).toEqual([])
  })
})
