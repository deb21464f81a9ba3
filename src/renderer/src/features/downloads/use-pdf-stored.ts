import { useEffect, useState } from 'react'
import type { PaperDetail } from '@shared/model/paper'
import type { DownloadsStore } from './downloads-store'

/** Whether the paper's PDF is stored in the library; rechecked whenever its detail changes. */
export function usePdfStored(store: DownloadsStore, paper: PaperDetail | null): boolean {
  const [stored, setStored] = useState<{ detail: PaperDetail; stored: boolean } | null>(null)
  useEffect(() => {
    if (!paper) return
    let live = true
    store.isStored(paper.id).then(
      (value) => {
        if (live) setStored({ detail: paper, stored: value })
      },
      () => {
        if (live) setStored({ detail: paper, stored: false })
      },
    )
    return () => {
      live = false
    }
  }, [store, paper])
  return stored !== null && paper !== null && stored.detail.id === paper.id && stored.stored
}
