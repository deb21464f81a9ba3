import { useEffect, useState } from 'react'
import { api, subscribeToEvents } from './api'
import { createLibraryStore } from './features/library/library-store'
import { LibraryView } from './features/library/LibraryView'

/** The application shell. */
export function App() {
  const [library] = useState(() => createLibraryStore({ api, subscribeToEvents }))
  useEffect(() => library.start(), [library])
  return <LibraryView store={library} />
}
