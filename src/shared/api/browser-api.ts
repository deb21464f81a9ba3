import { z } from 'zod'
import { paperIdSchema, type PaperId } from '../model/ids'
import type { ReadingStatus } from '../model/paper'
import { pagePaperSchema } from '../pages/page-paper'

/** A browser extension waiting to be paired: the code the user must type into it. */
export type PendingPairing = { requestId: string; client: string; code: string; expiresAt: string }

/** A paired browser extension (its key is stored only as a hash). */
export type Pairing = { id: number; client: string; createdAt: string; lastUsedAt: string | null }

/** Pairings waiting for their code, and those granted. */
export type PairingList = { pending: ReadonlyArray<PendingPairing>; paired: ReadonlyArray<Pairing> }

/** What a pairing request gets back: the code is shown only by the app, never to the requester. */
export type PairingRequest = { requestId: string; expiresAt: string }

/** A granted pairing: the key the extension sends with every request. */
export type PairingGrant = { pairingId: number; key: string }

/** Where a paper stands in the library. */
export type PaperPlace = {
  paperId: PaperId
  title: string | null
  tags: ReadonlyArray<string>
  status: ReadingStatus
  lists: ReadonlyArray<string>
  hasPdf: boolean
  /** Opens the paper in the desktop app (`papershelf://open?paper=ID`). */
  openUrl: string
}

/** One saved paper: where it is now, and whether the save added it. */
export type SavedPaper = PaperPlace & {
  /** False when the library had it already (saving twice adds nothing). */
  added: boolean
  /** True when its PDF was queued for the app to download. */
  pdfQueued: boolean
}

/** The HTTP header carrying a paired extension's key. */
export const EXTENSION_KEY_HEADER = 'x-papershelf-key'

/** The port the desktop app and `papershelf serve` listen on when it is free (the extension looks there first). */
export const DEFAULT_EXTENSION_PORT = 27182

/** The API methods a paired extension may call through `/ext/rpc/:method`. */
export const EXTENSION_METHODS = [
  'lookupPapers',
  'savePapers',
  'listTags',
  'listLists',
  'revealPaper',
  // The tags learned from the user's own, suggested for what was just saved, and adding them.
  'suggestTags',
  'tagPapers',
] as const

const pagePapers = z.array(pagePaperSchema).min(1).max(500)
const tagName = z.string().trim().min(1).max(200)

/** Input schemas of pairing and saving from the browser. */
export const browserInputs = {
  requestPairing: z.strictObject({ client: z.string().trim().min(1).max(100) }),
  confirmPairing: z.strictObject({
    requestId: z.string().min(1).max(100),
    code: z.string().trim().min(1).max(20),
  }),
  listPairings: z.strictObject({}),
  revokePairing: z.strictObject({ id: z.number().int().positive() }),
  checkPairingKey: z.strictObject({ key: z.string().min(1).max(200) }),
  lookupPapers: z.strictObject({ papers: pagePapers }),
  savePapers: z.strictObject({
    papers: pagePapers,
    tags: z.array(tagName).max(100).default([]),
    listId: z.number().int().positive().optional(),
    downloadPdf: z.boolean().default(true),
  }),
  revealPaper: z.strictObject({ id: paperIdSchema }),
  savePage: z.strictObject({
    url: z.string().trim().min(1).max(4096),
    tags: z.array(tagName).max(100).default([]),
    listId: z.number().int().positive().optional(),
    downloadPdf: z.boolean().default(true),
  }),
}

/** What the pairing and saving methods return. */
export type BrowserOutputs = {
  /** Starts pairing an extension: the app shows a short code (event `pairing.requested`, `listPairings`). */
  requestPairing: PairingRequest
  /** Grants a key when the code matches; five wrong codes end the request. Errors `untrusted-sender`, `not-found`. */
  confirmPairing: PairingGrant
  /** Pairings waiting for a code and those granted. */
  listPairings: PairingList
  /** Revokes a pairing: its key is refused from now on. Error `not-found`. */
  revokePairing: { changed: number }
  /** The pairing a key belongs to. Error `untrusted-sender`. */
  checkPairingKey: { pairingId: number }
  /** Where each page paper already is in the library, or null. */
  lookupPapers: ReadonlyArray<PaperPlace | null>
  /** Saves page papers (identity rules as every source), tags them, adds them to a list, queues their PDFs. */
  savePapers: ReadonlyArray<SavedPaper>
  /** Asks every open window to select the paper (event `paper.reveal`). Error `not-found`. */
  revealPaper: { changed: number }
  /** Fetches a page by its address and saves every paper it shows (`papershelf add`, `papershelf://add`). Errors `not-found` (no paper on it), `network`, `remote-error`. */
  savePage: { site: string; papers: ReadonlyArray<SavedPaper> }
}
