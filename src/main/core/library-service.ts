import { AppError } from '@shared/api/errors'
import type { LibraryService } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { schemaVersion } from './db/migrations'
import type { WritableDb } from './db/open-database'
import { reindexPapers } from './db/papers-index'
import { countPapers, findPaperIdByRef, getPaperDetail, listPapers } from './db/papers-repo'
import { addTags, listTags, removeTags } from './db/tags-repo'
import { setNote, setStarred, setStatus } from './db/user-fields-repo'
import type { EventHub } from './event-hub'
import type { ParseThread } from './parse/parse-thread'
import type { RunningSyncs } from './sync/running-syncs'
import { applyImport } from './import/import-text'
import { createBackupService } from './backup/backup-service'
import { checkpointWal } from './backup/wal-checkpoint'
import { libraryFolderWarning } from './fs/cloud-sync'
import { createLibraryUiService } from './library-ui-service'
import type { BaseUrls } from './net/base-urls'
import type { FetchFn } from './net/fetch-bytes'
import { createSearchService } from './search/search-service'
import { createSyncService } from './sync/sync-service'
import { createPdfService } from './pdf/pdf-service'
import { createCurationService } from './curation-service'
import { survivorOf } from './curation/merge-papers'
import type { PdfRuntime } from './pdf/pdf-runtime'
import type { SyncTuning } from './sync/sync-tuning'

/** What the service runs on. */
export type ServiceDeps = {
  db: WritableDb
  events: EventHub
  dataDir: string
  databasePath: string
  now: () => Date
  baseUrls: BaseUrls
  fetch: FetchFn
  /** Network sync knobs (arXiv politeness, retries); defaults from the environment. */
  sync?: Partial<SyncTuning> | undefined
  /** The PDF store, download queue and text indexer of this library. */
  pdf: PdfRuntime
  /**
   * Parse threads for imported files and for fetched pages (large inputs are parsed off the
   * thread that answers the UI; one per kind, so a long import never delays a sync).
   */
  parse: { files: ParseThread; pages: ParseThread }
  /** The syncs in progress. */
  running: RunningSyncs
}

const withWarning = (warning: string | null) => (warning === null ? {} : { warning })

/** The LibraryApi implementation: inputs arrive validated by `dispatch`. */
export function createLibraryService(deps: ServiceDeps): LibraryService {
  const { db, events } = deps
  const stamp = () => deps.now().toISOString()
  /** Runs a user edit in one transaction, refreshes the index when searchable text changed, and tells every door. */
  const edit = (
    reason: 'tags' | 'note' | 'status' | 'starred',
    ids: ReadonlyArray<PaperId>,
    write: () => number,
  ) => {
    const changed = db
      .transaction(() => {
        const count = write()
        if (count > 0 && (reason === 'tags' || reason === 'note')) reindexPapers(db, ids)
        return count
      })
      .immediate()
    if (changed > 0) events.emit('library.changed', { reason, paperIds: ids })
    return { changed }
  }

  return {
    libraryInfo: () => ({
      dataDir: deps.dataDir,
      databasePath: deps.databasePath,
      schemaVersion: schemaVersion(db),
      paperCount: countPapers(db),
      ...withWarning(libraryFolderWarning(deps.dataDir)),
    }),
    listPapers: (query) => listPapers(db, query),
    getPaper: ({ id }) => {
      const survivor = survivorOf(db, String(id))
      const paper =
        getPaperDetail(db, id) ?? (survivor === null ? null : getPaperDetail(db, survivor))
      if (!paper) throw new AppError('not-found', `There is no paper ${id} in this library.`)
      return paper
    },
    findPaper: ({ ref }) => {
      // A paper merged into another keeps naming the one it lives on.
      const id = findPaperIdByRef(db, ref) ?? survivorOf(db, ref)
      return id === null ? null : getPaperDetail(db, id)
    },
    importText: async (input) => {
      const request = { ...input, now: deps.now() }
      const parsed = await deps.parse.files.run(
        'import',
        { ...input, now: request.now.toISOString() },
        input.sourceName,
      )
      const report = applyImport(db, request, parsed)
      checkpointWal(db)
      if (report.paperIds.length > 0) {
        events.emit('library.changed', { reason: 'import', paperIds: report.paperIds })
      }
      return report
    },
    tagPapers: ({ ids, tags }) => edit('tags', ids, () => addTags(db, ids, tags, stamp())),
    untagPapers: ({ ids, tags }) => edit('tags', ids, () => removeTags(db, ids, tags)),
    listTags: () => listTags(db),
    setStatus: ({ ids, status }) => edit('status', ids, () => setStatus(db, ids, status, stamp())),
    setStarred: ({ ids, starred }) =>
      edit('starred', ids, () => setStarred(db, ids, starred, stamp())),
    setNote: ({ id, note }) => edit('note', [id], () => setNote(db, id, note, stamp())),
    ...createSearchService(deps),
    ...createLibraryUiService(deps),
    ...createSyncService(deps),
    ...createBackupService(deps),
    ...createPdfService(deps),
    ...createCurationService(deps),
  }
}
