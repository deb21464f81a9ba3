import type { PaperPlace, SavedPaper } from '@shared/api/browser-api'
import type { PageFindings, PagePaper } from '@shared/pages/page-paper'

/** The content script's one message: read the page. */
export const READ_PAGE = 'papershelf:read-page'

/** What a save asks for: the chosen papers, tags and list. */
export type SaveRequest = {
  papers: ReadonlyArray<PagePaper>
  tags: ReadonlyArray<string>
  listId?: number
}

/** The popup's requests to the service worker (the only part that talks to the app). */
export type PopupRequest =
  | { type: 'state' }
  | { type: 'set-address'; address: string }
  | { type: 'pair' }
  | { type: 'confirm'; code: string }
  | { type: 'read-tab'; tabId: number }
  | ({ type: 'save' } & SaveRequest)
  | ({ type: 'queue' } & SaveRequest)
  | { type: 'reveal'; paperId: number }
  | { type: 'suggest'; paperIds: ReadonlyArray<number> }
  | { type: 'tag'; paperIds: ReadonlyArray<number>; tags: ReadonlyArray<string> }

/** Where the extension stands with the app. */
export type ExtensionState = {
  address: string
  /** `up`: paired and answering; `unpaired`: answering, no valid key; `down`: not answering. */
  app: 'up' | 'unpaired' | 'down'
  /** A pairing was asked for and waits for its code. */
  awaitingCode: boolean
  queued: number
  /** The last time the queue was sent, and what became of it. */
  drained: number
}

/** What the popup shows about a page. */
export type TabFindings = {
  findings: PageFindings
  /** Where each paper already is in the library (null: not in it), when the app answered. */
  places: ReadonlyArray<PaperPlace | null> | null
  tags: ReadonlyArray<string>
  lists: ReadonlyArray<{ id: number; name: string }>
}

/** How a save ended. */
export type SaveOutcome =
  | { status: 'saved'; saved: ReadonlyArray<SavedPaper> }
  | { status: 'down' }
  | { status: 'error'; message: string }
