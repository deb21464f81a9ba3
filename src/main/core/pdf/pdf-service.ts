import { copyFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '@shared/api/errors'
import type { LibraryChangeReason } from '@shared/api/events'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import type { PdfLocation } from '@shared/model/pdf'
import type { WritableDb } from '../db/open-database'
import { paperIdsWhere } from '../db/paper-rows-repo'
import { existingPaperIds, findPaperIdBy } from '../db/papers-repo'
import { fromSource, hasStatus, hasTag, inList, type SqlCondition } from '../db/view-filter'
import type { EventHub } from '../event-hub'
import { applyDrafts } from '../sync/apply-drafts'
import { METADATA_RANK } from '../sync/metadata-rank'
import { listJobs, enqueue } from './downloads-repo'
import { findPaperIds } from './find-paper-ids'
import {
  currentFile,
  storageTotals,
  textState,
  unlinkFiles,
  papersWithFiles,
} from './pdf-files-repo'
import { pdfFilePath } from './pdf-paths'
import type { PdfRuntime } from './pdf-runtime'
import { searchPdfText } from './pdf-search'
import { readingPosition, saveReadingPosition } from './reading-position-repo'
import {
  acceptTempFile,
  checkShape,
  deleteStoredFiles,
  newTempFile,
  storeLocalFile,
  type StoredPdf,
} from './pdf-store'
import { requirePaper as requireLibraryPaper } from '../db/require-paper'

type PdfMethods =
  | 'pdfUrl'
  | 'downloadPdfs'
  | 'downloadStatus'
  | 'cancelDownload'
  | 'removePdf'
  | 'attachPdf'
  | 'addPdf'
  | 'storageUsage'
  | 'setReadingPosition'
  | 'searchPdfText'

/** What the PDF methods run on. */
export type PdfServiceDeps = {
  db: WritableDb
  events: EventHub
  dataDir: string
  now: () => Date
  pdf: PdfRuntime
}

/** The PDF part of the LibraryApi: the offline store, downloads, attachments, reading position, text search. */
export function createPdfService(deps: PdfServiceDeps): Pick<LibraryService, PdfMethods> {
  const { db, events, pdf } = deps
  const stamp = () => deps.now().toISOString()
  const requirePaper = (id: number) => requireLibraryPaper(db, id)
  const changed = (reason: LibraryChangeReason, ids: ReadonlyArray<PaperId>) => {
    if (ids.length > 0) events.emit('library.changed', { reason, paperIds: [...ids] })
  }
  const afterStore = (paperId: PaperId, stored: StoredPdf) => {
    changed('pdf', [paperId])
    pdf.indexer.kick()
    return stored
  }

  /** Writes inline bytes to a partial file, for the same checks as any other file. */
  const inlineFile = async (data: string): Promise<string> => {
    const file = await newTempFile(deps.dataDir, 'inline')
    await writeFile(file, Buffer.from(data, 'base64'))
    return file
  }

  return {
    pdfUrl: async ({ id }) => {
      requirePaper(id)
      const file = currentFile(db, id)
      if (!file) return null
      const path = pdfFilePath(deps.dataDir, file.sha256)
      const onDisk = await stat(path).catch(() => null)
      if (onDisk?.size !== file.size) {
        // Deleted or altered outside the app: forget it, so the reader offers a fresh download.
        const unused = db.transaction(() => unlinkFiles(db, id)).immediate()
        await deleteStoredFiles(deps.dataDir, onDisk ? [] : unused)
        changed('pdf', [id])
        return null
      }
      const location: PdfLocation = {
        paperId: id,
        sha256: file.sha256,
        size: file.size,
        origin: file.origin,
        addedAt: file.addedAt,
        file: path,
        path: `/pdf/${id}?v=${file.sha256.slice(0, 12)}`,
        text: textState(db, file.sha256),
        position: readingPosition(db, id),
      }
      return location
    },

    downloadPdfs: async (input) => {
      const ids = selectPapers(db, input)
      const stored = new Set(papersWithFiles(db))
      const alreadyStored = ids.filter((id) => stored.has(id))
      const wanted = ids.filter((id) => !stored.has(id))
      const urls = new Map(wanted.map((id) => [id, pdf.queue.candidates(id)[0] ?? null]))
      const queued = wanted.filter((id) => urls.get(id) !== null)
      const noLink = wanted.filter((id) => urls.get(id) === null)
      enqueue(db, queued, (id) => urls.get(id) ?? null, stamp())
      pdf.queue.pump()
      const results = input.wait ? await pdf.queue.waitFor(queued) : []
      if (input.wait) await pdf.indexer.idle()
      return { queued, alreadyStored, noLink, results }
    },

    downloadStatus: () => ({ jobs: listJobs(db), overall: pdf.queue.overall() }),

    cancelDownload: ({ ids }) => ({ changed: pdf.queue.cancel(ids ?? null) }),

    removePdf: async ({ id, ids, sourceId }) => {
      const targets = new Set<PaperId>([...(id === undefined ? [] : [id]), ...(ids ?? [])])
      if (sourceId !== undefined) {
        for (const paper of papersWithFiles(db, sourceId)) targets.add(paper)
      }
      let freedBytes = 0
      const touched: PaperId[] = []
      const unused = db
        .transaction(() => {
          const gone: string[] = []
          for (const paper of targets) {
            const file = currentFile(db, paper)
            if (!file) continue
            touched.push(paper)
            for (const sha of unlinkFiles(db, paper)) {
              gone.push(sha)
              freedBytes += file.sha256 === sha ? file.size : 0
            }
          }
          return gone
        })
        .immediate()
      await deleteStoredFiles(deps.dataDir, unused)
      changed('pdf', touched)
      return { changed: touched.length, freedBytes }
    },

    attachPdf: async ({ id, path, data, name, waitForText }) => {
      requirePaper(id)
      const label = name ?? path ?? 'the dropped file'
      const stored =
        path !== undefined
          ? await storeLocalFile(pdf.store, { paperId: id, file: path, label })
          : await acceptTempFile(pdf.store, {
              paperId: id,
              tempFile: await inlineFile(data ?? ''),
              origin: 'attach',
              label,
            })
      afterStore(id, stored)
      if (waitForText) await pdf.indexer.idle()
      return attachReport(id, false, stored)
    },

    addPdf: async ({ path, data, name, tags, waitForText }) => {
      const label = name ?? path ?? 'the dropped file'
      const tempFile =
        path !== undefined ? await copyForInspection(path, label) : await inlineFile(data ?? '')
      try {
        await checkShape(tempFile, label)
        const inspection = await pdf.worker.inspect(tempFile, 2).catch((error: unknown) => {
          // Over the PDF budget: the paper's id would come from text that is not read.
          if (error instanceof AppError && error.code === 'too-large') {
            throw new AppError('too-large', `${label}: ${error.message}`)
          }
          throw new AppError(
            'unsupported-format',
            `${label}: not a readable PDF (${(error as Error).message}).`,
          )
        })
        const found = findPaperIds([
          inspection.subject,
          inspection.keywords,
          inspection.title,
          ...inspection.firstPages,
        ])
        const title = inspection.title ?? titleFromName(label)
        let paperId =
          (found.arxivId ? findPaperIdBy(db, 'arxiv_id', found.arxivId) : null) ??
          (found.doi ? findPaperIdBy(db, 'doi', found.doi) : null)
        const created = paperId === null
        if (paperId === null) {
          const result = db
            .transaction(() =>
              applyDrafts(
                db,
                [
                  {
                    arxivId: found.arxivId,
                    arxivVersion: found.arxivVersion,
                    doi: found.doi,
                    // With an id the title comes later from arXiv or the DOI record; PDF titles are often wrong.
                    title: found.arxivId || found.doi ? inspection.title : title,
                    provenance: { line: null, rank: null, section: null, raw: label },
                  },
                ],
                {
                  source: { kind: 'pdf-file', key: 'added-pdfs', name: 'Added PDF files' },
                  metadataRank: METADATA_RANK.ids,
                  tags,
                  now: stamp(),
                },
              ),
            )
            .immediate()
          paperId = result.paperIds[0] ?? null
          if (paperId === null) {
            throw new AppError('internal', `${label}: the paper could not be created.`)
          }
          changed('import', [paperId])
        }
        const stored = await acceptTempFile(pdf.store, {
          paperId,
          tempFile,
          origin: 'attach',
          label,
        })
        afterStore(paperId, stored)
        if (waitForText) await pdf.indexer.idle()
        return {
          ...attachReport(paperId, created, stored),
          found: { arxivId: found.arxivId, doi: found.doi, title: inspection.title },
        }
      } finally {
        await rm(tempFile, { force: true })
      }
    },

    storageUsage: () => {
      const totals = storageTotals(db)
      return {
        ...totals,
        sources: totals.sources.map((s) => ({ ...s, sourceId: s.sourceId as never })),
      }
    },

    setReadingPosition: ({ id, page, zoom }) => {
      requirePaper(id)
      const result = saveReadingPosition(db, { id, page, zoom }, stamp())
      if (result.started > 0) changed('status', [id])
      return { changed: result.moved + result.started > 0 ? 1 : 0 }
    },

    searchPdfText: ({ query, limit }) => searchPdfText(db, query, limit),
  }

  async function copyForInspection(path: string, label: string): Promise<string> {
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) throw new AppError('not-found', `${label}: no such file.`)
    const file = await newTempFile(deps.dataDir, 'add')
    await copyFile(path, file)
    return file
  }
}

