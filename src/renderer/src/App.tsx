import { useEffect, useState } from 'react'
import { api, subscribeToEvents } from './api'
import { createToastStore } from './components/toast-store'
import { createDownloadsStore } from './features/downloads/downloads-store'
import { createLibraryStore } from './features/library/library-store'
import { LibraryShell } from './features/library/LibraryShell'
import type { TopicsLoader } from './features/topics/LearnedTopics'
import { createSourcesStore } from './features/sources/sources-store'
import { followBrowserEvents } from './features/browser/browser-events'

const loadSavedSearches = () => api.listSavedSearches({})
const READER_API = { api, subscribeToEvents }

/** Learned topics for the detail pane, straight from the API (the model lives in the main process). */
const topics: TopicsLoader = {
  suggest: async (id) => (await api.suggestTags({ ids: [id], limit: 3 }))[0]?.suggestions ?? [],
  related: (id) => api.relatedPapers({ id, limit: 5 }),
  setNotInterested: async (id, notInterested) => {
    await api.setNotInterested({ ids: [id], notInterested })
  },
}

/** The application: one store per feature, created once over the API this page talks to. */
export function App() {
  const [stores] = useState(() => {
    const toasts = createToastStore()
    return {
      toasts,
      library: createLibraryStore({ api, subscribeToEvents, toasts }),
      sources: createSourcesStore({ api, subscribeToEvents, toasts }),
      downloads: createDownloadsStore({ api, subscribeToEvents, toasts }),
    }
  })
  useEffect(() => stores.library.start(), [stores])
  useEffect(() => stores.sources.start(), [stores])
  useEffect(() => stores.downloads.start(), [stores])
  useEffect(
    () =>
      followBrowserEvents({
        api,
        subscribeToEvents,
        toasts: stores.toasts,
        library: stores.library,
      }),
    [stores],
  )
  return (
    <LibraryShell
      store={stores.library}
      sources={stores.sources}
      toasts={stores.toasts}
      loadSavedSearches={loadSavedSearches}
      downloads={stores.downloads}
      topics={topics}
      readerApi={READER_API}
      pairings={READER_API}
    />
  )
}
