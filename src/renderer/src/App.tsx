import { useEffect, useState } from 'react'
import { api, subscribeToEvents } from './api'
import { createToastStore } from './components/toast-store'
import { createDownloadsStore } from './features/downloads/downloads-store'
import { createLibraryStore } from './features/library/library-store'
import { LibraryShell } from './features/library/LibraryShell'
import { createSourcesStore } from './features/sources/sources-store'

const loadSavedSearches = () => api.listSavedSearches({})
const READER_API = { api, subscribeToEvents }

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
  return (
    <LibraryShell
      store={stores.library}
      sources={stores.sources}
      toasts={stores.toasts}
      loadSavedSearches={loadSavedSearches}
      downloads={stores.downloads}
      readerApi={READER_API}
    />
  )
}
