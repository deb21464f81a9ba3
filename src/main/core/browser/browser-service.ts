import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import type { BatchTuning } from '../import/write-import'
import type { BaseUrls } from '../net/base-urls'
import type { FetchFn } from '../net/fetch-bytes'
import { findPapersAt } from './fetch-page'
import { createPairingService } from './pairing-service'
import { lookupPagePapers, savePagePapers } from './save-papers'
import { requirePaper } from '../db/require-paper'

type BrowserMethods =
  | 'requestPairing'
  | 'confirmPairing'
  | 'listPairings'
  | 'revokePairing'
  | 'checkPairingKey'
  | 'lookupPapers'
  | 'savePapers'
  | 'revealPaper'
  | 'savePage'

/** Saving from the browser: pairing extensions, looking papers up, saving them, revealing one. */
export function createBrowserService(deps: {
  db: WritableDb
  events: EventHub
  now: () => Date
  importBatches?: BatchTuning | undefined
  downloadPdfs: LibraryService['downloadPdfs']
  fetch: FetchFn
  baseUrls: BaseUrls
}): Pick<LibraryService, BrowserMethods> {
  const { db, events } = deps
  return {
    ...createPairingService(deps),
    lookupPapers: ({ papers }) => lookupPagePapers(db, papers),
    savePapers: (input) => savePagePapers(deps, input),
    savePage: async ({ url, ...options }) => {
      const found = await findPapersAt(url, deps)
      if (found.papers.length === 0) {
        throw new AppError('not-found', `Papershelf found no paper on ${url}.`)
      }
      return {
        site: found.site,
        papers: await savePagePapers(deps, { ...options, papers: found.papers }),
      }
    },
    revealPaper: ({ id }) => {
      requirePaper(db, id)
      events.emit('paper.reveal', { paperId: id })
      return { changed: 1 }
    },
  }
}
