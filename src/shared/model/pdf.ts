import { z } from 'zod'
import type { PaperId, SourceId } from './ids'

/** Where a download stands. `done` jobs leave the queue; they appear only in reports and events. */
export type DownloadState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

/** One paper's PDF download. */
export type DownloadJob = {
  paperId: PaperId
  title: string
  state: DownloadState
  /** The address being (or last) fetched. */
  url: string | null
  received: number
  /** Declared size, when the server gave one. */
  total: number | null
  /** Why it failed, in words. */
  error: string | null
}

/** The queue as a whole. */
export type DownloadOverall = {
  queued: number
  running: number
  failed: number
  /** Bytes received and declared over the running jobs. */
  received: number
  total: number
}

/** The download queue: every job not yet done, and totals. */
export type DownloadStatus = { jobs: ReadonlyArray<DownloadJob>; overall: DownloadOverall }

/** What a download request did. */
export type DownloadReport = {
  queued: ReadonlyArray<PaperId>
  /** Papers whose PDF is already stored (not fetched again). */
  alreadyStored: ReadonlyArray<PaperId>
  /** Papers with no arXiv id and no PDF link. */
  noLink: ReadonlyArray<PaperId>
  /** With `wait`, how each queued job ended. */
  results: ReadonlyArray<DownloadJob>
}

/** The zoom the reader remembers: a scale factor or one of pdf.js's fitting modes. */
export const readerZoomSchema = z.union([
  z.number().min(0.1).max(10),
  z.enum(['page-width', 'page-fit', 'auto']),
])
export type ReaderZoom = z.infer<typeof readerZoomSchema>

/** Where the reader left a paper. */
export type ReadingPosition = { page: number; zoom: ReaderZoom }

/** Full-text state of a stored PDF. */
export type PdfTextState = {
  state: 'pending' | 'done' | 'failed'
  pageCount: number | null
  error: string | null
}

/** A paper's stored PDF and how to load it. */
export type PdfLocation = {
  paperId: PaperId
  sha256: string
  size: number
  origin: 'download' | 'attach'
  addedAt: string
  /** Absolute path of the file inside the library folder. */
  file: string
  /** Door-neutral path: the browser door serves it as is (`/pdf/<id>?v=…`), Electron under `papershelf-pdf:`. */
  path: string
  text: PdfTextState | null
  position: ReadingPosition | null
}

/** Bytes stored, for the library and per source. */
export type StorageUsage = {
  bytes: number
  files: number
  papers: number
  sources: ReadonlyArray<{ sourceId: SourceId; name: string; bytes: number; files: number }>
}

/** What attaching or adding a PDF did. */
export type AttachReport = {
  paperId: PaperId
  /** True when `addPdf` made a new paper for the file. */
  created: boolean
  sha256: string
  size: number
  pageCount: number
  /** Identifiers found in the file's first pages or metadata. */
  found: { arxivId: string | null; doi: string | null; title: string | null }
}

/** A search hit inside a PDF's text. */
export type PdfTextHit = {
  paperId: PaperId
  /** 1-based page of the hit. */
  page: number
  /** The words around the hit, as plain text. */
  snippet: string
  /** Character ranges of the matched words in `snippet`. */
  highlights: ReadonlyArray<readonly [start: number, end: number]>
  /** Higher is better. */
  score: number
}
