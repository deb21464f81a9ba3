import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { AppEventEnvelope } from '@shared/api/events'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'

/** The reader's props. */
export type ReaderProps = {
  api: LibraryApi
  subscribeToEvents: (listener: (event: AppEventEnvelope) => void) => () => void
  paperId: PaperId
  onClose: () => void
  /** Open at this page (a full-text hit). */
  page?: number
  /** Find this text once open (a full-text hit). */
  query?: string
  /** Show this annotation once open (an annotation hit). */
  annotationId?: number
}

// Resolved when the app is built: the reader is included when its module is present.
const modules = import.meta.glob<{ ReaderView: ComponentType<ReaderProps> }>(
  '../features/reader/ReaderView.tsx',
)
const load = Object.values(modules)[0]

/** The PDF reader, loaded on first use; null when this build has none. */
export const LazyReader: LazyExoticComponent<ComponentType<ReaderProps>> | null = load
  ? lazy(async () => ({ default: (await load()).ReaderView }))
  : null