function attachReport(paperId: PaperId, created: boolean, stored: StoredPdf) {
  return {
    paperId,
    created,
    sha256: stored.sha256,
    size: stored.size,
    pageCount: stored.pageCount,
    found: { arxivId: null, doi: null, title: null },
  }
}

function titleFromName(label: string): string {
  return (
    basename(label)
      .replace(/\.pdf$/i, '')
      .replace(/[_]+/g, ' ')
      .trim() || 'Untitled PDF'
  )
}

/**
 * The papers a download request names: the union of ids, a tag (with its sub-tags, as the tag's
 * view), a source, a list and all unread — each the same papers its view in the library shows.
 */
export function selectPapers(
  db: WritableDb,
  input: {
    ids?: ReadonlyArray<number> | undefined
    tag?: string | undefined
    sourceId?: number | undefined
    listId?: number | undefined
    allUnread?: boolean | undefined
  },
): PaperId[] {
  const ids = new Set<PaperId>()
  if (input.ids !== undefined && input.ids.length > 0) {
    for (const id of existingPaperIds(db, input.ids)) ids.add(id)
  }
  const views: SqlCondition[] = []
  if (input.tag !== undefined) views.push(hasTag(input.tag))
  if (input.sourceId !== undefined) views.push(fromSource(input.sourceId))
  if (input.listId !== undefined) views.push(inList(input.listId))
  if (input.allUnread) views.push(hasStatus('unread'))
  for (const view of views) for (const id of paperIdsWhere(db, [view])) ids.add(id)
  return [...ids]
}
